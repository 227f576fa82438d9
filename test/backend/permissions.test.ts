/**
 * Who may call what. The explicit table below is the permission design written out by hand:
 * changing a permission means changing the contract AND this table, on purpose.
 */
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { canAccess, ROLES, type Role } from '../../shared/roles';
import {
  auditRows,
  Client,
  countRows,
  createUser,
  idOf,
  sessionFor,
  setUpOffice,
  spyDispatcher,
  userWithRoles,
} from './harness';

type Caller = Role | 'signedOut';

const ANYONE: readonly Caller[] = [
  'signedOut',
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'viewer',
  'supervisor',
  'kelurahan_operator',
];
const ANY_SIGNED_IN: readonly Caller[] = [
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'viewer',
  'supervisor',
  'kelurahan_operator',
];
/** Office staff: every signed-in role but the kelurahan operator. */
const OFFICE_STAFF: readonly Caller[] = ANY_SIGNED_IN.filter((c) => c !== 'kelurahan_operator');
const ADMIN_ONLY: readonly Caller[] = ['admin'];
/** Everyone who registers and updates people: all staff but the viewer (pimpinan). */
const PERSON_WRITERS: readonly Caller[] = [
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'supervisor',
];
const SHELTER_WRITERS: readonly Caller[] = ['admin', 'shelter_staff'];
/** Complaints: read by staff who follow them and the pimpinan; worked on by complaint officers. */
const COMPLAINT_READERS: readonly Caller[] = [
  'admin',
  'caseworker',
  'complaint_officer',
  'viewer',
  'supervisor',
];
const COMPLAINT_WRITERS: readonly Caller[] = ['admin', 'complaint_officer'];
/** Follow-up is logged by complaint officers, and by caseworkers on complaints given to them. */
const COMPLAINT_FOLLOWERS: readonly Caller[] = ['admin', 'caseworker', 'complaint_officer'];
/** Findings: reported by kelurahan operators and city staff who meet people; read by the office
 * and by operators (scoped to their kelurahan in the handlers); triaged by the city. */
const FINDING_REPORTERS: readonly Caller[] = [
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'kelurahan_operator',
];
const FINDING_TRIAGERS: readonly Caller[] = [
  'admin',
  'caseworker',
  'complaint_officer',
  'supervisor',
];
/** DTSEN lists are data services: the complaint (data-service) officers and the admin. */
const DTSEN_MANAGERS: readonly Caller[] = ['admin', 'complaint_officer'];

/** Report figures: everyone but caseworkers (their PPKS report comes with cases). */
const REPORT_READERS: readonly Caller[] = [
  'admin',
  'shelter_staff',
  'complaint_officer',
  'viewer',
  'supervisor',
];

/** Cases: read by caseworkers, supervisors, the pimpinan; worked on by caseworkers (their own). */
const CASE_READERS: readonly Caller[] = ['admin', 'caseworker', 'viewer', 'supervisor'];
const CASE_WRITERS: readonly Caller[] = ['admin', 'caseworker', 'supervisor'];
const CASE_APPROVERS: readonly Caller[] = ['admin', 'supervisor'];
/** Letters: read by the staff who write them and the pimpinan; issued by supervisors. */
const LETTER_READERS: readonly Caller[] = [
  'admin',
  'caseworker',
  'shelter_staff',
  'viewer',
  'supervisor',
];
const LETTER_WRITERS: readonly Caller[] = ['admin', 'caseworker', 'shelter_staff', 'supervisor'];

