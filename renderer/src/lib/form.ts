/**
 * A small form state hook (no @mantine/form): values, per-field errors in the user's language,
 * and the form-level failure (stale edit, leftover validation issues) shown above the fields.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { FieldIssue, MessageParams, RpcError } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { useFormat } from './format';

export interface FieldMessage {
  key: MessageKey | string;
  params?: MessageParams;
}

export interface FormFailure {
  error: RpcError;
  /** Validation issues that belong to no field of this form. */
  leftovers: FieldIssue[];
}

export interface Form<T extends object> {
  values: T;
  set: <K extends keyof T>(name: K, value: T[K]) => void;
  setValues: (values: T) => void;
  errors: Record<string, FieldMessage>;
  setErrors: (errors: Record<string, FieldMessage>) => void;
  setError: (name: string, message: FieldMessage | null) => void;
  errorText: (name: string) => string | undefined;
  failure: FormFailure | null;
  setFailure: (failure: FormFailure | null) => void;
  /** Props for a Mantine text input bound to a string field. */
  text: (name: keyof T & string) => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
    name: string;
  };
  clear: () => void;
}

export function useForm<T extends object>(initial: T | (() => T)): Form<T> {
  const [values, setValuesState] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const fmt = useFormat();

  const setError = useCallback((name: string, message: FieldMessage | null) => {
    setErrors((prev) => {
      if (!message && !(name in prev)) return prev;
      const next = { ...prev };
      if (message) next[name] = message;
      else delete next[name];
      return next;
    });
  }, []);

  const set = useCallback(
    <K extends keyof T>(name: K, value: T[K]) => {
      setValuesState((prev) => ({ ...prev, [name]: value }));
      setError(String(name), null);
    },
    [setError],
  );

  const setValues = useCallback((next: T) => {
    setValuesState(next);
    setErrors({});
    setFailure(null);
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setFailure(null);
  }, []);

  return useMemo<Form<T>>(() => {
    const errorText = (name: string) => {
      const m = errors[name];
      return m ? fmt.message(m.key, m.params) : undefined;
    };
    return {
      values,
      set,
      setValues,
      errors,
      setErrors,
      setError,
      errorText,
      failure,
      setFailure,
      text: (name) => ({
        name,
        value: String((values as Record<string, unknown>)[name] ?? ''),
        onChange: (e) => set(name, e.currentTarget.value as T[typeof name]),
        error: errorText(name),
      }),
      clear,
    };
  }, [values, errors, failure, fmt, set, setValues, setError, clear]);
}

/**
 * Put the issues of a VALIDATION error on the fields of `form`. `prefix` strips a leading path
 * segment (e.g. 'office' for setup's `office.name`). Returns the issues that fit no field.
 */
export function placeIssues<T extends object>(
  form: Form<T>,
  issues: FieldIssue[],
  prefix?: string,
): FieldIssue[] {
  const fields = new Set(Object.keys(form.values));
  const placed: Record<string, FieldMessage> = {};
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
    if (fields.has(name)) {
      if (!placed[name]) placed[name] = { key: issue.key, params: issue.params };
    } else {
      leftovers.push(issue);
    }
  }
  form.setErrors(placed);
  return leftovers;
}
