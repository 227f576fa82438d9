import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../electron/backend/audit/chain';
import { migrate, migrationHash, MigrationError } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import {
  compareVersions,
  DatabaseOpenError,
  MIN_SQLITE,
  openDatabase,
} from '../../electron/backend/db/open';

const dirs: string[] = [];
const handles: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) if (h.open) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.doUnmock('better-sqlite3');
  vi.resetModules();
});

function emptyDb(): BetterSqlite3.Database {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-migrate-'));
  dirs.push(dir);
  const { sqlite } = openDatabase(join(dir, 'test.sqlite'));
  handles.push(sqlite);
  return sqlite;
}

interface SchemaObject {
  type: string;
  name: string;
}

function schemaObjects(sqlite: BetterSqlite3.Database): SchemaObject[] {
  return sqlite
    .prepare(
      `SELECT type, name FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY type, name`,
    )
    .all() as SchemaObject[];
}

/**
 * What each migration adds. A new migration without an entry here fails the first test, so
 * every migration gets its own test (DESIGN.md).
 */
const ADDS: Record<number, { table: string[]; index: string[]; trigger: string[] }> = {
  1: {
    table: ['app_meta', 'office', 'sessions', 'user_roles', 'users'],
    index: ['sessions_user'],
    trigger: [],
  },
  2: {
    table: ['audit_log'],
    index: ['audit_at', 'audit_method', 'audit_record', 'audit_user'],
    trigger: ['audit_log_no_delete', 'audit_log_no_update'],
  },
  3: {
    // regions_fts is an FTS5 table; the others are its shadow tables.
    table: [
      'regions',
      'regions_fts',
      'regions_fts_config',
      'regions_fts_data',
      'regions_fts_docsize',
      'regions_fts_idx',
    ],
    index: ['regions_name_norm', 'regions_parent'],
    trigger: [],
  },
  4: {
    table: [
      'persons',
      'persons_fts',
      'persons_fts_config',
      'persons_fts_data',
      'persons_fts_docsize',
      'persons_fts_idx',
    ],
    index: [
      'persons_birth_year',
      'persons_merged_into',
      'persons_name_key',
      'persons_nik',
      'persons_nik_all',
      'persons_origin',
    ],
    trigger: ['persons_fts_delete', 'persons_fts_insert', 'persons_fts_update'],
  },
  5: {
    table: ['shelter_beds', 'shelter_rooms', 'shelters', 'stay_events', 'stay_ppks', 'stays'],
    index: [
      'stay_events_stay',
      'stay_ppks_code',
      'stays_active_bed',
      'stays_active_person',
      'stays_checkin',
      'stays_checkout',
      'stays_exit_checkin',
      'stays_origin_checkin',
      'stays_person',
      'stays_shelter_checkin',
    ],
    trigger: [],
  },
  6: {
    table: [
      'complaint_categories',
      'complaint_counters',
      'complaint_events',
      'complaint_settings',
      'complaints',
      'holidays',
    ],
    index: [
      'complaint_events_complaint',
      'complaints_assignee_due',
      'complaints_category',
      'complaints_channel',
      'complaints_next_due',
      'complaints_person',
      'complaints_received',
      'complaints_received_day',
      'complaints_region',
      'complaints_status',
    ],
    trigger: [],
  },
  7: { table: [], index: ['stays_bed_checkout'], trigger: [] },
  // complaint_counters goes: its rows move into the registers (see the test below).
  8: { table: ['number_registers'], index: [], trigger: [] },
  9: {
    table: ['files'],
    index: ['files_purpose_created', 'files_sha256', 'persons_photo_file'],
    trigger: [],
  },
  10: {
    table: ['audit_checkpoints', 'audit_head'],
    index: ['audit_checkpoints_seq'],
    trigger: ['audit_checkpoints_no_delete', 'audit_checkpoints_no_update'],
  },
  // Columns on shelter_rooms; stay_events is rebuilt under its own name with its index.
  12: { table: [], index: [], trigger: [] },
  13: {
    table: ['person_match_keys', 'person_match_pairs'],
    index: ['person_match_pairs_b', 'person_match_pairs_open'],
    trigger: [
      'persons_match_keys_delete',
      'persons_match_keys_insert',
      'persons_match_keys_update',
    ],
  },
  // user_roles is rebuilt under its own name, now referencing roles.
  14: { table: ['roles'], index: [], trigger: [] },
  29: { table: [], index: ['persons_report', 'stays_period'], trigger: [] },
  31: { table: [], index: ['stays_checkout_checkin'], trigger: [] },
  20: { table: [], index: ['persons_year_names'], trigger: [] },
  28: {
    table: [],
    index: ['letters_class_created', 'letters_status_created', 'letters_year_created'],
    trigger: [],
  },
  17: { table: ['backup_runs', 'backup_settings'], index: ['backup_runs_started'], trigger: [] },
  16: {
    table: [
      'exchange_consents',
      'exchange_inbox',
      'exchange_keys',
      'exchange_outbox',
      'exchange_outbox_records',
      'exchange_partners',
      'exchange_provenance',
      'exchange_remote_stays',
      'exchange_staged',
    ],
    index: [
      'exchange_inbox_partner',
      'exchange_outbox_records_person',
      'exchange_outbox_records_record',
      'exchange_partners_office',
      'exchange_provenance_local',
      'exchange_remote_stays_person',
      'exchange_staged_record',
    ],
    trigger: [],
  },
  24: {
    table: [
      'dtsen_lists',
      'dtsen_mappings',
      'dtsen_rows',
      'finding_events',
      'findings',
      'ppks_count_additions',
    ],
    index: [
      'dtsen_lists_date',
      'dtsen_rows_match',
      'dtsen_rows_person',
      'finding_events_finding',
      'findings_found',
      'findings_kelurahan',
      'findings_person',
      'findings_queue',
    ],
    trigger: [],
  },
  15: {
    table: [
      'case_attachments',
      'case_events',
      'case_notes',
      'case_plan_services',
      'case_ppks',
      'case_referrals',
      'case_service_types',
      'case_services',
      'case_settings',
      'cases',
    ],
    index: [
      'case_attachments_case',
      'case_attachments_file',
      'case_events_action',
      'case_events_case',
      'case_notes_case',
      'case_plan_services_case',
      'case_ppks_code',
      'case_referrals_case',
      'case_referrals_region',
      'case_referrals_sent',
      'case_services_case',
      'cases_assessment_approved',
      'cases_awaiting',
      'cases_caseworker',
      'cases_caseworker_due',
      'cases_closed',
      'cases_complaint',
      'cases_due',
      'cases_location',
      'cases_main_ppks',
      'cases_opened',
      'cases_origin_region',
      'cases_person',
      'cases_risk',
      'cases_state',
      'cases_stay',
      'cases_supervisor',
    ],
    trigger: [],
  },
  // Rows only: default letter types for cases and referrals.
  27: { table: [], index: [], trigger: [] },
  // A column on the office; the outbox register rebuilt under the same names.
  30: { table: [], index: [], trigger: [] },
  // The office gains website and logo_file_id columns.
  18: {
    table: [
      'letter_classifications',
      'letter_events',
      'letter_signatories',
      'letter_templates',
      'letters',
    ],
    index: [
      'letter_events_letter',
      'letters_created',
      'letters_person',
      'letters_source',
      'letters_year_seq',
    ],
    trigger: ['letters_frozen'],
  },
  26: { table: [], index: ['cases_due_order', 'cases_id_list', 'cases_open'], trigger: [] },
};

