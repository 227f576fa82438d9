/**
 * Letters: a draft from a template and a source record, edits while it is a draft, the workflow
 * steps (issuing numbers and seals it), the register, the PDF (each print audited; a reprint
 * is marked SALINAN) and the verification of a code or QR.
 */
import type { lettersContract } from '../../../shared/contract/letters';
import { fillPlaceholders } from '../../../shared/letters/placeholders';
import { dayInZone } from '../../../shared/time';
import { mayTake } from '../../../shared/workflow/engine';
import { isEditable, letterFlow } from '../../../shared/workflow/letters';
import { findRow, requireRow } from '../db/lookup';
import { insertTracked, loadForChange, updateBookkeeping, updateVersioned } from '../db/tracked';
import type { HandlersOf } from '../dispatch/context';
import { AppError, fieldError, fieldErrors } from '../errors';
import { offerFile } from '../files/generated';
import { openOfficeKey } from '../keys/officeKey';
import { officeTimeZone } from '../office/store';
import { applyTransition, bindWorkflow } from '../workflow/applyTransition';
import { letterTextColumns, placeholderIssues } from './config';
import { writeLetterEvent } from './events';
import { completenessIssues, issueColumns } from './issue';
import { letterPdf } from './print';
import { loadLetter, registerPage } from './queries';
import { normalizeCode, parseQr } from './seal';
import { findSource } from './sources/registry';

export const letterWorkflow = bindWorkflow({
  flow: letterFlow,
  table: 'letters',
  stateColumn: 'status',
  writeEvent: writeLetterEvent,
});

const notDraft = () => new AppError('CONFLICT', 'letter.not_editable');

export const letterHandlers: HandlersOf<
  Pick<
    typeof lettersContract,
    | 'letters.create'
    | 'letters.update'
    | 'letters.get'
    | 'letters.transition'
    | 'letters.register'
    | 'letters.pdf'
    | 'letters.verify'
  >
