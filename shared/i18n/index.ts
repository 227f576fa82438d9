/**
 * The one i18n layer, used by the backend (error messages) and the renderer (all UI text).
 * The catalogues are data (shared/i18n/messages/*.json, one per domain) so translators can edit
 * them with any tool: each entry is a pair [Bahasa Indonesia, English]; test/shared/contract.test.ts
 * refuses a missing translation, a placeholder in one language only and a key in two catalogues.
 */
import appStatusMessages from './messages/appStatus.json';
import auditMessages from './messages/audit.json';
import authMessages from './messages/auth.json';
import backupMessages from './messages/backup.json';
import calendarMessages from './messages/calendar.json';
import caseMessages from './messages/cases.json';
import checklistMessages from './messages/checklist.json';
import commonMessages from './messages/common.json';
import complaintMessages from './messages/complaints.json';
import desktopMessages from './messages/desktop.json';
import fileMessages from './messages/files.json';
import kelurahanMessages from './messages/kelurahan.json';
import letterMessages from './messages/letters.json';
import navMessages from './messages/nav.json';
import networkMessages from './messages/network.json';
import nikMessages from './messages/nik.json';
import officeMessages from './messages/office.json';
import packetMessages from './messages/packets.json';
import personMessages from './messages/persons.json';
import regionMessages from './messages/regions.json';
import registerMessages from './messages/registers.json';
import reportMessages from './messages/reports.json';
import shelterMessages from './messages/shelter.json';
import userMessages from './messages/users.json';

export const messages = {
  ...commonMessages,
  ...navMessages,
  ...authMessages,
  ...userMessages,
  ...officeMessages,
  ...auditMessages,
  ...regionMessages,
  ...nikMessages,
  ...personMessages,
  ...shelterMessages,
  ...calendarMessages,
  ...registerMessages,
  ...complaintMessages,
  ...caseMessages,
  ...checklistMessages,
  ...appStatusMessages,
  ...fileMessages,
  ...reportMessages,
  ...desktopMessages,
  ...backupMessages,
  ...packetMessages,
  ...kelurahanMessages,
  ...letterMessages,
  ...networkMessages,
};

export type MessageKey = keyof typeof messages;
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/**
 * Translate `key`, filling `{name}` placeholders from params. A param `nameKey` holding a message
 * key fills `{name}` with that message in the same language (a state's label in an error).
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const pair: readonly string[] | undefined = messages[key];
  const text = pair?.[locale === 'en' ? 1 : 0] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    const inner = params[`${name}Key`];
    return typeof inner === 'string' && isMessageKey(inner) ? translate(locale, inner) : whole;
  });
}