/** Checks of what a user depends on in each migration's schema, run right after it. */
const BEHAVIOUR: Record<number, (db: BetterSqlite3.Database) => void> = {
  30: (db) => {
    // Kelurahan mode on the office; the register takes a finding about no registry person and
    // keeps both of its indexes.
    const cols = (t: string) =>
      db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number }[];
    expect(cols('office').find((c) => c.name === 'kelurahan_code')).toBeDefined();
    expect(cols('exchange_outbox_records').find((c) => c.name === 'person_id')?.notnull).toBe(0);
    expect(
      cols('exchange_outbox_records')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['packet_id', 'person_id', 'record_id', 'record_type', 'record_version']);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE tbl_name = 'exchange_outbox_records'
        AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['exchange_outbox_records_person', 'exchange_outbox_records_record']);
  },
  26: (db) => {
    // The list's pages read the index alone: no table row, no sort of the matches.
    const plan = (query: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${query}`).all());
    const page = 'ORDER BY opened_at DESC, id DESC LIMIT 25';
    expect(plan(`SELECT id FROM cases WHERE state <> 'closed' ${page}`)).toContain(
      'COVERING INDEX cases_open',
    );
    for (const [column, index] of [
      ['state', 'cases_state'],
      ['caseworker_id', 'cases_caseworker'],
      ['supervisor_id', 'cases_supervisor'],
      ['risk_level', 'cases_risk'],
    ]) {
      const p = plan(`SELECT id FROM cases WHERE ${column} = 'x' ${page}`);
      expect(p).toContain(`COVERING INDEX ${index}`);
      expect(p).not.toContain('TEMP B-TREE');
    }
    expect(
      plan(`SELECT id FROM cases ORDER BY due_on IS NULL, due_on, opened_at, id LIMIT 25`),
    ).toContain('COVERING INDEX cases_due_order');
    const fig = plan(`SELECT person_id, location_region_code, caseworker_id FROM cases
      WHERE closed_at >= '2025' AND opened_at < '2025'`);
    expect(fig).toContain('COVERING INDEX cases_closed');
  },
  17: (db) => {
    // One settings row with the default rotation (7 daily, 4 weekly, 12 monthly); no second row.
    expect(
      db.prepare('SELECT keep_daily, keep_weekly, keep_monthly, folder FROM backup_settings').all(),
    ).toEqual([{ keep_daily: 7, keep_weekly: 4, keep_monthly: 12, folder: null }]);
    expect(() =>
      db.exec(`INSERT INTO backup_settings (id, created_at, updated_at) VALUES (2, 'x', 'x')`),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO backup_runs (id, kind, started_at, finished_at, ok, folder)
        VALUES ('r', 'weekly', 'x', 'x', 1, '/b')`),
    ).toThrow(/CHECK/);
  },
  16: (db) => {
    // One partner per office code (a new card replaces its keys in place).
    const now = '2026-11-27T02:00:00.000Z';
    const partner = db.prepare(`INSERT INTO exchange_partners (id, office_code, office_name,
      fingerprint, age_recipient, sign_public, valid_until, card, status, created_at, updated_at)
      VALUES (?, ?, 'Kab. Banjar', 'f', 'age1x', 'k', ?, '{}', ?, ?, ?)`);
    partner.run('p1', '63.03', now, 'active', now, now);
    expect(() => partner.run('p2', '63.03', now, 'blocked', now, now)).toThrow(/UNIQUE/);
    expect(() => partner.run('p3', '63.04', now, 'lost', now, now)).toThrow(/CHECK/);
    expect(() => partner.run('p4', '63.04', now, 'active', now, now)).not.toThrow();
  },
  28: (db) => {
    // The register's filters each read their own index, newest first, without a sort.
    const plan = (where: string) =>
      (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT id FROM letters WHERE ${where}
             ORDER BY created_at DESC, id DESC LIMIT 25`,
          )
          .all() as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('; ');
    expect(plan(`status = 'voided'`)).toMatch(/COVERING INDEX letters_status_created/);
    expect(plan(`seq_year = 2026 AND +status = 'issued'`)).toMatch(
      /COVERING INDEX letters_year_created/,
    );
    expect(plan(`classification_id = 'c'`)).toMatch(/COVERING INDEX letters_class_created/);
    expect(plan(`status = 'voided'`)).not.toMatch(/TEMP B-TREE/);
  },
  24: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    expect(db.prepare(`SELECT id FROM roles WHERE id = 'kelurahan_operator'`).pluck().get()).toBe(
      'kelurahan_operator',
    );
    const region = db.prepare(`INSERT OR IGNORE INTO regions (code, parent_code, level, name,
      name_norm) VALUES (?, ?, ?, ?, ?)`);
    region.run('63', null, 1, 'Kalimantan Selatan', 'kalimantan selatan');
    region.run('63.72', '63', 2, 'Kota Banjarbaru', 'kota banjarbaru');
    region.run('63.72.04', '63.72', 3, 'Banjarbaru Utara', 'banjarbaru utara');
    region.run('63.72.04.1003', '63.72.04', 4, 'Komet', 'komet');
    db.prepare(`UPDATE users SET kelurahan_code = '63.72.04.1003' WHERE id = 'u1'`).run();
    const finding = db.prepare(`INSERT INTO findings (id, number, kelurahan_code, place, found_at,
      received_at, received_day, ppks, condition, urgency, reporter_role, reporter_name, status,
      triage_due, act_due, outcome, stay_id, close_reason, created_at, updated_at)
      VALUES (?, ?, '63.72.04.1003', 'Pasar', '${now}', '${now}', '2026-11-27', ?, 'Lemah',
      'emergency', 'tksk', 'Rahmat', ?, '2026-11-27', '2026-11-27', ?, NULL, ?, '${now}', '${now}')`);
    finding.run('f1', 'TMN/0001/2026', '["PPKS-08"]', 'received', null, null);
    expect(
      () => finding.run('f2', 'TMN/0002/2026', '[]', 'received', null, null),
      'no PPKS',
    ).toThrow(/CHECK/);
    expect(
      () => finding.run('f3', 'TMN/0003/2026', '["PPKS-08"]', 'acted_on', null, null),
      'acted on without an outcome',
    ).toThrow(/CHECK/);
    expect(
      () => finding.run('f4', 'TMN/0004/2026', '["PPKS-08"]', 'acted_on', 'shelter_checkin', null),
      'a check-in without its stay',
    ).toThrow(/CHECK/);
    finding.run('f5', 'TMN/0005/2026', '["PPKS-08"]', 'closed', 'no_action', 'Sudah pulang');
    expect(() => finding.run('f6', 'TMN/0001/2026', '["PPKS-08"]', 'received', null, null)).toThrow(
      /UNIQUE/,
    );
    const addition = db.prepare(`INSERT INTO ppks_count_additions (id, kelurahan_code, month, ppks,
      count, created_at, updated_at) VALUES (?, '63.72.04.1003', '2026-11', 'PPKS-08', 3, '${now}', '${now}')`);
    addition.run('a1');
    expect(() => addition.run('a2'), 'one count per kelurahan, month, category').toThrow(/UNIQUE/);
    db.exec(`INSERT INTO files (id, sha256, type, size, original_name, purpose, created_at)
      VALUES ('file1', '${'a'.repeat(64)}', 'text/csv', 1, 'dtsen.csv', 'dtsenList', '${now}')`);
    db.exec(`INSERT INTO dtsen_lists (id, list_date, source, file_id, rows_total, rows_refused,
      created_at, updated_at) VALUES ('l1', '2026-10-01', 'SIKS-NG', 'file1', 2, 1, '${now}', '${now}')`);
    const row = db.prepare(`INSERT INTO dtsen_rows (id, list_id, line, nik, match, refused)
      VALUES (?, 'l1', ?, '6372014107900001', ?, ?)`);
    row.run('r1', 2, 'unmatched', null);
    row.run('r2', 3, null, 'dtsen.row_nik_invalid');
    expect(() => row.run('r3', 4, 'nik', 'dtsen.row_nik_invalid'), 'refused and matched').toThrow(
      /CHECK/,
    );
    expect(() => row.run('r4', 5, null, null), 'neither').toThrow(/CHECK/);
    expect(() => row.run('r5', 2, 'unmatched', null), 'one row per line').toThrow(/UNIQUE/);
  },
  15: (db) => {
    // The default numbering and due days, and the office's list of service types.
    expect(
      db.prepare('SELECT number_pattern, assessment_days, review_days FROM case_settings').get(),
    ).toEqual({ number_pattern: 'KS/{seq:4}/{year}', assessment_days: 3, review_days: 30 });
    expect(db.prepare('SELECT count(*) FROM case_service_types').pluck().get()).toBe(12);
    // A referral to another regency's Dinas Sosial must name the region.
    const now = '2026-11-27T02:00:00.000Z';
    expect(() =>
      db
        .prepare(
          `INSERT INTO case_referrals (id, case_id, agency_kind, agency_name, reason, state,
          sent_at, created_at, updated_at) VALUES ('r', 'c', 'dinsos_region', 'Dinsos', 'x',
          'sent', '${now}', '${now}', '${now}')`,
        )
        .run(),
    ).toThrow(/CHECK|FOREIGN KEY/);
  },
  27: (db) => {
    // A fresh install gains one case and two referral letter types, on the rehabilitation code.
    expect(
      db
        .prepare(
          `SELECT t.source_kind, c.code FROM letter_templates t
           JOIN letter_classifications c ON c.id = t.classification_id
           WHERE t.source_kind IN ('case', 'referral') ORDER BY t.id`,
        )
        .all(),
    ).toEqual([
      { source_kind: 'referral', code: '400.9.2' },
      { source_kind: 'referral', code: '400.9.2' },
      { source_kind: 'case', code: '400.9.2' },
    ]);
    expect(db.prepare('SELECT count(*) FROM letter_templates').pluck().get()).toBe(11);
  },
  18: (db) => {
    // Eight editable letter types ship, each on a shipped classification code.
    expect(db.prepare('SELECT count(*) FROM letter_templates').pluck().get()).toBe(8);
    const now = '2026-11-27T02:00:00.000Z';
    db.exec(`INSERT INTO letters (id, template_id, source_kind, source_id, status, layout, title,
      subject, body, paper, classification_id, number, signature, created_at, updated_at)
      SELECT 'l1', id, source_kind, 'x', 'issued', layout, title, subject, body, paper,
      classification_id, '400.9.2/0001/Dinsos/2026', 'sig', '${now}', '${now}'
      FROM letter_templates LIMIT 1`);
    // An issued letter's text is frozen even for a hand-written UPDATE; its print count is not.
    expect(() => db.exec(`UPDATE letters SET body = 'changed' WHERE id = 'l1'`)).toThrow(/frozen/);
    db.exec(`UPDATE letters SET prints = prints + 1, status = 'voided' WHERE id = 'l1'`);
    // A draft has no number.
    expect(() =>
      db.exec(`INSERT INTO letters (id, template_id, source_kind, source_id, layout, title, subject,
        body, paper, classification_id, number, created_at, updated_at)
        SELECT 'l2', id, source_kind, 'x', layout, title, subject, body, paper, classification_id,
        'N/1', '${now}', '${now}' FROM letter_templates LIMIT 1`),
    ).toThrow(/CHECK/);
  },
  14: (db) => {
    // The roles of the day are in the table; a role it does not know is refused.
    const ids = db.prepare('SELECT id FROM roles ORDER BY id').pluck().all();
    expect(ids).toEqual([
      'admin',
      'caseworker',
      'complaint_officer',
      'shelter_staff',
      'supervisor',
      'viewer',
    ]);
    const now = '2026-11-27T02:00:00.000Z';
    db.prepare(
      `INSERT INTO users (id, username, full_name, password_hash, password_changed_at,
      created_at, updated_at) VALUES ('u1', 'sup', 'S', 'x', '${now}', '${now}', '${now}')`,
    ).run();
    db.prepare(`INSERT INTO user_roles (user_id, role) VALUES ('u1', 'supervisor')`).run();
    expect(() =>
      db.prepare(`INSERT INTO user_roles (user_id, role) VALUES ('u1', 'king')`).run(),
    ).toThrow(/FOREIGN KEY/);
  },
  1: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const office = db.prepare(`INSERT INTO office (id, name, region_code, address, time_zone,
      max_stay_days, created_at, updated_at) VALUES (?, 'Dinas', '63.72', 'Jl', 'Asia/Makassar', 7, ?, ?)`);
    office.run(1, now, now);
    expect(() => office.run(2, now, now)).toThrow(/CHECK/); // one office row only
    const user = db.prepare(`INSERT INTO users (id, username, full_name, nip, password_hash,
      password_changed_at, created_at, updated_at) VALUES (?, ?, 'N', ?, 'h', ?, ?, ?)`);
    user.run('u1', 'siti', null, now, now, now);
    expect(() => user.run('u2', 'SITI', null, now, now, now)).toThrow(/UNIQUE/);
    expect(() => user.run('u3', 'budi', '12345', now, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO user_roles VALUES ('u1', 'root')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO user_roles VALUES ('nobody', 'admin')`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db.prepare(`INSERT INTO sessions VALUES ('s', 'nobody', ?, ?)`).run(now, now),
    ).toThrow(/FOREIGN KEY/);
  },
  2: (db) => {
    db.prepare(
      `INSERT INTO audit_log (at, method, outcome, prev_hash, hash)
      VALUES ('t', 'm', 'ok', 'p', 'h')`,
    ).run();
    expect(() => db.exec(`UPDATE audit_log SET method = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO audit_log (at, method, outcome, prev_hash, hash)
        VALUES ('t', 'm', 'maybe', 'p', 'h')`),
    ).toThrow(/CHECK/);
  },
  3: (db) => {
    const ins = db.prepare(
      `INSERT INTO regions (code, parent_code, level, name, name_norm) VALUES (?, ?, ?, ?, ?)`,
    );
    ins.run('63', null, 1, 'Kalimantan Selatan', 'kalimantan selatan');
    ins.run('63.72', '63', 2, 'Kota Banjarbaru', 'kota banjarbaru');
    expect(() => ins.run('99.01', '99', 2, 'X', 'x')).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('63.72', '63', 2, 'Dup', 'dup')).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO regions_fts(regions_fts) VALUES ('rebuild')`);
    const hit = db
      .prepare(
        `SELECT r.code FROM regions_fts f JOIN regions r ON r.rowid = f.rowid
         WHERE regions_fts MATCH '"jarbar"'`,
      )
      .all();
    expect(hit).toEqual([{ code: '63.72' }]);
  },
  4: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const person = db.prepare(`INSERT INTO persons (id, nik, full_name, identity_status, quality,
      search_names, name_key, merged_into, created_at, updated_at)
      VALUES (?, ?, ?, 'document', '{}', ?, ?, ?, ?, ?)`);
    const nik = '6372014107900001';
    person.run('p1', nik, 'Siti Aminah', 'siti aminah', 'siti aminah', null, now, now);
    // One living record per NIK ...
    expect(() => person.run('p2', nik, 'Siti A.', 'siti a', 'siti a', null, now, now)).toThrow(
      /UNIQUE/,
    );
    // ... but a record merged into another keeps its NIK beside it.
    person.run('p3', nik, 'Siti Aminah (dup)', 'siti aminah dup', 'siti aminah', 'p1', now, now);
    expect(() => person.run('p4', '63720141079', 'Budi', 'budi', 'budi', null, now, now)).toThrow(
      /CHECK/,
    );
    // The name index follows inserts, renames and deletes.
    const find = (term: string) =>
      db
        .prepare(
          `SELECT p.id FROM persons_fts f JOIN persons p ON p.rowid = f.rowid
           WHERE persons_fts MATCH ? ORDER BY p.id`,
        )
        .all(`"${term}"`)
        .map((r) => (r as { id: string }).id);
    expect(find('aminah')).toEqual(['p1', 'p3']);
    db.prepare(`UPDATE persons SET search_names = 'siti rahmah' WHERE id = 'p1'`).run();
    expect(find('aminah')).toEqual(['p3']);
    expect(find('rahmah')).toEqual(['p1']);
    db.prepare(`DELETE FROM persons WHERE id = 'p3'`).run();
    expect(find('aminah')).toEqual([]);
  },
  5: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const later = '2026-11-28T02:00:00.000Z';
    const tracked = `'${now}', NULL, '${now}', NULL, 1`;
    db.exec(`
      INSERT INTO persons (id, full_name, identity_status, quality, search_names, name_key,
        created_at, updated_at) VALUES
        ('p1', 'A', 'unknown', '{}', 'a', 'a', '${now}', '${now}'),
        ('p2', 'B', 'unknown', '{}', 'b', 'b', '${now}', '${now}');
      INSERT INTO shelters VALUES ('s1', 'Rumah Singgah', NULL, 10, 1, ${tracked});
      INSERT INTO shelters VALUES ('s2', 'Rumah Singgah Dua', NULL, 10, 1, ${tracked});
      INSERT INTO shelter_rooms VALUES ('r1', 's1', 'Kamar 1', ${tracked});
      INSERT INTO shelter_rooms VALUES ('r2', 's2', 'Kamar 1', ${tracked});
      INSERT INTO shelter_beds VALUES ('b1', 'r1', 's1', 'A', 'men', 1, ${tracked});
      INSERT INTO shelter_beds VALUES ('b2', 'r1', 's1', 'B', 'men', 1, ${tracked});`);
    // A bed belongs to its room's shelter.
    expect(() =>
      db.exec(`INSERT INTO shelter_beds VALUES ('b3', 'r1', 's2', 'C', 'men', 1, ${tracked})`),
    ).toThrow(/FOREIGN KEY/);
    const stay = db.prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id, checkin_at,
      referral_source, checkout_at, exit_type, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'self', ?, ?, ?, ?)`);
    stay.run('st1', 'p1', 's1', 'b1', now, null, null, now, now);
    // One active stay per bed and per person.
    expect(() => stay.run('st2', 'p2', 's1', 'b1', now, null, null, now, now)).toThrow(/UNIQUE/);
    expect(() => stay.run('st3', 'p1', 's1', 'b2', now, null, null, now, now)).toThrow(/UNIQUE/);
    // A stay sits on a bed of its own shelter.
    expect(() => stay.run('st4', 'p2', 's2', 'b2', now, null, null, now, now)).toThrow(
      /FOREIGN KEY/,
    );
    // A check-out needs its exit, and cannot precede the check-in.
    expect(() => stay.run('st5', 'p2', 's1', 'b2', now, later, null, now, now)).toThrow(/CHECK/);
    expect(() => stay.run('st6', 'p2', 's1', 'b2', later, now, 'left', now, now)).toThrow(/CHECK/);
    // Finished stays free the bed and the person.
    stay.run('st7', 'p2', 's1', 'b2', now, later, 'reunited', now, now);
    stay.run('st8', 'p2', 's1', 'b2', later, null, null, now, now);
    const ppks = db.prepare(`INSERT INTO stay_ppks VALUES ('st1', ?, '${now}')`);
    ppks.run('PPKS-11');
    for (const bad of ['PPKS-27', 'PPKS-00', 'PPKS-1', 'ppks-11']) {
      expect(() => ppks.run(bad), bad).toThrow(/CHECK/);
    }
  },
  6: (db) => {
    // Seeded: the numbering settings, seven categories and the 2026 holiday calendar.
    expect(
      db.prepare('SELECT number_pattern, kind_code_complaint FROM complaint_settings').get(),
    ).toEqual({
      number_pattern: '{kind}/{seq:4}/DINSOS-BJB/{year}',
      kind_code_complaint: 'ADU',
    });
    expect(db.prepare('SELECT count(*) AS n FROM complaint_categories').get()).toEqual({ n: 7 });
    expect(db.prepare(`SELECT name FROM holidays WHERE date = '2026-08-17'`).get()).toEqual({
      name: 'Hari Proklamasi Kemerdekaan RI',
    });
    const now = '2026-11-27T02:00:00.000Z';
    expect(() =>
      db.exec(`INSERT INTO holidays (id, date, name, kind, created_at, updated_at)
        VALUES ('h', '2026-08-17', 'Dua kali', 'local', '${now}', '${now}')`),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec(`INSERT INTO complaint_counters VALUES ('complaint', 2026, 0)`)).toThrow(
      /CHECK/,
    );
    const insert = (id: string, over: Record<string, string | number | null> = {}) => {
      const row: Record<string, string | number | null> = {
        id,
        number: `ADU/${id}/2026`,
        seq: Number(id.replace(/\D/g, '')) || 1,
        seq_year: 2026,
        kind: 'complaint',
        category_id: '0190a000-0000-7000-8000-000000000002',
        channel: 'phone',
        received_at: now,
        received_day: '2026-11-27',
        reporter_name: 'Pelapor',
        subject: 'S',
        description: 'D',
        urgency: 'normal',
        status: 'received',
        verify_due: '2026-12-02',
        answer_due: '2026-12-04',
        complete_due: '2026-12-17',
        next_due: '2026-12-02',
        created_at: now,
        updated_at: now,
        ...over,
      };
      const cols = Object.keys(row);
      db.prepare(
        `INSERT INTO complaints (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ).run(...cols.map((c) => row[c]));
    };
    insert('c1');
    expect(() => insert('c2', { number: 'ADU/c1/2026' }), 'number').toThrow(/UNIQUE/);
    expect(() => insert('c3', { seq: 1 }), 'sequence').toThrow(/UNIQUE/);
    // An anonymous reporter has no name; a data-service type only on data-service requests.
    expect(() => insert('c4', { reporter_anonymous: 1 })).toThrow(/CHECK/);
    expect(() => insert('c5', { service_type: 'data_request' })).toThrow(/CHECK/);
    // Closed exactly when the status says so, and then without a next deadline.
    expect(() => insert('c6', { status: 'done' })).toThrow(/CHECK/);
    expect(() => insert('c7', { status: 'done', closed_at: now })).toThrow(/CHECK/);
    insert('c8', { status: 'done', closed_at: now, next_due: null });
    expect(() => insert('c9', { status: 'rejected', closed_at: now, next_due: null })).toThrow(
      /CHECK/,
    );
    expect(() => insert('c10', { verify_due: '2026-12-20' })).toThrow(/CHECK/);
    expect(() => insert('c11', { person_id: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => insert('c12', { category_id: 'none' })).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO complaint_events (id, complaint_id, at, kind, created_at)
        VALUES ('e1', 'c1', '${now}', 'action', '${now}')`),
    ).toThrow(/CHECK/);
  },
  7: (db) => {
    // A bed's history by check-out time is read through the index, not a scan of all stays.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT checkin_at FROM stays WHERE bed_id = ? AND checkout_at > ?`,
      )
      .all('b', '2026-01-01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('stays_bed_checkout');
  },
  8: (db) => {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
    expect(tables).not.toContainEqual({ name: 'complaint_counters' });
    const add = db.prepare(`INSERT INTO number_registers (key, year, last) VALUES (?, ?, ?)`);
    // Any key, no new code: case and letter registers start with their first number.
    add.run('complaint', 2026, 1);
    add.run('letter.rujukan', 2026, 12);
    add.run('complaint', 2027, 1);
    expect(() => add.run('complaint', 2026, 2), 'one row per key and year').toThrow(/UNIQUE/);
    expect(() => add.run('case', 2026, 0), 'numbers start at 1').toThrow(/CHECK/);
    expect(() => add.run('Kasus Baru', 2026, 1), 'keys are plain names').toThrow(/CHECK/);
    expect(() => add.run('', 2026, 1)).toThrow(/CHECK/);
  },
  9: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const sha = 'ab'.repeat(32);
    const file = db.prepare(`INSERT INTO files (id, sha256, type, size, original_name, purpose,
      created_at, created_by) VALUES (?, ?, 'image/png', ?, ?, 'personPhoto', ?, ?)`);
    file.run('f1', sha, 10, 'foto.png', now, null);
    // Two uploads of the same content share one hash.
    file.run('f2', sha, 10, 'lagi.png', now, null);
    expect(() => file.run('f3', 'AB'.repeat(32), 10, 'x.png', now, null), 'hex').toThrow(/CHECK/);
    expect(() => file.run('f4', 'ab', 10, 'x.png', now, null), 'length').toThrow(/CHECK/);
    expect(() => file.run('f5', sha, -1, 'x.png', now, null), 'size').toThrow(/CHECK/);
    expect(() => file.run('f6', sha, 1, '', now, null), 'name').toThrow(/CHECK/);
    expect(() => file.run('f7', sha, 1, 'x.png', now, 'nobody'), 'creator').toThrow(/FOREIGN KEY/);
    // A person's photo points at a stored file, and a file in use cannot vanish under it.
    db.exec(`INSERT INTO persons (id, full_name, identity_status, quality, search_names, name_key,
      photo_file_id, created_at, updated_at)
      VALUES ('p1', 'A', 'unknown', '{}', 'a', 'a', 'f1', '${now}', '${now}')`);
    expect(() => db.exec(`UPDATE persons SET photo_file_id = 'none' WHERE id = 'p1'`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.exec(`DELETE FROM files WHERE id = 'f1'`)).toThrow(/FOREIGN KEY/);
    db.exec(`DELETE FROM files WHERE id = 'f2'`);
  },
  10: (db) => {
    const entry = db.prepare(`INSERT INTO audit_log (at, method, outcome, row_table, row_hash,
      prev_hash, hash) VALUES ('t', 'm', ?, ?, ?, 'p', 'h')`);
    entry.run('refused', null, null);
    entry.run('ok', 'persons', 'ab');
    expect(() => entry.run('maybe', null, null)).toThrow(/CHECK/);
    // The rebuilt trail is still append-only.
    expect(() => db.exec(`UPDATE audit_log SET note = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    const checkpoint = db.prepare(`INSERT INTO audit_checkpoints (seq, hash, at, reason, key_id,
      public_key, signature) VALUES (1, 'h', 't', ?, 'k', 'p', 's')`);
    checkpoint.run('admin');
    expect(() => checkpoint.run('whenever')).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE audit_checkpoints SET seq = 2`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_checkpoints`)).toThrow(/append-only/);
    const head = db.prepare(`INSERT INTO audit_head VALUES (?, 1, 'h', 't', 'k', 's')`);
    head.run(1);
    expect(() => head.run(2), 'one head').toThrow(/CHECK/);
  },
  12: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    db.exec(`INSERT INTO shelters (id, name, capacity, created_at, updated_at)
      VALUES ('s', 'RS', 5, '${now}', '${now}')`);
    const room = db.prepare(`INSERT INTO shelter_rooms (id, shelter_id, name, kind, age_min,
      age_max, created_at, updated_at) VALUES (?, 's', ?, ?, ?, ?, '${now}', '${now}')`);
    room.run('r1', 'Anak', 'children', 5, 17);
    room.run('r2', 'Lansia', 'family', 60, null);
    expect(() => room.run('r3', 'X', 'dorm', null, null), 'kind').toThrow(/CHECK/);
    expect(() => room.run('r4', 'Y', 'men', 18, 5), 'min above max').toThrow(/CHECK/);
    expect(() => room.run('r5', 'Z', 'men', -1, null), 'negative').toThrow(/CHECK/);
    expect(
      db.prepare(`SELECT name FROM pragma_table_info('shelter_beds')`).all(),
    ).not.toContainEqual({ name: 'section' });
  },
  20: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const add = db.prepare(`INSERT INTO persons (id, full_name, identity_status, quality,
      search_names, name_key, birth_year, merged_into, created_at, updated_at)
      VALUES (?, ?, 'unknown', '{}', ?, ?, ?, ?, '${now}', '${now}')`);
    add.run('p1', 'Siti Aminah', 'siti aminah', 'siti aminah', 1985, null);
    add.run('p2', 'Siti Aminah', 'siti aminah', 'siti aminah', 1985, 'p1');
    add.run('p3', 'Siti Rahmah', 'siti rahmah', 'siti rahmah', 1986, null);
    // A year's living names are matched in the index (a row is read only for a match);
    // merged records are not in it.
    const query = `SELECT id FROM persons INDEXED BY persons_year_names
      WHERE birth_year = 1985 AND search_names LIKE '%amin%' AND merged_into IS NULL`;
    expect(db.prepare(query).all()).toEqual([{ id: 'p1' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.replace('id', 'rowid')}`).all();
    expect(JSON.stringify(plan)).toContain('USING INDEX persons_year_names (birth_year=?)');
  },
  29: (db) => {
    // The shelter report and the rekap read a period's stays and their people from these
    // indexes alone, never the wide table rows.
    const plan = (q: string) =>
      JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${q}`).all('2025-01-01', '2026-01-01'));
    expect(
      plan(`SELECT person_id, checkout_at, exit_type, destination_code, origin_regency, id
        FROM stays WHERE checkin_at >= ? AND checkin_at < ?`),
    ).toContain('USING COVERING INDEX stays_period');
    expect(
      plan(`SELECT p.sex, p.birth_date, p.birth_year, p.identity_status, p.nik IS NOT NULL,
        p.village_code FROM stays s JOIN persons p INDEXED BY persons_report ON p.id = s.person_id
        WHERE s.checkin_at >= ? AND s.checkin_at < ?`),
    ).toContain('USING COVERING INDEX persons_report');
  },
  31: (db) => {
    // Which stays checked out in a period had checked in before it is told by the index, and
    // only those rows are read (a stay checked in during the period is not fetched).
    const q = `SELECT person_id FROM stays INDEXED BY stays_checkout_checkin
      WHERE checkout_at >= ? AND +checkin_at < ?`;
    expect(
      JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${q}`).all('2025-01-01', '2025-01-01')),
    ).toContain('stays_checkout_checkin (checkout_at>?)');
    const program = db.prepare(`EXPLAIN ${q}`).all('2025-01-01', '2025-01-01') as {
      opcode: string;
    }[];
    // The table is sought only after the check-in test on the index (a deferred seek).
    expect(program.map((o) => o.opcode)).toContain('DeferredSeek');
  },
  13: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const keys = (rowid: number | bigint) =>
      db
        .prepare(
          'SELECT key, birth_year FROM person_match_keys WHERE person_rowid = ? ORDER BY key',
        )
        .all(rowid);
    // Existing people start without keys (the background rebuild writes them).
    const add = db.prepare(`INSERT INTO persons (id, full_name, identity_status, quality,
      search_names, name_key, birth_year, match_keys, created_at, updated_at)
      VALUES (?, 'A', 'unknown', '{}', 'a', 'a', ?, ?, '${now}', '${now}')`);
    const a = add.run('p1', 1980, '["t:a","t:b"]').lastInsertRowid;
    expect(keys(a)).toEqual([
      { key: 't:a', birth_year: 1980 },
      { key: 't:b', birth_year: 1980 },
    ]);
    // Keys follow the record's keys and birth year; an unknown year is 0.
    db.prepare(
      `UPDATE persons SET match_keys = '["t:c"]', birth_year = NULL WHERE id = 'p1'`,
    ).run();
    expect(keys(a)).toEqual([{ key: 't:c', birth_year: 0 }]);
    // A merged record is found by no key; a deleted one leaves none behind.
    const b = add.run('p2', 1990, '["t:c"]').lastInsertRowid;
    db.prepare(`UPDATE persons SET merged_into = 'p1' WHERE id = 'p2'`).run();
    expect(keys(b)).toEqual([]);
    const c = add.run('p4', 1970, '["t:d"]').lastInsertRowid;
    db.prepare(`DELETE FROM persons WHERE id = 'p4'`).run();
    expect(keys(c)).toEqual([]);
    expect(() => db.exec(`UPDATE persons SET match_keys = 'x' WHERE id = 'p2'`)).toThrow(/CHECK/);
    // A pair is kept once, in id order, with a known decision.
    add.run('p3', null, '[]');
    const pair = db.prepare(`INSERT INTO person_match_pairs (a_id, b_id, level, score, evidence,
      status, found_at) VALUES (?, ?, 'likely', 90, '[]', ?, '${now}')`);
    pair.run('p2', 'p3', 'open');
    expect(() => pair.run('p3', 'p2', 'open'), 'order').toThrow(/CHECK/);
    expect(() => pair.run('p2', 'p3', 'open'), 'once').toThrow(/UNIQUE|PRIMARY/);
    expect(() => pair.run('p1', 'p3', 'maybe'), 'status').toThrow(/CHECK/);
  },
};

