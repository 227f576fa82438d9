/**
 * Complaints and data-service requests received in the period, from the same figures the
 * complaints screen shows (complaints/stats.ts): by channel, kind and category, each deadline met
 * on time, median working days to each stage; open and overdue by officer as of today.
 */
import { loadCalendar } from '../calendar/workdays';
import { complaintStats } from '../complaints/stats';
import { countColumns, msg, same, table, type ReportModule } from './types';

const pct = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

export const complaintsReport: ReportModule = async (db, { from, to, now }) => {
  const s = await complaintStats(db, from, to, await loadCalendar(db, now));
  const count = countColumns(msg('reports.col.count'));
  return {
    title: msg('reports.complaints.title'),
    figures: [
      { label: msg('reports.complaints.received'), value: s.received, format: 'int' },
      { label: msg('reports.complaints.closed'), value: s.closed, format: 'int' },
      {
        label: msg('reports.complaints.medianVerify'),
        value: s.medianDaysToVerify,
        format: 'days',
      },
      {
        label: msg('reports.complaints.medianAnswer'),
        value: s.medianDaysToAnswer,
        format: 'days',
      },
      {
        label: msg('reports.complaints.medianComplete'),
        value: s.medianDaysToClose,
        format: 'days',
      },
    ],
    tables: [
      table({
        key: 'deadlines',
        title: msg('reports.complaints.deadlines'),
        head: msg('reports.col.stage'),
        columns: [
          { label: msg('reports.col.reached'), format: 'int' },
          { label: msg('reports.col.onTime'), format: 'int' },
          { label: msg('reports.col.onTimePercent'), format: 'percent' },
        ],
        rows: [
          ['reports.stage.verify', s.verified, s.verifiedOnTime],
          ['reports.stage.answer', s.answered, s.answeredOnTime],
          ['reports.stage.complete', s.closed, s.closedOnTime],
        ].map(([key, met, onTime]) => ({
          label: msg(key as 'reports.stage.verify'),
          values: [met as number, onTime as number, pct(onTime as number, met as number)],
        })),
        chartColumns: [2],
      }),
      table({
        key: 'channels',
        title: msg('reports.complaints.channels'),
        head: msg('reports.col.channel'),
        columns: count,
        rows: s.byChannel.map((c) => ({
          label: msg(`complaint.channel.${c.channel}`),
          values: [c.count],
        })),
      }),
      table({
        key: 'kinds',
        title: msg('reports.complaints.kinds'),
        head: msg('reports.col.kind'),
        columns: count,
        rows: s.byKind.map((k) => ({ label: msg(`complaint.kind.${k.kind}`), values: [k.count] })),
        chart: null,
      }),
      table({
        key: 'categories',
        title: msg('reports.complaints.categories'),
        head: msg('reports.col.category'),
        columns: count,
        rows: s.byCategory.map((c) => ({
          label: [c.name, c.nameEn ?? c.name],
          values: [c.count],
        })),
      }),
      table({
        key: 'officers',
        title: msg('reports.complaints.officers', { today: s.today }),
        head: msg('reports.col.officer'),
        columns: countColumns(msg('reports.col.open'), msg('reports.col.overdue')),
        rows: s.byOfficer.map((o) => ({
          label: o.officer ? same(o.officer.fullName) : msg('reports.complaints.unassigned'),
          values: [o.open, o.overdue],
        })),
      }),
    ],
  };
};
