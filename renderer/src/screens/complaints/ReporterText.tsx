import { Group, Text, Tooltip } from '@mantine/core';
import { IconEyeOff, IconUserQuestion } from '@tabler/icons-react';
import type { ComplaintSummary } from '../../../../shared/contract/complaints';
import { useT } from '../../i18n/I18nProvider';

/** The reporter as a list shows it: the name, "Anonim", or "Dirahasiakan". */
export function ReporterText({
  c,
}: {
  c: Pick<ComplaintSummary, 'reporterName' | 'reporterAnonymous' | 'reporterHidden'>;
}) {
  const t = useT();
  if (c.reporterHidden) {
    return (
      <Tooltip label={t('complaint.reporter.hiddenHelp')}>
        <Group gap={4} wrap="nowrap" c="dimmed">
          <IconEyeOff size={14} />
          <Text size="sm" fs="italic">
            {t('complaint.reporter.hidden')}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  if (c.reporterAnonymous) {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconUserQuestion size={14} />
        <Text size="sm" fs="italic">
          {t('complaint.reporter.anonymous')}
        </Text>
      </Group>
    );
  }
  return <Text size="sm">{c.reporterName}</Text>;
}
