/**
 * The one form layer: values, per-field errors in the user's language, and the submit cycle every
 * form shares. `submit` sends with `callChecked`, so the contract's zod schema is checked here
 * first and a refused field is shown exactly like the server's VALIDATION answer. While saving the
 * submit is busy; a save is confirmed by one short notification; a refusal marks the fields, puts
 * the focus on the first one and says in the banner how many to check; a stale edit (CONFLICT)
 * offers to reload the record.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { FieldIssue, MessageParams, RpcError } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { placeIssues } from '../../../shared/validation';
import { RpcFailure, validationError } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';
import { useFailureHandler } from './failures';
import { useFormat } from './format';
import { notify } from './notify';

export interface FieldMessage {
  key: MessageKey | string;
  params?: MessageParams;
}

export interface FormFailure {
  error: RpcError;
  /** Validation issues that belong to no field of this form. */
  leftovers: FieldIssue[];
  /** How many fields are marked. */
  marked: number;
}

export interface FormOptions<T extends object, R> {
  /** Sends the values; use `callChecked` so the contract schema is checked before sending. */
  submit: (values: T) => Promise<R>;
  /** Checks only this form knows (a password typed twice), as issues on its fields. */
  check?: (values: T) => FieldIssue[];
  /** Leading path segment of the issues that belong to this form (setup's `office.name`). */
  prefix?: string;
  /** The notification after a save: a message key, text from the result (null: none), or false. */
  success?: MessageKey | ((result: R) => string | null) | false;
  onSaved?: (result: R) => void;
  /** For a stale edit: load the record again. The banner offers it. */
  onReload?: () => void;
  /** Shows a failure its own way (login); return true when it did. */
  onFailure?: (error: RpcError) => boolean;
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
  /** Shows a failure in the banner and at the fields (placing its issues on them). */
  fail: (error: RpcError) => void;
  /** Props for a Mantine text input bound to a string field. */
  text: (name: keyof T & string) => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
    name: string;
  };
  /** Props for a value input (Select, DateField, RegionPicker) bound to a field of its type. */
  field: <K extends keyof T & string>(
    name: K,
  ) => { value: T[K]; onChange: (value: T[K]) => void; error: string | undefined };
  /** Props for a Select that always holds one of its options (a kind, a type, a status). */
  choice: <K extends keyof T & string>(
    name: K,
  ) => {
    value: T[K];
    onChange: (value: string | null) => void;
    allowDeselect: false;
    error: string | undefined;
  };
  clear: () => void;
  /** For `<form onSubmit>`: runs the submit cycle. */
  onSubmit: (e?: FormEvent) => void;
  busy: boolean;
  /** Given the `<form>` element (as its ref), to find the first marked field. */
  attach: (el: HTMLFormElement | null) => void;
  onReload?: () => void;
}

/**
 * Brings the first marked field of `root` into view and puts the caret in it. Fields that are not
 * inputs (a person or bed picker) mark their message with `data-field-error`.
 */
function focusFirstMarked(root: HTMLElement | null): boolean {
  const first = root?.querySelector<HTMLElement>(
    '[aria-invalid="true"], [data-error="true"], .mantine-InputWrapper-error, [data-field-error]',
  );
  if (!first) return false;
  const target = first.matches('input, textarea, select, button')
    ? first
    : (first
        .closest('.mantine-InputWrapper-root, fieldset')
        ?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, button') ?? first);
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  return true;
}

export function useForm<T extends object, R = unknown>(
  initial: T | (() => T),
  options: FormOptions<T, R>,
): Form<T> {
  const [values, setValuesState] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [formEl, attach] = useState<HTMLFormElement | null>(null);
  const fmt = useFormat();
  const t = useT();
  const handle = useFailureHandler();

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

  const prefix = options.prefix;
  const fail = useCallback(
    (error: RpcError) => {
      if (error.code === 'VALIDATION') {
        const fields = Object.keys(values);
        const { placed, leftovers } = placeIssues(fields, error.issues ?? [], prefix);
        setErrors(placed);
        setFailure({ error, leftovers, marked: Object.keys(placed).length });
      } else {
        setFailure({ error, leftovers: [], marked: 0 });
      }
    },
    [values, prefix],
  );

  // After a refusal: the first marked field gets the focus; else the banner comes into view.
  useEffect(() => {
    if (!failure) return;
    if (failure.marked > 0 && focusFirstMarked(formEl)) return;
    formEl
      ?.querySelector('[data-form-failure]')
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [failure, formEl]);

  const opts = options;
  const onSubmit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      // A dialog's form sits in a portal, but React still bubbles its submit to an outer form.
      e?.stopPropagation();
      const current = values;
      setErrors({});
      setFailure(null);
      const own = opts.check?.(current) ?? [];
      if (own.length > 0) {
        fail(validationError(own));
        return;
      }
      setBusy(true);
      void opts.submit(current).then(
        (result) => {
          setBusy(false);
          const success = opts.success ?? 'common.saved';
          const message =
            success === false ? null : typeof success === 'function' ? success(result) : t(success);
          if (message) notify({ message });
          opts.onSaved?.(result);
        },
        (err: unknown) => {
          setBusy(false);
          if (err instanceof RpcFailure && opts.onFailure?.(err.error)) return;
          // Ended sessions go back to sign-in (handled globally); the rest lands on the form.
          handle(err, { onFail: fail });
        },
      );
    },
    [values, opts, fail, handle, t],
  );

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
      fail,
      text: (name) => ({
        name,
        value: String((values as Record<string, unknown>)[name] ?? ''),
        onChange: (e) => set(name, e.currentTarget.value as T[typeof name]),
        error: errorText(name),
      }),
      field: (name) => ({
        value: values[name],
        onChange: (value) => set(name, value),
        error: errorText(name),
      }),
      choice: (name) => ({
        value: values[name],
        // Nothing can be deselected; a null is not written over the choice.
        onChange: (value) => {
          if (value !== null) set(name, value as T[typeof name]);
        },
        allowDeselect: false,
        error: errorText(name),
      }),
      clear,
      onSubmit,
      busy,
      attach,
      onReload: options.onReload,
    };
  }, [
    values,
    errors,
    failure,
    busy,
    fmt,
    set,
    setValues,
    setError,
    clear,
    fail,
    onSubmit,
    options.onReload,
  ]);
}

/** A record's optional text fields as form values: a missing value becomes ''. */
export function textsOf<K extends string>(
  record: { [P in K]: string | null },
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? ''])) as Record<K, string>;
}

/**
 * A dialog's form over a record the page shows: saved without a notification (the page shows
 * the change), the saved record handed to `onDone`, a stale edit offering `onReload`.
 */
export function useDialogForm<T extends object, R>(
  initial: T,
  { onDone, onReload }: { onDone: (saved: R) => void; onReload: () => void },
  options: Pick<FormOptions<T, R>, 'check' | 'submit'>,
): Form<T> {
  return useForm<T, R>(initial, { ...options, success: false, onSaved: onDone, onReload });
}
