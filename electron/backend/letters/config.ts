/**
 * The admin's side of letters: templates (placeholders checked against their source's fixed
 * list when saved), classification codes with their number pattern, and signatories (NIP
 * checked: length, birth date, TMT, sex digit).
 */
import type { Selectable } from 'kysely';
import type {
  Classification,
  LetterTemplate,
  lettersContract,
  Signatory,
} from '../../../shared/contract/letters';
import type { FieldIssue } from '../../../shared/errors';
import { hasStrayBraces, unknownPlaceholders } from '../../../shared/letters/placeholders';
import { nipProblems } from '../../../shared/nip';
import { CLASSIFICATION_CODE } from '../../../shared/reference/letters';
import { patternProblems } from '../../../shared/registers/pattern';
import { dayInZone } from '../../../shared/time';
import type {
  LetterClassificationsTable,
  LetterSignatoriesTable,
  LetterTemplatesTable,
  LetterText,
} from '../db/tables/letters';
import { findRow, requireRow, takenBy } from '../db/lookup';
import { loadForSave, saveTracked } from '../db/tracked';
import type { HandlersOf } from '../dispatch/context';
import { fieldErrors } from '../errors';
import { officeTimeZone } from '../office/store';
import { findSource, letterSources } from './sources/registry';
import { camelPick } from '../lib/camel';

export function toClassification(r: Selectable<LetterClassificationsTable>): Classification {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    numberPattern: r.number_pattern,
    active: r.active === 1,
    version: r.version,
  };
}

export function toSignatory(r: Selectable<LetterSignatoriesTable>): Signatory {
  return {
    id: r.id,
    name: r.name,
    rank: r.rank,
    nip: r.nip,
    position: r.position,
    prefix: r.prefix,
    onBehalfOf: r.on_behalf_of,
    active: r.active === 1,
    version: r.version,
  };
}

/** The columns of a letter's words (as printed and sealed), shared by letters and templates. */
export const LETTER_WORD_COLUMNS = [
  'title',
  'subject',
  'addressee',
  'addressee_place',
  'sifat',
  'lampiran',
  'body',
  'closing',
  'tembusan',
] as const;

function toTemplate(r: Selectable<LetterTemplatesTable>): LetterTemplate {
  return {
    ...camelPick(r, [
      'id',
      'name',
      'layout',
      'source_kind',
      ...LETTER_WORD_COLUMNS,
      'paper',
      'classification_id',
      'signatory_id',
      'version',
    ]),
    active: r.active === 1,
  };
}

/** The text a template gives and a draft edits, input names → columns. */
export function letterTextColumns(input: {
  subject: string;
  addressee: string | null;
  addresseePlace: string | null;
  sifat: string | null;
  lampiran: string | null;
  body: string;
  closing: string | null;
  tembusan: string | null;
  paper: LetterText['paper'];
  classificationId: string;
  signatoryId: string | null;
}): LetterText {
  return {
    subject: input.subject,
    addressee: input.addressee,
    addressee_place: input.addresseePlace,
    sifat: input.sifat,
    lampiran: input.lampiran,
    body: input.body,
    closing: input.closing,
    tembusan: input.tembusan,
    paper: input.paper,
    classification_id: input.classificationId,
    signatory_id: input.signatoryId,
  };
}

/** Fields whose text may hold placeholders, by their input names. */
export const PLACEHOLDER_FIELDS = [
  'subject',
  'addressee',
  'addresseePlace',
  'body',
  'closing',
  'tembusan',
] as const;

/** Unknown placeholders and stray braces in a template's or draft's texts, per field. */
export function placeholderIssues(
  texts: Partial<Record<(typeof PLACEHOLDER_FIELDS)[number], string | null>>,
  known: readonly string[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of PLACEHOLDER_FIELDS) {
    const value = texts[field];
    if (!value) continue;
    const unknown = unknownPlaceholders(value, known);
    if (unknown.length > 0)
      issues.push({
        path: [field],
        key: 'letter.placeholder_unknown',
        params: { names: unknown.map((n) => `{{${n}}}`).join(', ') },
      });
    else if (hasStrayBraces(value))
      issues.push({ path: [field], key: 'letter.placeholder_braces' });
  }
  return issues;
}

export const letterConfigHandlers: HandlersOf<
  Pick<
    typeof lettersContract,
    | 'letters.templates'
    | 'letters.saveTemplate'
    | 'letters.classifications'
    | 'letters.saveClassification'
    | 'letters.signatories'
    | 'letters.saveSignatory'
  >