describe('migrations', () => {
  it('are numbered in ascending order from 1, uniquely, and each has a test entry', () => {
    // Parallel branches take numbers given to them (10, 11, … 13); merged, they run 1..n.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(ADDS[m.version], `expected schema for migration ${m.version}`).toBeDefined();
      expect(BEHAVIOUR[m.version], `behaviour test for migration ${m.version}`).toBeDefined();
    }
  });

  describe.each(MIGRATIONS.map((m) => [`${m.version} ${m.name}`, m] as const))(
    'migration %s',
    (_label, m) => {
      it('creates exactly its tables, indexes and triggers, with clean foreign keys', () => {
        const adds = ADDS[m.version];
        const behaviour = BEHAVIOUR[m.version];
        if (!adds || !behaviour) {
          throw new Error(
            `Migration ${m.version} (${m.name}) has no entry in ADDS/BEHAVIOUR in test/backend/migrations.test.ts`,
          );
        }
        const db = emptyDb();
        const earlier = MIGRATIONS.filter((x) => x.version < m.version);
        migrate(db, earlier);
        const before = new Set(schemaObjects(db).map((o) => `${o.type}:${o.name}`));

        const now = new Date('2026-11-27T02:00:00Z');
        expect(migrate(db, [...earlier, m], () => now)).toEqual({ applied: [m.version] });

        const added = schemaObjects(db).filter((o) => !before.has(`${o.type}:${o.name}`));
        const byType = (type: string) =>
          added
            .filter((o) => o.type === type)
            .map((o) => o.name)
            .sort();
        expect(byType('table')).toEqual(adds.table);
        expect(byType('index')).toEqual(adds.index);
        expect(byType('trigger')).toEqual(adds.trigger);
        expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        expect(
          db.prepare('SELECT * FROM schema_migrations WHERE version = ?').get(m.version),
        ).toEqual({
          version: m.version,
          name: m.name,
          hash: migrationHash(m),
          applied_at: now.toISOString(),
        });
        behaviour(db);
      });
    },
  );

  it('10 keeps every audit entry as it was, so the chain written before it still verifies', () => {
    const db = emptyDb();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 10),
    );
    let prev = GENESIS_HASH;
    const insert = db.prepare(`INSERT INTO audit_log (seq, at, user_id, username, method,
      record_type, record_id, outcome, changes, note, prev_hash, hash)
      VALUES (@seq, @at, @user_id, @username, @method, @record_type, @record_id, @outcome,
      @changes, @note, @prev_hash, @hash)`);
    for (const seq of [1, 2, 3]) {
      const row = {
        seq,
        at: '2026-11-27T02:00:00.000Z',
        user_id: null,
        username: 'admin',
        method: 'office.update',
        record_type: 'office',
        record_id: '1',
        outcome: seq === 2 ? ('denied' as const) : ('ok' as const),
        changes: JSON.stringify({ max_stay_days: [seq, seq + 1] }),
        note: null,
        row_table: null,
        row_hash: null,
      };
      const hash = entryHash(prev, row);
      const { row_table: _t, row_hash: _h, ...stored } = row;
      insert.run({ ...stored, prev_hash: prev, hash });
      prev = hash;
    }
    const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    migrate(db, MIGRATIONS);
    const after = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
      string,
      unknown
    >[];
    expect(after.map(({ row_table: _t, row_hash: _h, ...r }) => r)).toEqual(before);
    let link = GENESIS_HASH;
    for (const r of after as unknown as (Parameters<typeof entryHash>[1] & { hash: string })[]) {
      expect(entryHash(link, r)).toBe(r.hash);
      link = r.hash;
    }
  });

  it('8 carries the complaint counters into the registers, each number where it was', () => {
    const db = emptyDb();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 8),
    );
    db.exec(`INSERT INTO complaint_counters (kind, year, last) VALUES
      ('complaint', 2025, 311), ('data_service', 2025, 42), ('complaint', 2026, 17)`);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    expect(db.prepare('SELECT * FROM number_registers ORDER BY key, year').all()).toEqual([
      { key: 'complaint', year: 2025, last: 311 },
      { key: 'complaint', year: 2026, last: 17 },
      { key: 'data_service', year: 2025, last: 42 },
    ]);
  });

  it('keep the text they were released with (an office database refuses a changed one)', () => {
    // Hashes of migrations as released. Shared blocks (migrations/columns.ts) may build the SQL
    // text, but it must come out byte for byte the same. A new migration adds its line here.
    const released: Record<number, string> = {
      1: 'a53c706e7c12a0b687f2f8a1c08473e2ce5542e37062a49683b4910cbfac809b',
      2: 'dd6dbf77b3ac080915ad35a0be9f2ec1bac06e4722779cafccfb270166b748f5',
      3: '16c3357bd9a92fa72969a57a0f33c50518ddf9b08475a09c5f9eca79d44ae91d',
      4: 'b0caf45639250692b183ad19b5d35597b98062475010704d8b764d2127ca38bb',
      5: 'b097094bdec7a7992b76557551460d792c525938eb03c19176ea8c38ce197bd0',
      6: '88fd69da22e15988f96411414852e8292c7cdda027b83cd4e3cf04b61ce12418',
      7: '59efdb950039dd5cb6641ea07fa812a9c16a5ec82aba783435dac909aa673589',
      8: '2cf7f6b9b4f1361d6d053d85b4f3eb11e8d737a63ef75e716261cf1aa7124a67',
      9: '2240b84d4f2bebc4401d5bdd03aa4173467e6d484bbfac1e475530ead7e803ca',
      10: 'af286678dbdffccd5d42948bd2463513390542aa8aed189193b75bd6708830c1',
      12: '9d7b1c081c37c9b1e8b305ff287c329785011a58f290ad251130be78e1c2c877',
      13: '4b4d4b7c130ea542fedf10c3e9f7eff24e42fbde0cea5ad169c299a737f59371',
      14: 'a7c67fa4d9ec43f98d6f12a6823d685568191cafafb761212f3caa35be501320',
      15: '1a235332dc9a95a7a2a3e1d4ac819ae78c4731d78333deba8a3b83f7a7d17c00',
      16: '278d5459b146e82c03661fa8ccc86017d72c70d6215798961b812b63568f5434',
      17: '3cefd9d0b6456650c96583770fcd44ff194fb4e113342feb230a69df002ba70b',
      18: '692077dad3ddaa27aa4a6defbaabb87619fb7502a0bcc0b93e78890b8aa6c846',
      20: '301dca0abd9de5650e40c7350c5ac3ac19ff92e59521f9f96856a333c14ea8a0',
      24: '4d64d89376dd10b9080fd14a2f1d679e1be7f465bf55030a79ace185db61a989',
      26: '57a6d796a5c357e150e0d32cd732cd71e3887cb9cc6b86b34198553f169e9da8',
      27: 'c82325ab06d4ac1951fae4eea44661c26e4c0146dcd520171918b1f6c2b1da6c',
      28: '092df1eb79c8c131e24c54791de0c2836ba22ed7ea445f16065fbc84cac5d5ed',
      29: '5f8f98d565a1f7834e56735922b60b438c9020bae791ee4bde9346ca70e086f2',
      30: '3dc2ab43782aac6450037d4729c8ab20cac3eb892010c808969c5f9b138043bb',
      31: 'e9b89aa9a651d683cf15496ca6b2614808af45af01628d8c7906f5a480f40295',
    };
    for (const m of MIGRATIONS)
      if (released[m.version])
        expect(migrationHash(m), `migration ${m.version}`).toBe(released[m.version]);
  });

  it('12 gives each room the section its beds agree on, and family to the rest', () => {
    const db = emptyDb();
    const before = MIGRATIONS.filter((m) => m.version < 12);
    migrate(db, before);
    const now = '2026-11-27T02:00:00.000Z';
    db.exec(`INSERT INTO shelters (id, name, capacity, created_at, updated_at)
      VALUES ('s', 'RS', 5, '${now}', '${now}')`);
    for (const [id, name] of [
      ['r1', 'Pria'],
      ['r2', 'Wanita'],
      ['r3', 'Campur'],
      ['r4', 'Kosong'],
    ])
      db.exec(`INSERT INTO shelter_rooms (id, shelter_id, name, created_at, updated_at)
        VALUES ('${id}', 's', '${name}', '${now}', '${now}')`);
    const bed = db.prepare(`INSERT INTO shelter_beds (id, room_id, shelter_id, label, section,
      created_at, updated_at) VALUES (?, ?, 's', ?, ?, '${now}', '${now}')`);
    bed.run('b1', 'r1', '1', 'men');
    bed.run('b2', 'r1', '2', 'men');
    bed.run('b3', 'r2', '1', 'women');
    bed.run('b4', 'r3', '1', 'men');
    bed.run('b5', 'r3', '2', 'children');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 12),
    );
    expect(
      db.prepare('SELECT name, kind, age_min, age_max FROM shelter_rooms ORDER BY id').all(),
    ).toEqual([
      { name: 'Pria', kind: 'men', age_min: null, age_max: null },
      { name: 'Wanita', kind: 'women', age_min: null, age_max: null },
      { name: 'Campur', kind: 'family', age_min: null, age_max: null },
      { name: 'Kosong', kind: 'family', age_min: null, age_max: null },
    ]);
  });

  it('27 leaves an office that wrote its own referral letter alone, and adds the case one', () => {
    const db = emptyDb();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 27),
    );
    const now = '2026-11-27T02:00:00.000Z';
    db.exec(`INSERT INTO letter_templates (id, name, title, layout, source_kind, subject, body,
      classification_id, created_at, updated_at)
      SELECT 'own', 'Surat rujukan kami', 'Surat Rujukan', 'letter', 'referral', 'S', 'B', id,
      '${now}', '${now}' FROM letter_classifications WHERE code = '400.9'`);
    // The shipped rehabilitation code was removed by the office: the first active code serves.
    db.exec(`UPDATE letter_templates SET classification_id = (SELECT id FROM
      letter_classifications WHERE code = '400.9') WHERE classification_id = (SELECT id FROM
      letter_classifications WHERE code = '400.9.2')`);
    db.exec(`DELETE FROM letter_classifications WHERE code = '400.9.2'`);
    migrate(db, MIGRATIONS);
    expect(
      db
        .prepare(
          `SELECT t.id, t.source_kind, c.code FROM letter_templates t
           JOIN letter_classifications c ON c.id = t.classification_id
           WHERE t.source_kind IN ('case', 'referral') ORDER BY t.source_kind, t.id`,
        )
        .all(),
    ).toEqual([
      { id: '0190b000-0000-7000-8000-000000000203', source_kind: 'case', code: '400.9' },
      { id: 'own', source_kind: 'referral', code: '400.9' },
    ]);
  });

  it('does nothing when run again', () => {
    const db = emptyDb();
    expect(migrate(db, MIGRATIONS).applied).toEqual(MIGRATIONS.map((m) => m.version));
    const schema = schemaObjects(db);
    const rows = db.prepare('SELECT * FROM schema_migrations').all();
    expect(migrate(db, MIGRATIONS, () => new Date('2030-01-01T00:00:00Z'))).toEqual({
      applied: [],
    });
    expect(schemaObjects(db)).toEqual(schema);
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(rows);
  });

  it('applies only the new migrations to an older database', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS).applied).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
  });

  it('refuses a database whose applied migration was edited', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const edited: Migration[] = MIGRATIONS.map((m) =>
      m.version === 2
        ? { ...m, sql: m.sql.replace('CREATE INDEX audit_at', 'CREATE INDEX audit_when') }
        : m,
    );
    expect(() => migrate(db, edited)).toThrow(MigrationError);
    expect(() => migrate(db, edited)).toThrow(
      /Migration 2 \(audit\) was changed after it was applied/,
    );
  });

  it('refuses a database with a migration this version does not know', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    db.prepare(
      `INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (99, 'future', 'x', 'now')`,
    ).run();
    expect(() => migrate(db, MIGRATIONS)).toThrow(/migration 99 \(future\).*newer Pelita/);
  });

  it('rolls a failing migration back completely', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const schema = schemaObjects(db);
    const broken: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'broken',
      sql: `CREATE TABLE half_done (x TEXT);
        INSERT INTO app_meta (key, value) VALUES ('half', 'done');
        ALTER TABLE users ADD COLUMN nickname TEXT;
        CREATE TABLE users (id TEXT);`,
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/already exists/);
    expect(schemaObjects(db)).toEqual(schema);
    expect(db.prepare(`SELECT * FROM app_meta WHERE key = 'half'`).all()).toEqual([]);
    const columns = db.prepare(`PRAGMA table_info(users)`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('nickname');
    expect(
      db.prepare('SELECT version FROM schema_migrations WHERE version = ?').get(broken.version),
    ).toBeUndefined();
  });

  it('rolls back a migration that leaves broken foreign keys', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const broken: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'orphans',
      sql: `CREATE TABLE notes (id TEXT PRIMARY KEY,
          user_id TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED);
        INSERT INTO notes VALUES ('n1', 'no-such-user');`,
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(
      new RegExp(`Migration ${broken.version} \\(orphans\\) left 1 broken foreign keys`),
    );
    expect(schemaObjects(db).map((o) => o.name)).not.toContain('notes');
  });
});

