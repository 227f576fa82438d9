import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { Form } from '../lib/form';
import { useFormat } from '../lib/format';
import { useT } from '../i18n/I18nProvider';

/**
 * Above a form after a refused save: how many marked fields to check (and issues that fit no
 * field), a stale edit with "Muat ulang", or what else stopped the save, in plain words.
 */
export function FormFailureAlert<T extends object>({ form }: { form: Form<T> }) {
  const t = useT();
  const fmt = useFormat();
  const failure = form.failure;
  if (!failure) return null;
  const { error, leftovers } = failure;
  const stale = error.code === 'CONFLICT' && error.key === 'error.conflict_stale';
  const validation = error.code === 'VALIDATION';
  // Counted as the user corrects the fields; gone once every marked field has been changed.
  const marked = Object.keys(form.errors).length;
  if (validation && marked === 0 && leftovers.length === 0) return null;
  const title = stale
    ? t('common.conflictTitle')
    : validation
      ? marked === 1
        ? t('form.checkMarked.one')
        : marked > 1
          ? t('form.checkMarked', { count: marked })
          : t('form.checkBelow')
      : t('form.notSaved');
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      icon={<IconAlertTriangle size={20} />}
      role="alert"
      data-form-failure
      py="sm"
    >
      <Text size="sm" fw={700} c={stale ? 'orange.9' : 'red.9'}>
        {title}
      </Text>
      {!validation && <Text size="sm">{fmt.error(error)}</Text>}
      {leftovers.length > 0 && (
        <List size="sm">
          {leftovers.map((issue, i) => (
            <List.Item key={i}>{fmt.message(issue.key, issue.params)}</List.Item>
          ))}
        </List>
      )}
      {stale && form.onReload && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="orange"
            leftSection={<IconRefresh size={16} />}
            onClick={form.onReload}
          >
            {t('common.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
