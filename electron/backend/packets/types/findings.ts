/**
 * Findings in a packet (issue 15, option b): a kelurahan running Pelita on its own PC sends the
 * findings it recorded to its city. The record is what the reporter told (`findingInput`), with
 * the kelurahan's own number; the person it names, if any, travels as a person record and goes
 * through the city's review and matcher before anything is created. At the city a finding
 * enters the triage queue as received from a packet, its clocks starting the day it is applied.
 * Only a kelurahan-mode installation sends findings, and only its own kelurahan's.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { findingInput } from '../../../../shared/contract/findings';
import { regionCode } from '../../../../shared/contract/schemas';
import type { DB } from '../../db/schema';
import { loadForChange, updateVersioned } from '../../db/tracked';
import { AS_FINDING, insertFinding, reportedColumns } from '../../findings/store';
import { officeCity } from '../../kelurahan/scope';
import { refuse } from '../container';
import type { Period, RecordModule, Source } from '../recordTypes';

const sourceId = z.string().min(1).max(64);

export const FINDINGS = 'findings';

export const findingRecord = findingInput.omit({ kelurahanCode: true, personId: true }).extend({
  id: sourceId,
  version: z.number().int().min(1),
  /** The kelurahan's own number, kept in the city's timeline. */
  number: z.string().min(1).max(40),
  kelurahanCode: regionCode,
  personId: sourceId.nullable(),
});
export type FindingRecord = z.output<typeof findingRecord>;

/** The kelurahan this installation reports for; null at the city (it sends no findings). */
async function ownKelurahan(db: Kysely<DB>): Promise<string | null> {
  const o = await db.selectFrom('office').select('kelurahan_code').executeTakeFirst();
  return o?.kelurahan_code ?? null;
}

/** This kelurahan's own findings (not ones it received) found in the period. */
async function ownFindings(db: Kysely<DB>, period: Period) {
  const kelurahan = await ownKelurahan(db);
  if (!kelurahan) return [];
  return db
    .selectFrom('findings')
    .selectAll()
    .where('source', '=', 'direct')
    .where('kelurahan_code', '=', kelurahan)
    .$if(period.from !== null, (q) => q.where('found_at', '>=', period.from!))
    .$if(period.to !== null, (q) =>
      q.where('found_at', '<', sql<string>`date(${period.to}, '+1 day')`),
    )
    .orderBy('found_at')
    .orderBy('id')
    .execute();
}

/** Shown in the finding's timeline at the city: where it came from, and its number there. */
const note = (r: FindingRecord, s: Source) =>
  `Dari ${s.officeName} (${s.office}), paket ${s.packetId}, nomor di kelurahan ${r.number}`;

export const findingsModule: RecordModule<FindingRecord> = {
  type: FINDINGS,
  schema: findingRecord,
  personOf: (r) => r.personId,
  personOptional: true,

  async sends(db) {
    return (await ownKelurahan(db)) !== null;
  },

  async brings(db, period) {
    const rows = await ownFindings(db, period);
    return [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
  },

  async collect(db, personIds, period) {
    const sent = new Set(personIds);
    // A finding whose person may not go (consent) stays here with them: the person is listed.
    return (await ownFindings(db, period))
      .filter((r) => !r.person_id || sent.has(r.person_id))
      .map((r) => ({
        id: r.id,
        version: r.version as unknown as number,
        number: r.number,
        kelurahanCode: r.kelurahan_code,
        place: r.place,
        foundAt: r.found_at,
        ppks: JSON.parse(r.ppks) as FindingRecord['ppks'],
        condition: r.condition,
        urgency: r.urgency,
        actionTaken: r.action_taken,
        reporterRole: r.reporter_role,
        reporterName: r.reporter_name,
        reporterContact: r.reporter_contact,
        personId: r.person_id,
        subject: {
          name: r.subject_name,
          nik: r.subject_nik,
          sex: r.subject_sex,
          birthDate: r.subject_birth_date,
          age: r.subject_age,
          description: r.subject_description,
        },
      }));
  },

  /** A kelurahan reports only its own kelurahan, and only a kelurahan of this city. */
  async check(db, records, sender) {
    const city = await officeCity(db);
    for (const r of records) {
      const village = await db
        .selectFrom('regions')
        .select('level')
        .where('code', '=', r.kelurahanCode)
        .executeTakeFirst();
      if (
        r.kelurahanCode !== sender.code ||
        village?.level !== 4 ||
        !r.kelurahanCode.startsWith(`${city}.`)
      )
        throw refuse('packets.bad.finding_kelurahan', {
          number: r.number,
          code: r.kelurahanCode,
          name: sender.name,
        });
    }
  },

  async insert(ctx, r, personId, source) {
    return insertFinding(ctx, { ...r, personId }, 'packet', note(r, source));
  },

  /** The kelurahan corrected its report: taken while the city has not triaged it yet. */
  async update(ctx, localId, r, source) {
    const before = await loadForChange(ctx.db, 'findings', localId);
    if (before.status !== 'received') return;
    await updateVersioned(ctx, 'findings', before, reportedColumns(r), {
      ...AS_FINDING,
      note: note(r, source),
    });
  },
};
