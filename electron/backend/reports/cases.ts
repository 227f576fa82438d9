/**
 * PPKS case report for a period, from the same figures the cases screen shows (cases/figures.ts):
 * the SPM count of people served by category and by kecamatan/kelurahan of the city, cases
 * opened and closed with their closure reasons, caseload at the period's end, and referrals sent
 * in the period by destination and by outcome.
 */
import { caseFigures } from '../cases/figures';
import { officeTimeZone } from '../office/store';
import { ppksLabel } from './ppksNames';
import { countColumns, msg, same, table, type ReportModule } from './types';
import type { Label } from '../../../shared/contract/reports';
import type { RegionRef } from '../regions/refs';

export const casesReport: ReportModule = async (db, { from, to }) => {
  const f = await caseFigures(db, { from, to }, await officeTimeZone(db));
  const people = countColumns(msg('reports.col.people'));
  const count = countColumns(msg('reports.col.count'));
  // A place outside the city (or not recorded finer than the city) is one row of its own.
  const placeTable = (
    level: 'kecamatan' | 'kelurahan',
    served: { region: RegionRef | null; count: number }[],
    none: Label,
  ) =>
    table({
      key: level,
      title: msg(`reports.cases.${level}`),
      head: msg(`reports.col.${level}`),
      columns: people,
      rows: served.map((r) => ({
        label: r.region ? same(r.region.name) : none,
        values: [r.count],
      })),
    });
  return {
    title: msg('reports.cases.title'),
    figures: [
      { label: msg('reports.cases.served'), value: f.personsServed, format: 'int' },
      { label: msg('reports.cases.opened'), value: f.opened, format: 'int' },
      { label: msg('reports.cases.closed'), value: f.closed, format: 'int' },
      {
        label: msg('reports.cases.medianAssessment'),
        value: f.medianDaysToAssessmentApproval,
        format: 'days',
      },
      { label: msg('reports.cases.medianClosure'), value: f.medianDaysToClosure, format: 'days' },
    ],
    tables: [
      table({
        key: 'ppks',
        title: msg('reports.cases.ppks'),
        head: msg('reports.col.ppks'),
        columns: people,
        rows: f.servedByPpks.map((r) => ({ label: ppksLabel(r.ppks), values: [r.count] })),
      }),
      placeTable('kecamatan', f.servedByKecamatan, msg('reports.cases.outsideCity')),
      // Up to every kelurahan of the city: the kecamatan chart above reads better.
      {
        ...placeTable('kelurahan', f.servedByKelurahan, msg('reports.cases.noKelurahan')),
        chart: null,
      },
      table({
        key: 'closures',
        title: msg('reports.cases.closures'),
        head: msg('reports.col.reason'),
        columns: count,
        rows: f.closureReasons.map((r) => ({
          label: msg(`case.closureReason.${r.reason}`),
          values: [r.count],
        })),
      }),
      table({
        key: 'caseload',
        title: msg('reports.cases.caseload', { to }),
        head: msg('reports.col.caseworker'),
        columns: countColumns(msg('reports.col.openCases')),
        rows: f.caseload.map((c) => ({ label: same(c.caseworker.fullName), values: [c.count] })),
      }),
      table({
        key: 'referralAgencies',
        title: msg('reports.cases.referralAgencies'),
        head: msg('reports.col.destination'),
        columns: count,
        rows: f.referralsByAgency
          .map((r) => ({ label: msg(`referral.agency.${r.agencyKind}`), values: [r.count] }))
          .sort((a, b) => b.values[0]! - a.values[0]!),
      }),
      table({
        key: 'referralOutcomes',
        title: msg('reports.cases.referralOutcomes'),
        head: msg('reports.col.outcome'),
        columns: count,
        rows: f.referralsByOutcome.map((r) => {
          const state = msg(`referral.state.${r.state}`);
          const outcome = r.outcome ? msg(`referral.outcome.${r.outcome}`) : null;
          return {
            label: (outcome
              ? [`${state[0]} · ${outcome[0]}`, `${state[1]} · ${outcome[1]}`]
              : state) as Label,
            values: [r.count],
          };
        }),
        chart: null,
      }),
    ],
  };
};
