/**
 * A form over one versioned record the page has loaded (the office, the complaint settings): it
 * saves against the version last seen, takes the saved record as its new base, and after a
 * stale-edit refusal reads the record afresh into the form.
 */
import { useState } from 'react';
import { useFailureHandler } from './failures';
import { useForm, type Form, type FormOptions } from './form';

export function useRecordForm<T extends object, R extends { version: number }>(
  initial: R,
  valuesOf: (record: R) => T,
  options: Omit<FormOptions<T, R>, 'submit' | 'onReload'> & {
    /** Sends the values with the version they were edited from. */
    submit: (values: T, version: number) => Promise<R>;
    /** Reads the record again (after a stale edit). */
    load: () => Promise<R>;
  },
): { form: Form<T>; base: R } {
  const handle = useFailureHandler();
  const [base, setBase] = useState(initial);
  const take = (record: R) => {
    setBase(record);
    form.setValues(valuesOf(record));
  };
  const form = useForm<T, R>(() => valuesOf(initial), {
    ...options,
    submit: (values) => options.submit(values, base.version),
    onSaved: (saved) => {
      take(saved);
      options.onSaved?.(saved);
    },
    onReload: () => void options.load().then(take, handle),
  });
  return { form, base };
}
