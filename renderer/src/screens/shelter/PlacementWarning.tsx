/**
 * The warning when the chosen bed's room does not fit the person (shared/placement.ts), with the
 * reason staff must give to place them there anyway. Check-in and the bed move both use it.
 */
import { Alert, List, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PersonSummary } from '../../../../shared/contract/persons';
import type { Shelter } from '../../../../shared/contract/shelter';
import type { FieldIssue } from '../../../../shared/errors';
import { todayInZone } from '../../../../shared/format';
import { type Mismatch, placementMismatches } from '../../../../shared/placement';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

/** What does not fit when `person` takes bed `bedId` of `shelter`; empty when nothing is chosen. */
export function useMismatches(
  person: PersonSummary | null,
  shelter: Shelter | null,
  bedId: string | null,
): Mismatch[] {
  const fmt = useFormat();
  const room = shelter?.rooms.find((r) => r.beds.some((b) => b.id === bedId));
  if (!person || !room) return [];
  return placementMismatches(person, room, todayInZone(fmt.timeZone));
}

/** The form's own check: a placement that does not fit needs a reason. */
export function overrideIssues(mismatches: Mismatch[], reason: string): FieldIssue[] {
  return mismatches.length > 0 && !reason.trim()
    ? [{ path: ['overrideReason'], key: 'stay.override_reason_required' }]
    : [];
}

export function PlacementWarning({
  mismatches,
  reason,
}: {
  mismatches: Mismatch[];
  /** Props of the reason field (form.text('overrideReason')). */
  reason: {
    value: string;
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => void;
    error?: string;
  };
}) {
  const t = useT();
  if (mismatches.length === 0) return null;
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={20} />}
      title={t('stay.mismatch_title')}
      mt="md"
      data-testid="placement-warning"
    >
      <List size="sm" mb="xs">
        {mismatches.map((m) => (
          <List.Item key={m.key}>{t(m.key, m.params)}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed" mb="sm">
        {t('stay.mismatch_hint')}
      </Text>
      <Textarea
        label={t('stay.overrideReason')}
        required
        maxLength={500}
        data-testid="override-reason"
        {...reason}
      />
    </Alert>
  );
}