/** Method → who may call it. */
const EXPECTED: Partial<Record<MethodName, readonly Caller[]>> = {
  'app.status': ANY_SIGNED_IN,
  'auth.status': ANYONE,
  'auth.setup': ANYONE,
  'auth.login': ANYONE,
  'auth.me': ANY_SIGNED_IN,
  'auth.logout': ANY_SIGNED_IN,
  'auth.logoutEverywhere': ANY_SIGNED_IN,
  'auth.changePassword': ANY_SIGNED_IN,
  'users.list': ADMIN_ONLY,
  'users.create': ADMIN_ONLY,
  'users.update': ADMIN_ONLY,
  'users.setActive': ADMIN_ONLY,
  'users.resetPassword': ADMIN_ONLY,
  'office.get': ANY_SIGNED_IN,
  'office.update': ADMIN_ONLY,
  'office.setLogo': ADMIN_ONLY,
  'office.checklist': ADMIN_ONLY,
  'office.hideChecklist': ADMIN_ONLY,
  'audit.list': ADMIN_ONLY,
  'audit.verify': ADMIN_ONLY,
  'audit.checkpoints': ADMIN_ONLY,
  'audit.checkpoint': ADMIN_ONLY,
  'audit.exportCheckpoint': ADMIN_ONLY,
  'audit.mine': ANY_SIGNED_IN,
  'regions.search': ANYONE,
  'regions.get': ANYONE,
  'persons.search': OFFICE_STAFF,
  'persons.get': OFFICE_STAFF,
  'persons.duplicates': OFFICE_STAFF,
  'persons.create': PERSON_WRITERS,
  'persons.update': PERSON_WRITERS,
  'persons.setPhoto': PERSON_WRITERS,
  'persons.merge': ADMIN_ONLY,
  'persons.reviewQueue': ADMIN_ONLY,
  'persons.reviewDistinct': ADMIN_ONLY,
  'persons.export': ADMIN_ONLY,
  'shelters.list': OFFICE_STAFF,
  'shelters.save': ADMIN_ONLY,
  'shelters.saveRoom': ADMIN_ONLY,
  'shelters.saveBed': ADMIN_ONLY,
  'stays.roster': OFFICE_STAFF,
  'stays.get': OFFICE_STAFF,
  'stays.history': OFFICE_STAFF,
  'stays.stats': OFFICE_STAFF,
  'stays.checkIn': SHELTER_WRITERS,
  'stays.moveBed': SHELTER_WRITERS,
  'stays.logEvent': SHELTER_WRITERS,
  'stays.checkOut': SHELTER_WRITERS,
  'stays.correct': ADMIN_ONLY,
  'complaints.list': COMPLAINT_READERS,
  'complaints.get': COMPLAINT_READERS,
  'complaints.stats': COMPLAINT_READERS,
  'complaints.officers': COMPLAINT_READERS,
  'complaints.categories': COMPLAINT_READERS,
  'complaints.settings': COMPLAINT_READERS,
  'complaints.create': COMPLAINT_WRITERS,
  'complaints.update': COMPLAINT_WRITERS,
  'complaints.transition': COMPLAINT_WRITERS,
  'complaints.assign': COMPLAINT_WRITERS,
  'complaints.logAction': COMPLAINT_FOLLOWERS,
  'complaints.receiptPrinted': COMPLAINT_WRITERS,
  // The shelter check-in started from a complaint reads only what it prefills.
  'complaints.forCheckin': SHELTER_WRITERS,
  'complaints.saveCategory': ADMIN_ONLY,
  'complaints.saveSettings': ADMIN_ONLY,
  // The office calendar: working days count with it everywhere; only the admin keeps it.
  'calendar.holidays': ANY_SIGNED_IN,
  'calendar.saveHoliday': ADMIN_ONLY,
  'calendar.removeHoliday': ADMIN_ONLY,
  'reports.run': REPORT_READERS,
  'reports.pdf': REPORT_READERS,
  'reports.xlsx': REPORT_READERS,
  'reports.register': ['admin', 'supervisor'],
  'reports.dashboard': ANY_SIGNED_IN,
  'backup.status': ADMIN_ONLY,
  'backup.updateSettings': ADMIN_ONLY,
  'backup.list': ADMIN_ONLY,
  'backup.run': ADMIN_ONLY,
  'backup.inspect': ADMIN_ONLY,
  'backup.restore': ADMIN_ONLY,
  'backup.exportEncrypted': ADMIN_ONLY,
  'backup.importEncrypted': ADMIN_ONLY,
  // The office network: serve this PC over TLS or pin the office host (and only at this PC).
  'network.status': ADMIN_ONLY,
  'network.saveServe': ADMIN_ONLY,
  'network.probe': ADMIN_ONLY,
  'network.saveClient': ADMIN_ONLY,
  'network.clearClient': ADMIN_ONLY,
  // Before first-run setup only (refused in the handler once anyone is set up).
  'network.setupProbe': ANYONE,
  'network.setupClient': ANYONE,
  // Exchange packets: keys, partners and packets are the admin's (a role may be given
  // packets.exchange later); a person's consent to sharing is recorded by whoever edits people.
  'packets.keys': ADMIN_ONLY,
  'packets.createKeys': ADMIN_ONLY,
  'packets.unlock': ADMIN_ONLY,
  'packets.keyCard': ADMIN_ONLY,
  'packets.recoveryFile': ADMIN_ONLY,
  'packets.restoreKeys': ADMIN_ONLY,
  'packets.partners': ADMIN_ONLY,
  'packets.readCard': ADMIN_ONLY,
  'packets.addPartner': ADMIN_ONLY,
  'packets.replacePartner': ADMIN_ONLY,
  'packets.blockPartner': ADMIN_ONLY,
  'packets.exportPreview': ADMIN_ONLY,
  'packets.export': ADMIN_ONLY,
  'packets.outbox': ADMIN_ONLY,
  'packets.sentPersons': ADMIN_ONLY,
  'packets.open': ADMIN_ONLY,
  'packets.inbox': ADMIN_ONLY,
  'packets.staged': ADMIN_ONLY,
  'packets.decide': ADMIN_ONLY,
  'packets.decideAll': ADMIN_ONLY,
  'packets.apply': ADMIN_ONLY,
  'packets.acknowledge': ADMIN_ONLY,
  'packets.setConsent': PERSON_WRITERS,
  'findings.create': FINDING_REPORTERS,
  'findings.list': ANY_SIGNED_IN,
  'findings.get': ANY_SIGNED_IN,
  'findings.linkPerson': FINDING_TRIAGERS,
  'findings.transition': FINDING_TRIAGERS,
  'rekap.get': ANY_SIGNED_IN,
  'rekap.drill': ANY_SIGNED_IN,
  'rekap.xlsx': ANY_SIGNED_IN,
  'rekap.additions': ANY_SIGNED_IN,
  'rekap.saveAddition': ['admin', 'kelurahan_operator'],
  'dtsen.preview': DTSEN_MANAGERS,
  'dtsen.import': DTSEN_MANAGERS,
  'dtsen.lists': DTSEN_MANAGERS,
  'dtsen.rows': DTSEN_MANAGERS,
  'dtsen.decide': DTSEN_MANAGERS,
  'dtsen.proposal': DTSEN_MANAGERS,
  'dtsen.exportProposal': DTSEN_MANAGERS,
  'cases.list': CASE_READERS,
  'cases.get': CASE_READERS,
  'cases.figures': CASE_READERS,
  'cases.staff': CASE_READERS,
  'cases.forRecord': CASE_READERS,
  'cases.settings': CASE_READERS,
  'cases.serviceTypes': CASE_READERS,
  'cases.prefill': CASE_WRITERS,
  'cases.create': CASE_WRITERS,
  'cases.update': CASE_WRITERS,
  'cases.saveAssessment': CASE_WRITERS,
  'cases.savePlan': CASE_WRITERS,
  // Approvals inside the flow are refused per step (shared/workflow/cases.ts).
  'cases.transition': CASE_WRITERS,
  'cases.logService': CASE_WRITERS,
  'cases.addNote': CASE_WRITERS,
  'cases.setConsent': CASE_WRITERS,
  'cases.withdrawConsent': CASE_WRITERS,
  'cases.refer': CASE_WRITERS,
  'cases.referralStep': CASE_WRITERS,
  'cases.attach': CASE_WRITERS,
  'cases.removeAttachment': CASE_WRITERS,
  'cases.reassign': CASE_APPROVERS,
  'cases.saveSettings': ADMIN_ONLY,
  'cases.saveServiceType': ADMIN_ONLY,
  'letters.templates': LETTER_READERS,
  'letters.classifications': LETTER_READERS,
  'letters.signatories': LETTER_READERS,
  'letters.saveTemplate': ADMIN_ONLY,
  'letters.saveClassification': ADMIN_ONLY,
  'letters.saveSignatory': ADMIN_ONLY,
  'letters.get': LETTER_READERS,
  'letters.register': LETTER_READERS,
  'letters.pdf': LETTER_READERS,
  'letters.create': LETTER_WRITERS,
  'letters.update': LETTER_WRITERS,
  // Who may take which step (issue, void: supervisors) is the workflow's check.
  'letters.transition': LETTER_WRITERS,
  // A printed letter's code is checked by anyone at the office.
  'letters.verify': ANY_SIGNED_IN,
};