> = {
  async 'letters.create'(input, ctx) {
    const template = await requireRow(ctx.db, 'letter_templates', input.templateId, 'templateId');
    if (!template.active) throw fieldError(['templateId'], 'letter.template_inactive');
    if (template.source_kind !== input.sourceKind)
      throw fieldError(['templateId'], 'letter.template_wrong_source');
    const source = findSource(input.sourceKind);
    if (!source) throw fieldError(['sourceKind'], 'letter.source_unknown');
    const today = dayInZone(ctx.now, await officeTimeZone(ctx.db));
    const record = await source.load(ctx.db, input.sourceId, { today });
    if (!record) throw fieldError(['sourceId'], 'error.not_found');
    if (input.refersTo) {
      const earlier = await requireRow(ctx.db, 'letters', input.refersTo, 'refersTo');
      if (earlier.status !== 'voided') throw fieldError(['refersTo'], 'letter.refers_not_voided');
    }
    const fill = (text: string | null) => (text ? fillPlaceholders(text, record.values) : null);
    const id = await insertTracked(
      ctx,
      'letters',
      {
        template_id: template.id,
        source_kind: source.kind,
        source_id: input.sourceId,
        person_id: record.personId,
        status: 'draft',
        layout: template.layout,
        title: template.title,
        subject: fill(template.subject)!,
        addressee: fill(template.addressee),
        addressee_place: fill(template.addressee_place),
        sifat: template.sifat,
        lampiran: template.lampiran,
        body: fill(template.body)!,
        closing: fill(template.closing),
        tembusan: fill(template.tembusan),
        paper: template.paper,
        classification_id: template.classification_id,
        signatory_id: template.signatory_id,
        signatory: null,
        number: null,
        seq: null,
        seq_year: null,
        letter_date: null,
        submitted_at: null,
        issued_at: null,
        issued_by: null,
        voided_at: null,
        void_reason: null,
        content_hash: null,
        signature: null,
        key_id: null,
        verify_code: null,
        prints: 0,
        refers_to: input.refersTo,
      },
      { recordType: 'letter' },
    );
    await writeLetterEvent(ctx, id, { kind: 'created', toState: 'draft' });
    return loadLetter(ctx.db, id);
  },

  async 'letters.update'(input, ctx) {
    const before = await loadForChange(ctx.db, 'letters', input.id, input.version, (row) => {
      if (!isEditable(row.status)) throw notDraft();
    });
    const source = findSource(before.source_kind);
    const issues = placeholderIssues(input, source?.placeholders ?? []);
    await requireRow(ctx.db, 'letter_classifications', input.classificationId, 'classificationId');
    if (input.signatoryId) {
      const s = await requireRow(ctx.db, 'letter_signatories', input.signatoryId, 'signatoryId');
      if (!s.active && s.id !== before.signatory_id)
        issues.push({ path: ['signatoryId'], key: 'letter.signatory_inactive' });
    }
    if (issues.length > 0) throw fieldErrors(issues);
    await updateVersioned(ctx, 'letters', before, letterTextColumns(input), {
      recordType: 'letter',
    });
    await writeLetterEvent(ctx, before.id, { kind: 'edit' });
    return loadLetter(ctx.db, before.id);
  },

  async 'letters.get'(input, ctx) {
    return loadLetter(ctx.db, input.id);
  },

  async 'letters.transition'(input, ctx) {
    const { id, version, to, note, ...values } = input;
    const row = await loadForChange(ctx.db, 'letters', id, version);
    // Issuing takes the number and signs here, once the step is sure to be allowed; a refusal
    // below would still roll the register back with the rest of the call.
    const mayIssue =
      to === 'issued' &&
      row.status === 'submitted' &&
      mayTake(letterFlow.steps.issue, { roles: ctx.user?.roles ?? [], isAssignee: false }) &&
      completenessIssues(row).length === 0;
    const issued = mayIssue ? await issueColumns(ctx, row) : {};
    await applyTransition(ctx, letterWorkflow, {
      id,
      version,
      step: { to },
      values,
      note,
      check: (r) => (to === 'submitted' || to === 'issued' ? completenessIssues(r) : []),
      columns: () => issued,
    });
    return loadLetter(ctx.db, id);
  },

  async 'letters.register'(input, ctx) {
    return registerPage(ctx.db, input);
  },

  async 'letters.pdf'(input, ctx) {
    const row = await findRow(ctx.db, 'letters', { id: input.id });
    if (!row) throw new AppError('NOT_FOUND', 'error.not_found');
    // Only an issued letter counts prints: every one after the first is a copy (SALINAN).
    const copy = row.status === 'issued' && row.prints > 0;
    const bytes = await letterPdf(ctx.db, ctx.dataDir, row, { now: ctx.now, copy });
    if (row.status === 'issued') {
      await updateBookkeeping(
        ctx,
        'letters',
        row,
        { prints: row.prints + 1 },
        {
          recordType: 'letter',
          note: copy ? 'print copy' : 'print',
        },
      );
      await writeLetterEvent(ctx, row.id, { kind: 'print', note: copy ? 'SALINAN' : null });
    } else {
      ctx.audit({ recordType: 'letter', recordId: row.id, note: 'preview' });
    }
    const name = `${row.title}${row.number ? ` ${row.number.replace(/\//g, '-')}` : ' (draf)'}${copy ? ' SALINAN' : ''}.pdf`;
    const fileId = await offerFile(ctx, { bytes, name, type: 'application/pdf' });
    return { fileId, name, copy };
  },

  async 'letters.verify'(input, ctx) {
    const qr = parseQr(input.code);
    let row;
    let signatureChecked = false;
    if (qr) {
      if (!openOfficeKey(ctx.dataDir).verify(qr.message, qr.signature))
        return { found: false as const, reason: 'bad_signature' as const };
      row = await findRow(ctx.db, 'letters', { number: qr.number });
      // Signed by this office but not this letter's content: someone changed the QR's facts.
      if (row && (row.content_hash !== qr.hash || row.letter_date !== qr.letterDate))
        return { found: false as const, reason: 'bad_signature' as const };
      signatureChecked = true;
    } else {
      const code = normalizeCode(input.code);
      if (!code) return { found: false as const, reason: 'malformed' as const };
      row = await findRow(ctx.db, 'letters', { verify_code: code });
    }
    if (!row || !row.number || !row.issued_at || !row.letter_date)
      return { found: false as const, reason: 'unknown' as const };
    const office = (await findRow(ctx.db, 'office', { id: 1 }))!;
    const signedBy = row.signatory ? (JSON.parse(row.signatory) as { name: string }) : null;
    return {
      found: true as const,
      number: row.number,
      letterDate: row.letter_date,
      title: row.title,
      subject: row.subject,
      office: office.name,
      signatoryName: signedBy?.name ?? null,
      issuedAt: row.issued_at,
      voided: row.status === 'voided',
      voidReason: row.void_reason,
      voidedAt: row.voided_at,
      signatureChecked,
    };
  },
};
