/** One place that decides how a failed call is shown: on a form (see form.ts) or as a notification. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { contract, isMethodName } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { isRpcFailure, RpcFailure } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from './format';
import { hideNotification, notify } from './notify';

export interface FailureOptions {
  /** A form shows the failure itself (banner and fields) instead of a notification. */
  onFail?: (error: RpcError) => void;
  /** For a stale edit: reload the record. */
  onReload?: () => void;
}

/** Errors stay a little longer than confirmations: they are read, not glanced at. */
const ERROR_MS = 6000;

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

  const show = useCallback(
    (error: RpcError, onReload?: () => void) => {
      const id = `failure-${Date.now()}`;
      const conflict = error.code === 'CONFLICT';
      notify({
        id,
        color: conflict ? 'orange' : 'red',
        // The message says what went wrong; only a conflict or a real fault gets a heading.
        title: conflict
          ? t('common.conflictTitle')
          : error.code === 'INTERNAL'
            ? t('common.errorTitle')
            : undefined,
        autoClose: conflict && onReload ? false : ERROR_MS,
        message:
          conflict && onReload ? (
            <Stack gap="xs">
              <Text size="sm">{fmt.error(error)}</Text>
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    hideNotification(id);
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
    (e: unknown, opts: FailureOptions = {}) => {
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
      if (opts.onFail) opts.onFail(error);
      else show(error, opts.onReload);
    },
    [show],
  );
}
