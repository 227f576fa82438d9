import type { z } from 'zod';
import type { FieldIssue } from './errors';
import { isMessageKey } from './i18n';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into field issues with i18n keys: dispatch answers VALIDATION with these, and
 * the renderer's form layer checks the same contract schema before sending, with the same words.
 * Schemas name their own keys as the error message; everything else is mapped from the issue code.
 */
export function toFieldIssues(issues: readonly Issue[], input: unknown): FieldIssue[] {
  return issues.map((issue) => toFieldIssue(issue, input));
}

/** The field issues of `input` against `schema`; empty when it passes. */
export function checkInput(schema: z.ZodType, input: unknown): FieldIssue[] {
  const parsed = schema.safeParse(input ?? {});
  return parsed.success ? [] : toFieldIssues(parsed.error.issues, input);
}

/**
 * Splits the issues of a VALIDATION error into field errors (by the first path segment after
 * `prefix`, first issue per field wins) and leftovers that fit no field of the form.
 */
export function placeIssues(
  fields: readonly string[],
  issues: readonly FieldIssue[],
  prefix?: string,
): { placed: Record<string, Omit<FieldIssue, 'path'>>; leftovers: FieldIssue[] } {
  const known = new Set(fields);
  const placed: Record<string, Omit<FieldIssue, 'path'>> = {};
  const leftovers: FieldIssue[] = [];
  for (const issue of issues) {
    let path = issue.path;
    if (prefix !== undefined) {
      if (path[0] !== prefix) {
        leftovers.push(issue);
        continue;
      }
      path = path.slice(1);
    }
    const name = String(path[0] ?? '');
    if (known.has(name)) {
      if (!placed[name])
        placed[name] = { key: issue.key, ...(issue.params ? { params: issue.params } : {}) };
    } else {
      leftovers.push(issue);
    }
  }
  return { placed, leftovers };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function toFieldIssue(issue: Issue, input: unknown): FieldIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (isMessageKey(issue.message)) return { path, key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.invalid_type' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? { path, key: 'validation.required' }
          : { path, key: 'validation.too_short', params: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { path, key: 'validation.too_few_items', params: { min } };
      }
      return { path, key: 'validation.too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string'
        ? { path, key: 'validation.too_long', params: { max } }
        : { path, key: 'validation.too_big', params: { max } };
    }
    case 'invalid_format':
      return { path, key: 'validation.invalid_format' };
    case 'invalid_value':
      // A choice left out (zod reports a missing enum as a wrong value) is "required".
      return valueAt(input, issue.path) === undefined
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.invalid_option' };
    case 'unrecognized_keys':
      return { path, key: 'validation.unknown_fields', params: { fields: issue.keys.join(', ') } };
    case 'invalid_union': {
      // A union of "valid value" and "empty": report the first specific reason.
      for (const branch of issue.errors) {
        for (const inner of branch) {
          if (isMessageKey(inner.message)) return { path, key: inner.message };
        }
      }
      return { path, key: 'validation.invalid_format' };
    }
    default:
      return { path, key: 'validation.invalid_type' };
  }
}
