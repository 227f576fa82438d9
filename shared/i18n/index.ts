/**
 * The one i18n layer, used by the backend (error messages) and the renderer (all UI text).
 * Each message is a pair [Bahasa Indonesia, English] so a missing translation cannot compile.
 */
import { appStatusMessages } from './messages/appStatus';
import { auditMessages } from './messages/audit';
import { authMessages } from './messages/auth';
import { calendarMessages } from './messages/calendar';
import { checklistMessages } from './messages/checklist';
import { commonMessages } from './messages/common';
import { complaintMessages } from './messages/complaints';
import { fileMessages } from './messages/files';
import { navMessages } from './messages/nav';
import { nikMessages } from './messages/nik';
import { officeMessages } from './messages/office';
import { personMessages } from './messages/persons';
import { regionMessages } from './messages/regions';
import { registerMessages } from './messages/registers';
import { shelterMessages } from './messages/shelter';
import { userMessages } from './messages/users';

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
  ...checklistMessages,
  ...appStatusMessages,
  ...fileMessages,
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
  const pair = messages[key] as readonly [string, string] | undefined;
  const text = pair ? pair[locale === 'en' ? 1 : 0] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    const inner = params[`${name}Key`];
    return typeof inner === 'string' && isMessageKey(inner) ? translate(locale, inner) : whole;
  });
}
