/**
 * A finding's two clocks, counted in working days from the day it reached the city with the
 * complaints' holiday calendar: triage, then acting on it. Emergencies are due the same day.
 */
import type { FindingSummary } from '../../../shared/contract/findings';
import type { Urgency } from '../../../shared/reference/complaints';
import { FINDING_DEADLINE_DAYS } from '../../../shared/reference/findings';
import { dayInZone } from '../../../shared/time';
import { dueDate, timeLeft, type HolidaySet } from '../../../shared/workdays';
import type { Calendar } from '../calendar/workdays';

export function findingDueDates(receivedDay: string, urgency: Urgency, holidays: HolidaySet) {
  const days = FINDING_DEADLINE_DAYS[urgency];
  return {
    triage_due: dueDate(receivedDay, days.triage, holidays),
    act_due: dueDate(receivedDay, days.act, holidays),
  };
}

type Clock = NonNullable<FindingSummary['next']>;

export function clockView(due: string, metAt: string | null, cal: Calendar): Omit<Clock, 'stage'> {
  if (metAt) {
    const late = dayInZone(metAt, cal.timeZone) > due;
    return { due, metAt, overdue: late, dueToday: false };
  }
  const left = timeLeft(cal.today, due, cal.holidays);
  return { due, metAt: null, overdue: left.overdue, dueToday: left.dueToday };
}

interface ClockRow {
  triage_due: string;
  act_due: string;
  triaged_at: string | null;
  acted_at: string | null;
}

/** Closing also settles triage: the finding was assessed then. */
export function clocksOf(r: ClockRow, cal: Calendar) {
  return {
    triage: clockView(r.triage_due, r.triaged_at ?? r.acted_at, cal),
    act: clockView(r.act_due, r.acted_at, cal),
  };
}

export function nextClock(r: ClockRow, cal: Calendar): Clock | null {
  if (r.acted_at) return null;
  const c = clocksOf(r, cal);
  return c.triage.metAt ? { stage: 'act', ...c.act } : { stage: 'triage', ...c.triage };
}