> = {
  async 'letters.templates'(input, ctx) {
    let q = ctx.db.selectFrom('letter_templates').selectAll().orderBy('name');
    if (!input.includeInactive) q = q.where('active', '=', 1);
    return {
      templates: (await q.execute()).map(toTemplate),
      sources: letterSources().map((s) => ({ kind: s.kind, placeholders: [...s.placeholders] })),
    };
  },

  async 'letters.saveTemplate'(input, ctx) {
    const before = await loadForSave(ctx.db, 'letter_templates', input);
    const issues: FieldIssue[] = [];
    const source = findSource(input.sourceKind);
    if (!source) issues.push({ path: ['sourceKind'], key: 'letter.source_unknown' });
    else issues.push(...placeholderIssues(input, source.placeholders));
    if (await takenBy(ctx.db, 'letter_templates', { name: input.name }, input.id))
      issues.push({
        path: ['name'],
        key: 'letter.template_name_taken',
        params: { name: input.name },
      });
    await requireRow(ctx.db, 'letter_classifications', input.classificationId, 'classificationId');
    if (input.signatoryId)
      await requireRow(ctx.db, 'letter_signatories', input.signatoryId, 'signatoryId');
    if (issues.length > 0) throw fieldErrors(issues);
    const id = await saveTracked(
      ctx,
      'letter_templates',
      before,
      {
        name: input.name,
        title: input.title,
        layout: input.layout,
        source_kind: input.sourceKind,
        ...letterTextColumns(input),
        active: input.active ? 1 : 0,
      },
      { recordType: 'letter_template' },
    );
    return toTemplate((await findRow(ctx.db, 'letter_templates', { id }))!);
  },

  async 'letters.classifications'(input, ctx) {
    let q = ctx.db.selectFrom('letter_classifications').selectAll().orderBy('code');
    if (!input.includeInactive) q = q.where('active', '=', 1);
    return { classifications: (await q.execute()).map(toClassification) };
  },

  async 'letters.saveClassification'(input, ctx) {
    const before = await loadForSave(ctx.db, 'letter_classifications', input);
    const issues: FieldIssue[] = [];
    if (!CLASSIFICATION_CODE.test(input.code))
      issues.push({ path: ['code'], key: 'letter.code_format' });
    else if (await takenBy(ctx.db, 'letter_classifications', { code: input.code }, input.id))
      issues.push({ path: ['code'], key: 'letter.code_taken', params: { code: input.code } });
    // Each code is its own register, so the pattern must name the code.
    for (const key of patternProblems(input.numberPattern, { needsCode: true }))
      issues.push({ path: ['numberPattern'], key });
    // A code in use keeps its code: issued numbers and their register were made with it.
    if (before && before.code !== input.code) {
      const used = await findRow(ctx.db, 'letters', { classification_id: before.id });
      if (used) issues.push({ path: ['code'], key: 'letter.code_in_use' });
    }
    if (issues.length > 0) throw fieldErrors(issues);
    const id = await saveTracked(
      ctx,
      'letter_classifications',
      before,
      {
        code: input.code,
        name: input.name,
        number_pattern: input.numberPattern,
        active: input.active ? 1 : 0,
      },
      { recordType: 'letter_classification' },
    );
    return toClassification((await findRow(ctx.db, 'letter_classifications', { id }))!);
  },

  async 'letters.signatories'(input, ctx) {
    let q = ctx.db.selectFrom('letter_signatories').selectAll().orderBy('name');
    if (!input.includeInactive) q = q.where('active', '=', 1);
    return { signatories: (await q.execute()).map(toSignatory) };
  },

  async 'letters.saveSignatory'(input, ctx) {
    const before = await loadForSave(ctx.db, 'letter_signatories', input);
    const issues: FieldIssue[] = [];
    if (input.nip) {
      const today = dayInZone(ctx.now, await officeTimeZone(ctx.db));
      for (const key of nipProblems(input.nip, today)) issues.push({ path: ['nip'], key });
    }
    if (input.prefix === 'a.n.' && !input.onBehalfOf)
      issues.push({ path: ['onBehalfOf'], key: 'letter.on_behalf_required' });
    if (issues.length > 0) throw fieldErrors(issues);
    const id = await saveTracked(
      ctx,
      'letter_signatories',
      before,
      {
        name: input.name,
        rank: input.rank,
        nip: input.nip,
        position: input.position,
        prefix: input.prefix,
        on_behalf_of: input.onBehalfOf,
        active: input.active ? 1 : 0,
      },
      { recordType: 'letter_signatory' },
    );
    return toSignatory((await findRow(ctx.db, 'letter_signatories', { id }))!);
  },
};
