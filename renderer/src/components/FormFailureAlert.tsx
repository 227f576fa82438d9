import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { FormFailure } from '../lib/form';
import { useFormat } from '../lib/format';
import { useT } from '../i18n/I18nProvider';

/** Shown above a form: a stale edit (with "Muat ulang") or validation issues that fit no field. */
export function FormFailureAlert({
  failure,
  onReload,
  summary,
}: {
  failure: FormFailure | null;
  onReload?: () => void;
  /** Also announce validation errors that are shown at their fields (long forms). */
  summary?: boolean;
}) {
  const t = useT();
  const fmt = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  // The alert sits above the form; bring it into view when the user is down at the buttons.
  useEffect(() => {
    if (failure) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [failure]);
  if (!failure) return null;
  const { error, leftovers } = failure;
  if (error.code === 'VALIDATION' && leftovers.length === 0 && !summary) return null;
  const conflict = error.code === 'CONFLICT';
  return (
    <Alert
      ref={ref}
      color={conflict ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t(conflict ? 'common.conflictTitle' : 'common.errorTitle')}
      role="alert"
    >
      <Text size="sm">{fmt.error(error)}</Text>
      {leftovers.length > 0 && (
        <List size="sm" mt="xs">
          {leftovers.map((issue, i) => (
            <List.Item key={i}>{fmt.message(issue.key, issue.params)}</List.Item>
          ))}
        </List>
      )}
      {conflict && onReload && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="orange"
            leftSection={<IconRefresh size={16} />}
            onClick={onReload}
          >
            {t('common.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
