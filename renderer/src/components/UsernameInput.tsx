/**
 * A username field: required, typed as it is (no capital first letter, no spelling marks on a
 * phone or tablet keyboard); the browser offers saved names unless `autoComplete` says otherwise.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

export function UsernameInput(props: TextInputProps) {
  const t = useT();
  return (
    <TextInput
      label={t('auth.username')}
      required
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
