/**
 * The one i18n layer, used by the backend (error messages) and the renderer (all UI text).
 * Each message is a pair [Bahasa Indonesia, English] so a missing translation cannot compile.
 */
import { auditMessages } from './messages/audit';
import { authMessages } from './messages/auth';
import { calendarMessages } from './messages/calendar';
import { commonMessages } from './messages/common';
import { complaintMessages } from './messages/complaints';
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
};

export type MessageKey = keyof typeof messages;
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Translate `key`, filling `{name}` placeholders from params. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const pair = messages[key] as readonly [string, string] | undefined;
  const text = pair ? pair[locale === 'en' ? 1 : 0] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
