/**
 * What a case or referral letter (surat rujukan, surat pengantar pemulangan) needs from a case,
 * for the letters domain: number, person, categories, caseworker and, for a referral, its
 * addressee. A plain read, no permission check: the letters method that calls it has its own.
 */
import type { Kysely } from 'kysely';
import type { PpksCode } from '../../../shared/reference/ppks';
import type { ReferralAgency } from '../../../shared/reference/cases';
import type { DB } from '../db/schema';
import { regionRefs, type RegionRef } from '../regions/refs';

export interface CaseLetterFacts {
  caseId: string;
  number: string;
  person: {
    id: string;
    fullName: string;
    nik: string | null;
    birthDate: string | null;
    sex: string | null;
    origin: RegionRef | null;
  };
  ppks: PpksCode[];
  caseworker: { id: string; fullName: string; nip: string | null; position: string | null };
  /** Whether the person consented to sharing with other agencies and regions (UU PDP). */
  sharingConsent: boolean;
  referral: {
    id: string;
    agencyKind: ReferralAgency;
    agencyName: string;
    region: RegionRef | null;
    reason: string;
    sentAt: string;
  } | null;
}

/** Undefined when the case (or the referral, if asked for, on this case) does not exist. */
export async function caseLetterFacts(
  db: Kysely<DB>,
  caseId: string,
  referralId?: string,
): Promise<CaseLetterFacts | undefined> {
  const c = await db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('users as u', 'u.id', 'c.caseworker_id')
    .select([
      'c.id',
      'c.number',
      'c.consent_sharing',
      'c.consent_withdrawn_at',
      'p.id as person_id',
      'p.full_name',
      'p.nik',
      'p.birth_date',
      'p.sex',
      'p.origin_code',
      'u.id as user_id',
      'u.full_name as user_name',
      'u.nip',
      'u.position',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const referral = referralId
    ? await db
        .selectFrom('case_referrals')
        .selectAll()
        .where('id', '=', referralId)
        .where('case_id', '=', caseId)
        .executeTakeFirst()
    : undefined;
  if (referralId && !referral) return undefined;
  const codes = await db
    .selectFrom('case_ppks')
    .select('ppks')
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  const regions = await regionRefs(db, [c.origin_code, referral?.region_code]);
  return {
    caseId: c.id,
    number: c.number,
    person: {
      id: c.person_id,
      fullName: c.full_name,
      nik: c.nik,
      birthDate: c.birth_date,
      sex: c.sex,
      origin: c.origin_code ? (regions.get(c.origin_code) ?? null) : null,
    },
    ppks: codes.map((r) => r.ppks),
    caseworker: { id: c.user_id, fullName: c.user_name, nip: c.nip, position: c.position },
    sharingConsent: c.consent_sharing === 1 && !c.consent_withdrawn_at,
    referral: referral
      ? {
          id: referral.id,
          agencyKind: referral.agency_kind,
          agencyName: referral.agency_name,
          region: referral.region_code ? (regions.get(referral.region_code) ?? null) : null,
          reason: referral.reason,
          sentAt: referral.sent_at,
        }
      : null,
  };
}
