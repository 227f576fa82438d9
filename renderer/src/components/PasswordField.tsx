import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/** PasswordInput whose show/hide button is labelled in the user's language. */
export function PasswordField(props: PasswordInputProps & { 'data-autofocus'?: boolean }) {
  const t = useT();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      {...props}
    />
  );
}
