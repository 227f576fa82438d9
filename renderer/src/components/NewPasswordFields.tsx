/**
 * A new password typed twice, with the live rules under it: setup, a new user, a reset and
 * changing one's own. `passwordMismatch` is the form-layer check that the two agree.
 */
import { SimpleGrid, Stack } from '@mantine/core';
import type { FieldIssue } from '../../../shared/errors';
import { useT } from '../i18n/I18nProvider';
import type { Form } from '../lib/form';
import { PasswordField } from './PasswordField';
import { PasswordRules } from './PasswordRules';

type WithConfirm<K extends string> = Record<K, string> & { confirm: string };

export function passwordMismatch(password: string, confirm: string): FieldIssue[] {
  return password !== confirm ? [{ path: ['confirm'], key: 'auth.passwordMismatch' }] : [];
}

export function NewPasswordFields<K extends string, T extends WithConfirm<K>>({
  form,
  name,
  label,
  description,
  username,
  side = false,
  autoFocus = false,
}: {
  form: Form<T>;
  /** The field holding the new password; `confirm` holds it typed again. */
  name: K;
  label: string;
  description?: string;
  username?: string;
  /** The two fields side by side (wide forms) instead of one under the other. */
  side?: boolean;
  autoFocus?: boolean;
}) {
  const t = useT();
  const fields = (
    <>
      <PasswordField
        label={label}
        description={description}
        required
        autoComplete="new-password"
        data-autofocus={autoFocus || undefined}
        {...form.text(name as keyof T & string)}
      />
      <PasswordField
        label={t('auth.confirmPassword')}
        required
        autoComplete="new-password"
        {...form.text('confirm')}
      />
    </>
  );
  return (
    <>
      {side ? <SimpleGrid cols={{ base: 1, sm: 2 }}>{fields}</SimpleGrid> : <Stack>{fields}</Stack>}
      <PasswordRules
        password={form.values[name]}
        username={username}
        confirm={form.values.confirm}
      />
    </>
  );
}
