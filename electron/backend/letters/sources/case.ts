/**
 * Letters about a PPKS case (surat pengantar, laporan) and about one of its referrals (surat
 * rujukan): the person's identity as the person source gives it, plus the case's facts from
 * cases/letterFacts.ts; a referral adds its addressee.
 */
import type { Kysely } from 'kysely';
import { formatDateFull } from '../../../../shared/format';
import { translate } from '../../../../shared/i18n';
import { PPKS_CATEGORIES } from '../../../../shared/reference/ppks';
import { caseLetterFacts, type CaseLetterFacts } from '../../cases/letterFacts';
import { findRow } from '../../db/lookup';
import type { DB } from '../../db/schema';
import { PERSON_PLACEHOLDERS, personValues } from './person';
import type { LetterSource, PlaceholderValues, SourceRecord } from './source';

const CASE_PLACEHOLDERS = [
  'nomor_kasus',
  'kategori_ppks',
  'kategori_ppks_utama',
  'pekerja_sosial',
  'nip_pekerja_sosial',
  'jabatan_pekerja_sosial',
] as const;

const REFERRAL_PLACEHOLDERS = [
  'instansi_tujuan',
  'jenis_instansi_tujuan',
  'wilayah_tujuan',
  'alasan_rujukan',
  'tanggal_rujukan',
] as const;

const ppksName = new Map(PPKS_CATEGORIES.map((c) => [c.code, c.id]));

/** The person's and the case's placeholders, and for a referral its addressee too. */
async function caseRecord(
  db: Kysely<DB>,
  facts: CaseLetterFacts,
  today: string,
): Promise<SourceRecord | undefined> {
  const person = await findRow(db, 'persons', { id: facts.person.id });
  if (!person) return undefined;
  const names = facts.ppks.map((c) => ppksName.get(c) ?? c);
  const values: PlaceholderValues = {
    ...(await personValues(db, person, today)),
    nomor_kasus: facts.number,
    kategori_ppks: names.length ? names.join(', ') : null,
    kategori_ppks_utama: names[0] ?? null,
    pekerja_sosial: facts.caseworker.fullName,
    nip_pekerja_sosial: facts.caseworker.nip,
    jabatan_pekerja_sosial: facts.caseworker.position,
  };
  const r = facts.referral;
  if (r)
    Object.assign(values, {
      instansi_tujuan: r.agencyName,
      jenis_instansi_tujuan: translate('id', `referral.agency.${r.agencyKind}`),
      wilayah_tujuan: r.region?.name ?? null,
      alasan_rujukan: r.reason,
      tanggal_rujukan: formatDateFull(r.sentAt, { locale: 'id' }),
    });
  return { values, personId: person.id, label: person.full_name };
}

export const caseSource: LetterSource = {
  kind: 'case',
  placeholders: [...PERSON_PLACEHOLDERS, ...CASE_PLACEHOLDERS],
  async load(db, id, { today }) {
    const facts = await caseLetterFacts(db, id);
    return facts ? caseRecord(db, facts, today) : undefined;
  },
};

/** A referral is addressed by its own id; its case comes from the referral row. */
export const referralSource: LetterSource = {
  kind: 'referral',
  placeholders: [...PERSON_PLACEHOLDERS, ...CASE_PLACEHOLDERS, ...REFERRAL_PLACEHOLDERS],
  async load(db, id, { today }) {
    const referral = await findRow(db, 'case_referrals', { id });
    if (!referral) return undefined;
    const facts = await caseLetterFacts(db, referral.case_id, id);
    return facts ? caseRecord(db, facts, today) : undefined;
  },
};
