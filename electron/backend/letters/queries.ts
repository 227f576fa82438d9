/** Reading letters: one with its timeline, and the register (agenda surat keluar) page by page. */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { Letter, LetterSummary } from '../../../shared/contract/letters';
import { placeholdersIn } from '../../../shared/letters/placeholders';
import type { DB } from '../db/schema';
import type { LettersTable } from '../db/tables/letters';
import { eventsOf, findRow } from '../db/lookup';
import { notFound } from '../errors';
import { contains } from '../lib/like';
import { LETTER_WORD_COLUMNS, toSignatory } from './config';
import type { SignedBy } from './document';
import { letterTimelineEvent } from './events';
import { findSource } from './sources/registry';
import { camelPick } from '../lib/camel';

type Row = Selectable<LettersTable> & {
  template_name: string;
  classification_code: string;
  issuer_name: string | null;
  source_label: string | null;
};

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('letters as l')
    .innerJoin('letter_templates as t', 't.id', 'l.template_id')
    .innerJoin('letter_classifications as c', 'c.id', 'l.classification_id')
    .leftJoin('users as u', 'u.id', 'l.issued_by')
    .leftJoin('persons as p', 'p.id', 'l.person_id')
    .selectAll('l')
    .select([
      't.name as template_name',
      'c.code as classification_code',
      'u.full_name as issuer_name',
      'p.full_name as source_label',
    ]);
}

function toSummary(r: Row): LetterSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    title: r.title,
    subject: r.subject,
    templateName: r.template_name,
    classificationCode: r.classification_code,
    letterDate: r.letter_date,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    sourceLabel: r.source_label ?? '',
    personId: r.person_id,
    issuedBy: r.issued_by ? { id: r.issued_by, fullName: r.issuer_name ?? '' } : null,
    issuedAt: r.issued_at,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** The text a letter prints, from its row: what the PDF lays out and the seal covers. */
export function printedText(r: Selectable<LettersTable>) {
  return camelPick(r, LETTER_WORD_COLUMNS);
}

/** Every text of a letter that may still hold a placeholder. */
export function letterTexts(
  r: Pick<
    Selectable<LettersTable>,
    'subject' | 'addressee' | 'addressee_place' | 'body' | 'closing' | 'tembusan'
  >,
): string {
  return [r.subject, r.addressee, r.addressee_place, r.body, r.closing, r.tembusan]
    .filter(Boolean)
    .join('\n');
}

export async function loadLetter(db: Kysely<DB>, id: string): Promise<Letter> {
  const row = await baseQuery(db).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const events = await eventsOf(db, 'letter_events', 'letter_id', id);
  // Issued letters show the signatory as printed; drafts the one chosen now.
  let signatory: Letter['signatory'] = null;
  if (row.signatory) {
    const s = JSON.parse(row.signatory) as SignedBy;
    signatory = {
      id: row.signatory_id!,
      ...s,
      active: true,
      version: 1,
    };
  } else if (row.signatory_id) {
    const s = await findRow(db, 'letter_signatories', { id: row.signatory_id });
    signatory = s ? toSignatory(s) : null;
  }
  const refersTo = row.refers_to ? await findRow(db, 'letters', { id: row.refers_to }) : undefined;
  const source = findSource(row.source_kind);
  const stillMissing = placeholdersIn(letterTexts(row));
  const createdBy = row.created_by ? await findRow(db, 'users', { id: row.created_by }) : undefined;
  return {
    ...toSummary(row),
    sourceLabel: row.source_label ?? source?.kind ?? '',
    layout: row.layout,
    addressee: row.addressee,
    addresseePlace: row.addressee_place,
    sifat: row.sifat,
    lampiran: row.lampiran,
    body: row.body,
    closing: row.closing,
    tembusan: row.tembusan,
    paper: row.paper,
    classificationId: row.classification_id,
    signatory,
    missing: stillMissing,
    voidReason: row.void_reason,
    refersTo: refersTo ? { id: refersTo.id, number: refersTo.number } : null,
    verificationCode: row.verify_code,
    prints: row.prints,
    createdBy: createdBy ? { id: createdBy.id, fullName: createdBy.full_name } : null,
    events: events.map(letterTimelineEvent),
  };
}

/**
 * The register: newest first, or by number (the agenda's order). Counted with the same
 * filters; status, year and classification each have an index in the newest-first order
 * (migration 28), so a page stays fast with 100,000 letters.
 */
export async function registerPage(db: Kysely<DB>, input: ParsedInput<'letters.register'>) {
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  // Without statistics SQLite takes any filter's index as the narrowest. What the register
  // knows: a status other than issued is rare, a year is an eighth or so, a classification
  // often most letters, issued nearly all. The one index read is the first of those given; the
  // others are written `+column`, which keeps SQLite from reading their index instead.
  const lead =
    input.status && input.status !== 'issued'
      ? 'status'
      : input.year !== null && input.year !== undefined
        ? 'seq_year'
        : input.classificationId
          ? 'classification_id'
          : 'status';
  const eq = (column: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined) return;
    if (column === lead) conds.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
    else conds.push(sql<SqlBool>`+${sql.ref(column)} = ${value}`);
  };
  eq('seq_year', input.year);
  eq('status', input.status);
  eq('classification_id', input.classificationId);
  eq('template_id', input.templateId);
  // A letter of one person or record: their own indexes, the fewest letters of all.
  if (input.sourceId) conds.push(sql<SqlBool>`source_id = ${input.sourceId}`);
  if (input.personId) conds.push(sql<SqlBool>`person_id = ${input.personId}`);
  if (input.q)
    conds.push(sql<SqlBool>`(${contains('number', input.q)} OR ${contains('subject', input.q)})`);
  const where = sql<SqlBool>`${sql.join(conds, sql` AND `)}`;
  // The page's ids first, from the letters alone (the narrow index), then their rows.
  const order =
    input.sort === 'number' ? sql`seq_year DESC, seq DESC, id` : sql`created_at DESC, id DESC`;
  const offset = (input.page - 1) * input.pageSize;
  const ids = await sql<{ id: string }>`SELECT id FROM letters WHERE ${where} ORDER BY ${order}
    LIMIT ${input.pageSize} OFFSET ${offset}`.execute(db);
  const rows = ids.rows.length
    ? await baseQuery(db)
        .where(
          'l.id',
          'in',
          ids.rows.map((r) => r.id),
        )
        .execute()
    : [];
  const position = new Map(ids.rows.map((r, i) => [r.id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  // A first page that is not full is every match: no need to count (a rare search term would
  // otherwise be looked for in every letter twice).
  const n =
    input.page === 1 && ids.rows.length < input.pageSize
      ? ids.rows.length
      : (await sql<{ n: number }>`SELECT count(*) AS n FROM letters WHERE ${where}`.execute(db))
          .rows[0]!.n;
  return { rows: rows.map(toSummary), total: n, page: input.page, pageSize: input.pageSize };
}
