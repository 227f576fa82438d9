/** Kysely types of the office calendar (table from migration 0006). */
import type { HolidayKind } from '../../../../shared/reference/calendar';
import type { Tracked } from './tracked';

export interface HolidaysTable extends Tracked {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface CalendarTables {
  holidays: HolidaysTable;
}
