/**
 * The reports the office prints and the registers it exports. Adding a report: its id here and
 * its permission, one module in electron/backend/reports/, one line in that folder's registry.
 */
import type { Permission } from '../roles';

export const REPORT_IDS = ['shelter', 'complaints', 'cases'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** Who may see a report besides holding reports.read: the readers of the domain it counts. */
export const REPORT_ACCESS: Record<ReportId, Permission> = {
  shelter: 'shelter.read',
  complaints: 'complaints.read',
  cases: 'cases.read',
};

/** Register listings (one row per record, personal data): behind reports.exportPersonal. */
export const REGISTER_IDS = ['persons', 'stays', 'complaints', 'letters'] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** How a figure is shown and exported: counts, days with one decimal, a percentage 0–100. */
export const FIGURE_FORMATS = ['int', 'days', 'percent'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** The longest custom period a report covers (a year's report must stay fast). */
export const MAX_PERIOD_DAYS = 366 * 5;