describe('openDatabase', () => {
  it('sets every pragma explicitly', () => {
    const db = emptyDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
  });

  it('runs on a SQLite new enough', () => {
    const db = emptyDb();
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    expect(MIN_SQLITE).toBe('3.51.3');
    expect(compareVersions(v, MIN_SQLITE)).toBeGreaterThanOrEqual(0);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('3.51.2', '3.51.3')).toBeLessThan(0);
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0);
    expect(compareVersions('3.51.3', '3.53.2')).toBeLessThan(0);
    expect(compareVersions('3.53.2', '3.51.3')).toBeGreaterThan(0);
    expect(compareVersions('3.9.0', '3.10.0')).toBeLessThan(0);
    expect(compareVersions('3.51', '3.51.0')).toBe(0);
    expect(compareVersions('4.0.0', '3.99.99')).toBeGreaterThan(0);
  });

  it('refuses an older SQLite and closes the file', async () => {
    let closed = false;
    vi.resetModules();
    vi.doMock('better-sqlite3', () => ({
      default: class {
        prepare() {
          return { get: () => ({ v: '3.51.2' }) };
        }
        pragma() {
          throw new Error('must not set pragmas on a refused database');
        }
        close() {
          closed = true;
        }
      },
    }));
    const open = await import('../../electron/backend/db/open');
    const dir = mkdtempSync(join(tmpdir(), 'pelita-old-'));
    dirs.push(dir);
    expect(() => open.openDatabase(join(dir, 'x.sqlite'))).toThrow(/SQLite 3\.51\.2 is too old/);
    expect(() => open.openDatabase(join(dir, 'x.sqlite'))).toThrow(open.DatabaseOpenError);
    expect(closed).toBe(true);
    expect(DatabaseOpenError).toBeDefined();
  });
});
