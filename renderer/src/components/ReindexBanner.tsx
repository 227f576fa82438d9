/**
 * A slim banner while the backend rebuilds the name index after a change of the spelling rules
 * (app.status). Asks once; polls only while a rebuild runs, and disappears when it is done.
 */
import { Box, Group, Loader, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/contract/app';
import { call } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';

const POLL_MS = 2000;

export function ReindexBanner() {
  const t = useT();
  const [reindex, setReindex] = useState<AppStatus['reindex']>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      call('app.status', {}).then(
        (s) => {
          if (!live) return;
          setReindex(s.reindex);
          if (s.reindex) timer = setTimeout(poll, POLL_MS);
        },
        // A status that cannot be read is no reason to disturb the user: try again later.
        () => {
          if (live) timer = setTimeout(poll, POLL_MS * 5);
        },
      );
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  if (!reindex) return null;
  const percent = Math.min(99, Math.floor((reindex.done / Math.max(reindex.total, 1)) * 100));
  return (
    <Box
      role="status"
      aria-live="polite"
      data-testid="reindex-banner"
      bg="var(--mantine-color-yellow-light)"
      style={{ borderBottom: '1px solid var(--mantine-color-yellow-outline)' }}
    >
      <Group gap="sm" wrap="nowrap" px="xl" py={6}>
        <Loader size={14} color="yellow.8" />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {t('reindex.banner', { percent })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('reindex.detail')}
        </Text>
      </Group>
      <Progress value={percent} size={3} radius={0} color="yellow.7" />
    </Box>
  );
}
