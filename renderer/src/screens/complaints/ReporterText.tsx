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
    const help = t('complaint.reporter.hiddenHelp');
    return <Unnamed icon={IconEyeOff} text={t('complaint.reporter.hidden')} help={help} />;
  }
  if (c.reporterAnonymous) {
    return <Unnamed icon={IconUserQuestion} text={t('complaint.reporter.anonymous')} />;
  }
  return <Text size="sm">{c.reporterName}</Text>;
}

/** A reporter without a name shown: dimmed, in italics, with an icon that says why. */
function Unnamed({
  icon: Icon,
  text,
  help,
}: {
  icon: typeof IconEyeOff;
  text: string;
  help?: string;
}) {
  return (
    <Tooltip label={help} disabled={!help}>
      <Group gap={4} wrap="nowrap" c="dimmed">
        <Icon size={14} />
        <Text size="sm" fs="italic">
          {text}
        </Text>
      </Group>
    </Tooltip>
  );
}
