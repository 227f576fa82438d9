/** Complaints: intake, corrections, status flow, assignment, follow-up log, receipts, lists. */
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { complaintsContract } from '../../../shared/contract/complaints';
import type { FieldIssue } from '../../../shared/errors';
import { isClosed } from '../../../shared/workflow/complaints';
import { diffRecords } from '../audit/diff';
import type { ComplaintsTable } from '../db/tables/complaints';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import { loadCalendar, loadHolidaySet } from '../calendar/workdays';
import { insertTracked, loadForChange, updateBookkeeping, updateVersioned } from '../db/tracked';
import { parseCodes } from './config';
import { canSeeConfidential, mayReadReporter } from './confidential';
import { dueDates, nextDeadline } from './deadlines';
import { assigneeName, isAssignable, listAssignees } from './assignees';
import { writeComplaintEvent } from './events';
import { checkIntake, checkReceivedAt, throwIfAny } from './intake';
import { issueTicketNumber } from './numbering';
import { listComplaints, loadComplaint, loadComplaintRow } from './queries';
import { complaintStats } from './stats';
import { assignComplaint, logComplaintAction, transitionComplaint } from './steps';
import { officeTimeZone } from '../office/store';
import { regionRefs } from '../regions/refs';

type Row = Selectable<ComplaintsTable>;

/** Columns that enter the audit trail: the complaint's own fields, not derived helpers. */
function auditView(r: Partial<Row>): Record<string, unknown> {
  const {
    id: _id,
    seq: _seq,
    seq_year: _year,
    received_day: _day,
    next_due: _nd,
    next_stage: _ns,
    receipt_prints: _rp,
    ...rest
  } = r as Row;
  return rest;
}

const AS_COMPLAINT = { recordType: 'complaint', view: auditView };

/** Closed complaints stay closed: no more edits. */
function openOnly(row: Pick<Row, 'status'>): void {
  if (isClosed(row.status)) throw new AppError('CONFLICT', 'complaint.closed');
}

type FormInput = ParsedInput<'complaints.create'> | ParsedInput<'complaints.update'>;

/** What the intake and the correction forms both set: how it came in and what it is about. */
function formColumns(input: FormInput) {
  return {
    service_type: input.serviceType,
    category_id: input.categoryId,
    channel: input.channel,
    channel_ref: input.channelRef,
    subject: input.subject,
    person_id: input.personId,
    region_code: input.regionCode,
    location_address: input.locationAddress,
    description: input.description,
    urgency: input.urgency,
    ppks: JSON.stringify([...new Set(input.ppks)]),
  };
}

/**
 * The complaint as the caller may see it. Returning a confidential reporter's details is a read
 * of them and is recorded (UU PDP), after a change too; not right after intake, where the caller
 * has just typed them.
 */
async function result(ctx: Ctx, id: string, recordRead = true) {
  const complaint = await loadComplaint(ctx.db, id, await loadCalendar(ctx.db, ctx.now), ctx.user);
  if (!complaint) throw notFound();
  if (recordRead && complaint.reporterConfidential && !complaint.reporterHidden) {
    ctx.audit({ recordType: 'complaint', recordId: id, note: 'confidential_read' });
  }
  return complaint;
}