describe('permission table', () => {
  it('lists exactly the contract methods', () => {
    const missing = METHOD_NAMES.filter((m) => !(m in EXPECTED));
    const extra = Object.keys(EXPECTED).filter((m) => !(METHOD_NAMES as string[]).includes(m));
    expect(
      { missing, extra },
      'every contract method needs a row in EXPECTED (test/backend/permissions.test.ts)',
    ).toEqual({ missing: [], extra: [] });
  });

  it('agrees with the contract for every method and caller', () => {
    const disagreements: string[] = [];
    for (const m of METHOD_NAMES) {
      const row = EXPECTED[m] as readonly Caller[] | undefined;
      if (!row) continue; // reported by the test above
      for (const caller of ['signedOut', ...ROLES] as const) {
        const byContract = canAccess(contract[m].access, caller === 'signedOut' ? null : [caller]);
        const byTable = row.includes(caller);
        if (byContract !== byTable) {
          disagreements.push(`${m} / ${caller}: contract ${byContract}, table ${byTable}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('dispatch enforces the permission matrix', () => {
  // Against the contract itself, so the check covers every method, including new ones.
  it('refuses exactly the callers without access, for every method and role', async () => {
    const t = await setUpOffice();
    const userIds: Record<Role, string> = { admin: await idOf(t.backend, 'admin') } as Record<
      Role,
      string
    >;
    for (const role of ROLES) {
      if (role === 'admin') continue;
      const name = `u.${role.replace('_', '')}`;
      await userWithRoles(t, name, [role]);
      userIds[role] = await idOf(t.backend, name);
    }

    const problems: string[] = [];
    for (const m of METHOD_NAMES) {
      // Signed out.
      {
        const r = await new Client(t.backend).raw(m, {});
        const code = r.ok ? null : r.error.code;
        if (contract[m].access === 'public') {
          if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
            problems.push(`${m} / signed out: got ${code}`);
          }
        } else if (code !== 'UNAUTHENTICATED') {
          problems.push(`${m} / signed out: expected UNAUTHENTICATED, got ${code ?? 'ok'}`);
        }
      }
      for (const role of ROLES) {
        // A fresh session each time: logout and logoutEverywhere end it.
        const c = await sessionFor(t.backend, userIds[role], t.clock.now);
        const r = await c.raw(m, {});
        const code = r.ok ? null : r.error.code;
        const allowed = canAccess(contract[m].access, [role]);
        if (!allowed && code !== 'FORBIDDEN') {
          problems.push(`${m} / ${role}: expected FORBIDDEN, got ${code ?? 'ok'}`);
        }
        if (allowed && (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED')) {
          problems.push(`${m} / ${role}: allowed but got ${code}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every method × every role, each call through a fresh session: slow on a loaded machine.
  }, 90_000);

  it('audits a forbidden attempt as denied, with who tried what', async () => {
    const t = await setUpOffice();
    const viewer = await userWithRoles(t, 'pemantau', ['viewer']);
    const viewerId = await idOf(t.backend, 'pemantau');
    const before = await countRows(t.backend, 'audit_log');

    const err = await viewer.fail('users.create', {
      username: 'penyusup',
      fullName: 'Penyusup',
      roles: ['admin'],
      password: 'Rahasia-Sekali-99',
    });
    expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'error.forbidden' });
    expect(err.message.id).toBe(translate('id', 'error.forbidden'));
    expect(err.message.en).toBe(translate('en', 'error.forbidden'));

    const rows = await auditRows(t.backend);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      user_id: viewerId,
      username: 'pemantau',
      method: 'users.create',
      outcome: 'denied',
    });
    // Nothing was created.
    const users = await t.backend.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).not.toContain('penyusup');
  });

  it('never runs a handler for a refused call', async () => {
    const t = await setUpOffice();
    const viewer = await userWithRoles(t, 'pemantau', ['viewer']);
    const { dispatch, ran } = spyDispatcher(t);

    const forbidden = await dispatch(viewer.token, 'users.list', {});
    expect(forbidden.response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const signedOut = await dispatch(null, 'office.get', {});
    expect(signedOut.response).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const badToken = await dispatch('not-a-real-token', 'auth.me', {});
    expect(badToken.response).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(badToken.session).toEqual({ clear: true });
    const invalid = await dispatch(viewer.token, 'regions.search', { q: 42 });
    expect(invalid.response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ran).toEqual([]);

    // The spy itself works: an allowed call does reach its handler.
    const allowed = await dispatch(viewer.token, 'auth.me', {});
    expect(allowed.response.ok).toBe(true);
    expect(ran).toEqual(['auth.me']);
  });

  it('keeps a user who must change the password out of everything else', async () => {
    const t = await setUpOffice();
    const { password } = await createUser(t, 'baru', ['caseworker']);
    const c = new Client(t.backend);
    const me = await c.call('auth.login', { username: 'baru', password });
    expect(me.mustChangePassword).toBe(true);
    const { dispatch, ran } = spyDispatcher(t);
    for (const m of ['office.get', 'regions.search', 'audit.mine'] as const) {
      const r = await dispatch(c.token, m, {});
      expect(r.response).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', key: 'auth.mustChange' },
      });
    }
    expect(ran).toEqual([]);
  });
});

