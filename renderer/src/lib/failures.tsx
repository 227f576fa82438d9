/** One place that decides how a failed call is shown: at the field, above the form, or as a notification. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { contract, isMethodName } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { isRpcFailure, RpcFailure } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from './format';
import { placeIssues, type Form } from './form';

export interface FailureOptions<T extends object> {
  form?: Form<T>;
  /** Leading path segment of the issues that belong to `form`. */
  prefix?: string;
  /** For a stale edit: reload the record. */
  onReload?: () => void;
}

function asRpcError(e: unknown): RpcError {
  if (isRpcFailure(e)) return e.error;
  return {
    code: 'INTERNAL',
    key: 'error.internal',
    message: { id: 'Terjadi kesalahan pada aplikasi.', en: 'Something went wrong.' },
  };
}

export function useFailureHandler() {
  const t = useT();
  const fmt = useFormat();

  const notify = useCallback(
    (error: RpcError, onReload?: () => void) => {
      const id = `failure-${Date.now()}`;
      const conflict = error.code === 'CONFLICT';
      notifications.show({
        id,
        color: conflict ? 'orange' : 'red',
        title: t(conflict ? 'common.conflictTitle' : 'common.errorTitle'),
        autoClose: conflict ? false : 8000,
        message:
          conflict && onReload ? (
            <Stack gap="xs">
              <Text size="sm">{fmt.error(error)}</Text>
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    notifications.hide(id);
                    onReload();
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Group>
            </Stack>
          ) : (
            fmt.error(error) +
            (error.issues?.length
              ? ' ' + error.issues.map((i) => fmt.message(i.key, i.params)).join(' ')
              : '')
          ),
      });
    },
    [t, fmt],
  );

  return useCallback(
    <T extends object>(e: unknown, opts: FailureOptions<T> = {}) => {
      if (!isRpcFailure(e)) console.error(e);
      const error = asRpcError(e);
      // An ended session is handled globally (back to the login screen).
      if (
        e instanceof RpcFailure &&
        error.code === 'UNAUTHENTICATED' &&
        (!isMethodName(e.method) || contract[e.method].access !== 'public')
      ) {
        return;
      }
      const { form, prefix, onReload } = opts;
      if (form && error.code === 'VALIDATION') {
        const leftovers = placeIssues(form, error.issues ?? [], prefix);
        form.setFailure({ error, leftovers });
        return;
      }
      if (form && error.code === 'CONFLICT') {
        form.setFailure({ error, leftovers: [] });
        return;
      }
      notify(error, onReload);
    },
    [notify],
  );
}
