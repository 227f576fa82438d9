/**
 * The three deadlines of a complaint (verify, first answer, complete), all counted in working
 * days from the day of receipt, and where they stand. Pure: the caller supplies the calendar.
 */
import type { Deadline } from '../../../shared/contract/complaints';
import {
  DEADLINE_STAGES,
  type ComplaintStatus,
  type DeadlineStage,
} from '../../../shared/reference/complaints';
import { isClosed } from '../../../shared/workflow/complaints';
import { dayInZone } from '../../../shared/time';
import { dueDate, timeLeft, type HolidaySet } from '../../../shared/workdays';

export interface DeadlineDays {
  verify: number;
  answer: number;
  complete: number;
}

export interface DueDates {
  verify_due: string;
  answer_due: string;
  complete_due: string;
}

export function dueDates(receivedDay: string, days: DeadlineDays, holidays: HolidaySet): DueDates {
  return {
    verify_due: dueDate(receivedDay, days.verify, holidays),
    answer_due: dueDate(receivedDay, days.answer, holidays),
    complete_due: dueDate(receivedDay, days.complete, holidays),
  };
}

/** The columns deadlines are judged from. */
export interface DeadlineState extends DueDates {
  status: ComplaintStatus;
  verified_at: string | null;
  first_answer_at: string | null;
  closed_at: string | null;
}

const DUE_COLUMN = {
  verify: 'verify_due',
  answer: 'answer_due',
  complete: 'complete_due',
} as const satisfies Record<DeadlineStage, keyof DueDates>;

/**
 * When a stage was reached. Closing decides whatever was still open: a complaint rejected at
 * intake was also verified (assessed) and answered at that moment.
 */
export function stageMetAt(row: DeadlineState, stage: DeadlineStage): string | null {
  switch (stage) {
    case 'verify':
      return row.verified_at ?? row.closed_at;
    case 'answer':
      return row.first_answer_at ?? row.closed_at;
    case 'complete':
      return row.closed_at;
  }
}

/** The earliest stage not yet reached, for `next_due`/`next_stage`; null once closed. */
export function nextDeadline(
  row: DeadlineState,
): { next_due: string; next_stage: DeadlineStage } | { next_due: null; next_stage: null } {
  if (isClosed(row.status)) return { next_due: null, next_stage: null };
  for (const stage of DEADLINE_STAGES) {
    if (!stageMetAt(row, stage)) return { next_due: row[DUE_COLUMN[stage]], next_stage: stage };
  }
  // Open but every stage reached cannot happen (closing sets closed_at); be safe anyway.
  return { next_due: row.complete_due, next_stage: 'complete' };
}

export function deadlineView(
  row: DeadlineState,
  stage: DeadlineStage,
  today: string,
  timeZone: string,
  holidays: HolidaySet,
): Deadline {
  const due = row[DUE_COLUMN[stage]];
  const metAt = stageMetAt(row, stage);
  if (metAt) {
    return {
      stage,
      due,
      metAt,
      onTime: dayInZone(metAt, timeZone) <= due,
      overdue: false,
      dueToday: false,
      workingDays: null,
    };
  }
  const left = timeLeft(today, due, holidays);
  return {
    stage,
    due,
    metAt: null,
    onTime: null,
    overdue: left.overdue,
    dueToday: left.dueToday,
    workingDays: left.workingDays,
  };
}
