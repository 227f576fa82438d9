/**
 * Issuing: the next number of the classification's gapless yearly register, the letter date,
 * the signatory as printed, and the seal — all in the step's transaction, so a refused or failed
 * issue takes no number. Submitting checks the same completeness first.
 */
import type { Selectable } from 'kysely';
import type { FieldIssue } from '../../../shared/errors';
import { placeholdersIn } from '../../../shared/letters/placeholders';
import { dayInZone } from '../../../shared/time';
import type { LettersTable } from '../db/tables/letters';
import { findRow } from '../db/lookup';
import type { Ctx } from '../dispatch/context';
import { openOfficeKey } from '../keys/officeKey';
import { issueNumber } from '../registers/issue';
import type { SignedBy } from './document';
import { letterTexts, printedText } from './queries';
import { contentHash, signedMessage, verificationCode } from './seal';

/** A letter may leave the draft only whole: every placeholder filled, a signatory chosen. */
export function completenessIssues(row: Selectable<LettersTable>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const missing = placeholdersIn(letterTexts(row));
  if (missing.length > 0)
    issues.push({
      path: ['body'],
      key: 'letter.placeholders_missing',
      params: { names: missing.map((n) => `{{${n}}}`).join(', ') },
    });
  if (!row.signatory_id) issues.push({ path: ['signatoryId'], key: 'letter.signatory_required' });
  return issues;
}

export function registerKey(code: string): string {
  return `letter.${code}`;
}

/** The columns an issued letter gains; call inside the issuing transaction. */
export async function issueColumns(ctx: Ctx, row: Selectable<LettersTable>) {
  const office = (await findRow(ctx.db, 'office', { id: 1 }))!;
  const classification = (await findRow(ctx.db, 'letter_classifications', {
    id: row.classification_id,
  }))!;
  const s = row.signatory_id
    ? await findRow(ctx.db, 'letter_signatories', { id: row.signatory_id })
    : undefined;
  const signedBy: SignedBy | null = s
    ? {
        name: s.name,
        rank: s.rank,
        nip: s.nip,
        position: s.position,
        prefix: s.prefix,
        onBehalfOf: s.on_behalf_of,
      }
    : null;
  const issued = await issueNumber(ctx.db, registerKey(classification.code), {
    pattern: classification.number_pattern,
    code: classification.code,
    now: ctx.now,
    timeZone: office.time_zone,
  });
  const letterDate = dayInZone(ctx.now, office.time_zone);
  const hash = contentHash({
    number: issued.number,
    letterDate,
    officeCode: office.region_code,
    officeName: office.name,
    ...printedText(row),
    signatory: signedBy,
  });
  const key = openOfficeKey(ctx.dataDir);
  const signature = key.sign(
    signedMessage({ number: issued.number, letterDate, officeCode: office.region_code, hash }),
  );
  return {
    number: issued.number,
    seq: issued.seq,
    seq_year: issued.year,
    letter_date: letterDate,
    signatory: signedBy ? JSON.stringify(signedBy) : null,
    content_hash: hash,
    signature,
    key_id: key.id,
    verify_code: verificationCode(signature),
    issued_by: ctx.user?.id ?? null,
  };
}
