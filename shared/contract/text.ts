/**
 * Text as it may enter the backend. Every string field of the contract is built from these, so
 * the renderer's form check and dispatch refuse the same input with the same words:
 * - well-formed Unicode: a lone UTF-16 surrogate cannot be stored as UTF-8 (SQLite would keep
 *   U+FFFD, and the audit chain would hash other bytes than it stores);
 * - NFC, so the same name typed on two keyboards is the same text;
 * - no control characters (NUL, escape, …); multi-line text keeps newline and tab, with
 *   Windows line ends made `\n`.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n';

const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 controls and the Unicode line/paragraph separators. */
const CONTROL_SINGLE = /[\p{Cc}\u2028\u2029]/u;
/** The same, newline and tab allowed. */
const CONTROL_MULTI = /[^\P{Cc}\n\t]|[\u2028\u2029]/u;

export const TEXT_KEYS = {
  encoding: 'validation.text_encoding',
  control: 'validation.text_control',
  singleLine: 'validation.text_single_line',
} as const satisfies Record<string, MessageKey>;

/** The NFC form of `s`; multi-line text with `\r\n` and lone `\r` made `\n`. */
export function normaliseText(s: string, multiLine: boolean): string {
  const nfc = s.normalize('NFC');
  return multiLine ? nfc.replace(/\r\n?/g, '\n') : nfc;
}

/** Why `s` cannot be stored as it is, or null: the message key of the first problem. */
export function textProblem(s: string, multiLine: boolean): MessageKey | null {
  if (LONE_SURROGATE.test(s)) return TEXT_KEYS.encoding;
  if (!multiLine && /[\n\r\t]/.test(s)) return TEXT_KEYS.singleLine;
  if ((multiLine ? CONTROL_MULTI : CONTROL_SINGLE).test(s)) return TEXT_KEYS.control;
  return null;
}

/**
 * A checked, normalised string (not trimmed): the base of every text field. `abort` stops at
 * the first problem so the field shows one clear message.
 */
export function cleanString(multiLine = false) {
  return z
    .string()
    .overwrite((s) => normaliseText(s, multiLine))
    .check(refuse(multiLine));
}

/** A check that adds the text's problem and stops the field's further checks. */
function refuse(multiLine: boolean) {
  return (ctx: z.core.ParsePayload<string>) => {
    const key = textProblem(ctx.value, multiLine);
    if (key) ctx.issues.push({ code: 'custom', message: key, input: ctx.value, continue: false });
  };
}

/**
 * Secrets (passwords): checked like text but never changed, so a password typed before this
 * rule existed still matches its hash.
 */
export const secretString = z.string().check(refuse(false));

/**
 * The first string anywhere in `value` (a whole request) that is not well-formed Unicode or
 * holds NUL, with its path: dispatch's backstop for strings no text field covers (record keys,
 * cursors). Field rules say the rest.
 */
export function findBrokenString(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; key: MessageKey } | null {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return { path, key: TEXT_KEYS.encoding };
    if (value.includes('\u0000')) return { path, key: TEXT_KEYS.control };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBrokenString(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = findBrokenString(k, [...path, k]) ?? findBrokenString(v, [...path, k]);
      if (bad) return bad;
    }
  }
  return null;
}
