/**
 * The actions column of a plain table (admin lists): its header is read out but not shown, and
 * each action is an icon with a tooltip whose accessible name says which row it acts on.
 */
import { ActionIcon, Table, Tooltip, type MantineColor } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import { useT } from '../i18n/I18nProvider';

export function ActionsHeader({ w }: { w: number }) {
  const t = useT();
  return (
    <Table.Th w={w}>
      <span className="pelita-sr-only">{t('common.actions')}</span>
    </Table.Th>
  );
}

/** `label` is the action ("Ubah"), `of` names the row ("Hari Raya Idulfitri"). */
export function RowAction({
  label,
  of,
  Icon,
  color,
  onClick,
}: {
  label: string;
  of: string;
  Icon: TablerIcon;
  color?: MantineColor;
  onClick: () => void;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color={color} aria-label={`${label}: ${of}`} onClick={onClick}>
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
