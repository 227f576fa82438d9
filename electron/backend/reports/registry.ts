/** Every report by id: adding one is its module and one line here (and its id in shared). */
import type { ReportId } from '../../../shared/reference/reports';
import { casesReport } from './cases';
import { complaintsReport } from './complaints';
import { shelterReport } from './shelter';
import type { ReportModule } from './types';

export const REPORT_MODULES: Record<ReportId, ReportModule> = {
  shelter: shelterReport,
  complaints: complaintsReport,
  cases: casesReport,
};