describe('unknown methods', () => {
  it.each([
    'users.drop',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'auth.me ',
    'AUTH.ME',
    '',
  ])('%j is NOT_FOUND and reaches no handler', async (name) => {
    const t = await setUpOffice();
    const { dispatch, ran } = spyDispatcher(t);
    const before = await countRows(t.backend, 'audit_log');
    const r = await dispatch(t.admin.token, name, {});
    expect(r.response).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'error.unknown_method' },
    });
    expect(ran).toEqual([]);
    expect(await countRows(t.backend, 'audit_log')).toBe(before);
  });

  it('names the unknown method in both languages', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.drop' as never, {});
    expect(err.params).toEqual({ method: 'users.drop' });
    expect(err.message.id).toBe('Perintah tidak dikenal: users.drop');
    expect(err.message.en).toBe('Unknown command: users.drop');
  });
});

describe('malformed input', () => {
  function expectBilingual(issue: {
    key: Parameters<typeof translate>[1];
    params?: Record<string, string | number>;
  }) {
    const id = translate('id', issue.key, issue.params);
    const en = translate('en', issue.key, issue.params);
    expect(id).not.toBe(issue.key);
    expect(en).not.toBe(issue.key);
    expect(id).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
  }

  it('reports wrong types, missing fields and unknown keys by field, in both languages', async () => {
    const t = await setUpOffice();
    const { dispatch, ran } = spyDispatcher(t);
    const r = await dispatch(t.admin.token, 'users.create', {
      username: 12345,
      password: 'Rahasia-Sekali-99',
      roles: 'admin',
      extra: true,
    });
    expect(r.response.ok).toBe(false);
    if (r.response.ok) return;
    const err = r.response.error;
    expect(err.code).toBe('VALIDATION');
    expect(err.key).toBe('error.validation');
    expect(err.message).toEqual({
      id: translate('id', 'error.validation'),
      en: translate('en', 'error.validation'),
    });
    const byPath = new Map((err.issues ?? []).map((i) => [i.path.join('.'), i]));
    expect(byPath.get('username')?.key).toBe('validation.invalid_type');
    expect(byPath.get('fullName')?.key).toBe('validation.required');
    expect(byPath.get('roles')?.key).toBe('validation.invalid_type');
    expect(byPath.get('')).toMatchObject({
      key: 'validation.unknown_fields',
      params: { fields: 'extra' },
    });
    for (const issue of err.issues ?? []) expectBilingual(issue);
    expect(ran).toEqual([]);
  });

  it('uses the schema’s own message keys for nested fields', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.create', {
      username: 'Bukan Valid!',
      fullName: '   ',
      nip: '1234',
      roles: [],
      password: 'Rahasia-Sekali-99',
    });
    expect(err.code).toBe('VALIDATION');
    const keys = Object.fromEntries((err.issues ?? []).map((i) => [i.path.join('.'), i.key]));
    expect(keys).toEqual({
      username: 'user.username_format',
      fullName: 'validation.required',
      nip: 'validation.nip',
      roles: 'user.roles_required',
    });
    for (const issue of err.issues ?? []) expectBilingual(issue);
  });

  it('gives paths into arrays and nested objects', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      roles: ['caseworker', 'superuser'],
      password: 'Rahasia-Sekali-99',
    });
    expect(err.issues).toEqual([{ path: ['roles', 1], key: 'validation.invalid_option' }]);

    const setup = await new Client(t.backend).fail('auth.setup', {
      office: { name: 'Dinas', address: 'Jl. A', timeZone: 'Asia/Makassar', maxStayDays: 500 },
      admin: { username: 'kepala', fullName: 'Kepala', password: 'x' },
    });
    const paths = (setup.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toContain('office.regionCode');
    expect(paths).toContain('office.maxStayDays');
    expect(setup.issues?.find((i) => i.path.join('.') === 'office.maxStayDays')).toMatchObject({
      key: 'validation.too_big',
      params: { max: 90 },
    });
  });

  it('treats a non-object input as a type error, not a crash', async () => {
    const t = await setUpOffice();
    for (const input of ['teks', 42, [1, 2], true]) {
      const err = await t.admin.fail('regions.search', input);
      expect(err.code).toBe('VALIDATION');
      expect(err.issues?.[0]).toMatchObject({ path: [], key: 'validation.invalid_type' });
    }
  });
});