/** The timeline event of create, update and receipt, through the shared event writer. */
async function addEvent(
  ctx: Ctx,
  complaintId: string,
  e: {
    kind: 'created' | 'status' | 'assign' | 'action' | 'edit' | 'print';
    at?: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    actionType?: string | null;
    agency?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await writeComplaintEvent(ctx, complaintId, {
    kind: e.kind === 'status' ? 'transition' : e.kind,
    at: e.at,
    fromState: e.fromStatus,
    toState: e.toStatus,
    action: e.actionType,
    party: e.agency,
    note: e.note,
  });
}

export const complaintHandlers: HandlersOf<
  Pick<
    typeof complaintsContract,
    | 'complaints.list'
    | 'complaints.get'
    | 'complaints.create'
    | 'complaints.update'
    | 'complaints.transition'
    | 'complaints.assign'
    | 'complaints.logAction'
    | 'complaints.receiptPrinted'
    | 'complaints.stats'
    | 'complaints.officers'
    | 'complaints.forCheckin'
  >
> = {
  async 'complaints.list'(input, ctx) {
    const user = requireUser(ctx);
    const cal = await loadCalendar(ctx.db, ctx.now);
    const { rows, total, reporterMatches } = await listComplaints(
      ctx.db,
      input,
      cal,
      user,
      canSeeConfidential(user.roles),
    );
    for (const id of reporterMatches) {
      ctx.audit({ recordType: 'complaint', recordId: id, note: 'confidential_search' });
    }
    return { rows, total, page: input.page, pageSize: input.pageSize, today: cal.today };
  },

  async 'complaints.get'(input, ctx) {
    return result(ctx, input.id);
  },

  async 'complaints.create'(input, ctx) {
    const issues: FieldIssue[] = [];
    const timeZone = await officeTimeZone(ctx.db);
    const { receivedAt, receivedDay, backdated } = checkReceivedAt(
      input,
      ctx.now,
      timeZone,
      issues,
    );
    const checked = await checkIntake(ctx.db, input, issues);
    if (input.assigneeId && !(await isAssignable(ctx.db, input.assigneeId)))
      issues.push({ path: ['assigneeId'], key: 'complaint.assignee_invalid' });
    throwIfAny(issues);
    const { days } = checked!;

    const dues = dueDates(receivedDay, days, await loadHolidaySet(ctx.db));
    const issued = await issueTicketNumber(ctx.db, input.kind, ctx.now, timeZone);
    const columns = {
      number: issued.number,
      kind: input.kind,
      ...formColumns(input),
      received_at: receivedAt,
      backdate_reason: backdated ? input.backdateReason : null,
      reporter_anonymous: input.reporterAnonymous ? 1 : 0,
      reporter_name: input.reporterName,
      reporter_phone: input.reporterPhone,
      reporter_address: input.reporterAddress,
      reporter_relation: input.reporterRelation,
      reporter_confidential: input.reporterConfidential && !input.reporterAnonymous ? 1 : 0,
      status: 'received' as const,
      assigned_to: input.assigneeId,
      ...dues,
      verified_at: null,
      follow_up_at: null,
      first_answer_at: null,
      closed_at: null,
      final_answer: null,
      answer_channel: null,
      rejection_reason: null,
      forwarded_to: null,
    };
    const id = await insertTracked(
      ctx,
      'complaints',
      {
        seq: issued.seq,
        seq_year: issued.year,
        received_day: receivedDay,
        ...columns,
        ...nextDeadline(columns),
        receipt_prints: 0,
      },
      AS_COMPLAINT,
    );
    await addEvent(ctx, id, { kind: 'created', toStatus: 'received' });
    if (input.assigneeId)
      await addEvent(ctx, id, {
        kind: 'assign',
        agency: await assigneeName(ctx.db, input.assigneeId),
      });
    return result(ctx, id, false);
  },

  async 'complaints.update'(input, ctx) {
    const before = await loadForChange(ctx.db, 'complaints', input.id, input.version, openOnly);
    const reporterGiven = [
      input.reporterAnonymous,
      input.reporterName,
      input.reporterPhone,
      input.reporterAddress,
      input.reporterRelation,
      input.reporterConfidential,
    ].some((v) => v !== undefined);
    if (reporterGiven && !mayReadReporter(before, ctx.user)) throw forbidden();

    const anonymous = input.reporterAnonymous ?? before.reporter_anonymous === 1;
    const reporterName =
      input.reporterName !== undefined ? input.reporterName : before.reporter_name;
    const issues: FieldIssue[] = [];
    const checked = await checkIntake(
      ctx.db,
      {
        kind: before.kind,
        serviceType: input.serviceType,
        categoryId: input.categoryId,
        channel: input.channel,
        channelRef: input.channelRef,
        personId: input.personId,
        regionCode: input.regionCode,
        reporterAnonymous: anonymous,
        reporterName,
      },
      issues,
      before.category_id,
    );
    throwIfAny(issues);

    const pick = <T>(given: T | undefined, old: T) => (given !== undefined ? given : old);
    const columns = {
      ...formColumns(input),
      reporter_anonymous: anonymous ? 1 : 0,
      reporter_name: reporterName,
      reporter_phone: pick(input.reporterPhone, before.reporter_phone),
      reporter_address: pick(input.reporterAddress, before.reporter_address),
      reporter_relation: pick(input.reporterRelation, before.reporter_relation),
      reporter_confidential:
        !anonymous && pick(input.reporterConfidential, before.reporter_confidential === 1) ? 1 : 0,
    };
    // A new category brings its own deadlines, still counted from the day of receipt.
    const dues =
      input.categoryId !== before.category_id
        ? dueDates(before.received_day, checked!.days, await loadHolidaySet(ctx.db))
        : {
            verify_due: before.verify_due,
            answer_due: before.answer_due,
            complete_due: before.complete_due,
          };
    const changes = diffRecords(auditView(before), { ...columns, ...dues });
    if (Object.keys(changes).length === 0) return result(ctx, input.id);
    await updateVersioned(
      ctx,
      'complaints',
      before,
      { ...columns, ...dues, ...nextDeadline({ ...before, ...dues }) },
      AS_COMPLAINT,
    );
    await addEvent(ctx, input.id, { kind: 'edit' });
    return result(ctx, input.id);
  },

  async 'complaints.transition'(input, ctx) {
    await transitionComplaint(ctx, input);
    return result(ctx, input.id);
  },

  async 'complaints.assign'(input, ctx) {
    await assignComplaint(ctx, input);
    return result(ctx, input.id);
  },

  async 'complaints.logAction'(input, ctx) {
    await logComplaintAction(ctx, input);
    return result(ctx, input.id);
  },

  async 'complaints.receiptPrinted'(input, ctx) {
    const row = await loadForChange(ctx.db, 'complaints', input.id);
    const prints = row.receipt_prints + 1;
    // Not a change of the complaint itself: no new version, so nobody's open edit goes stale.
    await updateBookkeeping(
      ctx,
      'complaints',
      row,
      { receipt_prints: prints },
      { recordType: 'complaint', note: 'receipt_printed' },
    );
    await addEvent(ctx, input.id, { kind: 'print' });
    return { receiptPrints: prints };
  },

  async 'complaints.stats'(input, ctx) {
    if (input.to < input.from) throw fieldError(['to'], 'complaint.period_order');
    return complaintStats(ctx.db, input.from, input.to, await loadCalendar(ctx.db, ctx.now));
  },

  async 'complaints.officers'(_input, ctx) {
    return { officers: await listAssignees(ctx.db) };
  },

  async 'complaints.forCheckin'(input, ctx) {
    const row = await loadComplaintRow(ctx.db, input.id);
    if (!row) throw notFound();
    const regions = await regionRefs(ctx.db, [row.region_code]);
    const region = row.region_code ? regions.get(row.region_code) : undefined;
    const location = [row.location_address, region?.path].filter(Boolean).join(', ') || null;
    const is112 = row.channel === 'call_112';
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      receivedAt: row.received_at,
      personId: row.person_id,
      personName: row.person_name,
      ppks: parseCodes(row.ppks),
      condition: row.description,
      location,
      referralSource: is112 ? ('call_112' as const) : ('community' as const),
      referralDetail:
        `Pengaduan ${row.number}` + (is112 && row.channel_ref ? ` · 112: ${row.channel_ref}` : ''),
    };
  },
};
