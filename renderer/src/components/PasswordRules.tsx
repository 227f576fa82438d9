import { Group, Stack, Text } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleDashed } from '@tabler/icons-react';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../../../shared/i18n';

export const PASSWORD_MIN = 10;

/**
 * A live hint for the password rules the backend enforces (length, letters + digits, not the
 * username). The backend stays the judge; this only helps the user get it right first time.
 */
export function PasswordRules({
  password,
  username,
  confirm,
}: {
  password: string;
  username?: string;
  confirm?: string;
}) {
  const t = useT();
  const rules: { key: MessageKey; ok: boolean; params?: Record<string, number> }[] = [
    {
      key: 'password.rule.length',
      ok: password.length >= PASSWORD_MIN,
      params: { min: PASSWORD_MIN },
    },
    { key: 'password.rule.mix', ok: /[a-z]/i.test(password) && /\d/.test(password) },
  ];
  const u = username?.trim().toLowerCase();
  if (u) {
    rules.push({
      key: 'password.rule.username',
      ok: password.length > 0 && !password.toLowerCase().includes(u),
    });
  }
  if (confirm !== undefined) {
    rules.push({ key: 'password.rule.match', ok: password.length > 0 && password === confirm });
  }
  return (
    <Stack gap={4} aria-live="polite" data-testid="password-rules">
      {rules.map((r) => (
        <Group key={r.key} gap={6} wrap="nowrap">
          {r.ok ? (
            <IconCircleCheckFilled size={16} color="var(--mantine-color-teal-6)" aria-hidden />
          ) : (
            <IconCircleDashed size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          )}
          <Text size="sm" c={r.ok ? undefined : 'dimmed'}>
            {t(r.key, r.params)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
