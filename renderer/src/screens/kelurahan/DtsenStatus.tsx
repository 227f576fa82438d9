/**
 * The person page's DTSEN line: "Terdaftar DTSEN, desil N, per <date>" or "Tidak ditemukan dalam
 * daftar per <date>", with the programmes and the earlier lists' statuses.
 */
import { Badge, Group, Paper, Text } from '@mantine/core';
import type { PersonLinks } from '../../../../shared/contract/persons';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

export function DtsenStatus({ dtsen }: { dtsen: NonNullable<PersonLinks['dtsen']> }) {
  const t = useT();
  const fmt = useFormat();
  const s = dtsen.latest;
  if (!s) return null;
  const date = fmt.calendarDate(s.listDate);
  return (
    <Paper withBorder radius="md" p="md" data-testid="person-dtsen">
      <Group gap="sm" wrap="wrap">
        <Badge color={s.registered ? 'teal' : 'orange'} variant="light" size="lg">
          DTSEN
        </Badge>
        <Text fw={600} data-testid="person-dtsen-line">
          {s.registered
            ? s.desil !== null
              ? t('dtsen.person.registered', { desil: s.desil, date })
              : t('dtsen.person.registeredNoDesil', { date })
            : t('dtsen.person.notFound', { date })}
        </Text>
        {s.programs.map((p) => (
          <Badge key={p} variant="outline" size="sm">
            {t(`dtsen.column.${p}`)}
          </Badge>
        ))}
      </Group>
      {dtsen.history.length > 1 && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('dtsen.person.history')}:{' '}
          {dtsen.history
            .slice(1)
            .map(
              (h) =>
                `${fmt.calendarDate(h.listDate)} ${h.registered ? (h.desil !== null ? t('dtsen.desil', { desil: h.desil }) : '✓') : '—'}`,
            )
            .join(' · ')}
        </Text>
      )}
    </Paper>
  );
}
