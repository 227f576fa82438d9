/** Value lists of the office calendar; labels live in shared/i18n/messages/calendar.json. */

/** National holidays, cuti bersama (the joint ministerial decree) and local or office days off. */
export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'local'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
