/**
 * Likely duplicates found before saving: the same NIK refuses, a similar person warns, each with
 * the matcher's level and evidence.
 */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconDeviceFloppy,
  IconExternalLink,
} from '@tabler/icons-react';
import type { z } from 'zod';
import type { duplicateCandidate } from '../../../../shared/contract/persons';
import { useT } from '../../i18n/I18nProvider';
import { MatchEvidenceList, MatchLevelBadge } from './MatchEvidence';
import { IdentityBadge, LastStayText, PersonLines } from './PersonFacts';

export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export function DuplicatesAlert({
  candidates,
  onUse,
  useLabel,
  onSaveAnyway,
  busy,
}: {
  candidates: DuplicateCandidate[];
  onUse: (c: DuplicateCandidate) => void;
  useLabel: string;
  onSaveAnyway: () => void;
  busy: boolean;
}) {
  const t = useT();
  const sameNik = candidates.some((c) => c.reasons.includes('same_nik'));
  const shown = sameNik ? candidates.filter((c) => c.reasons.includes('same_nik')) : candidates;
  return (
    <Alert
      color={sameNik ? 'red' : 'orange'}
      variant="light"
      icon={sameNik ? <IconBan size={20} /> : <IconAlertTriangle size={20} />}
      title={t(sameNik ? 'person.duplicates.sameNikTitle' : 'person.duplicates.title')}
      role="alert"
      data-testid="duplicates-alert"
      data-kind={sameNik ? 'same-nik' : 'similar'}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(sameNik ? 'person.duplicates.sameNik' : 'person.duplicates.similar')}
        </Text>
        {shown.map((c) => (
          <Paper key={c.id} withBorder radius="md" p="sm" data-testid="duplicate-candidate">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <PersonLines person={c}>
                <LastStayText lastStay={c.lastStay} />
                <Stack gap={4} mt={4}>
                  <MatchEvidenceList evidence={c.evidence} color={sameNik ? 'red' : 'orange'} />
                </Stack>
              </PersonLines>
              <Stack gap={6} align="flex-end">
                <MatchLevelBadge level={c.level} />
                <IdentityBadge status={c.identityStatus} />
                <Button
                  size="xs"
                  variant="filled"
                  leftSection={<IconExternalLink size={14} />}
                  onClick={() => onUse(c)}
                >
                  {useLabel}
                </Button>
              </Stack>
            </Group>
          </Paper>
        ))}
        {!sameNik && (
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={onSaveAnyway}
              loading={busy}
              data-testid="save-anyway"
            >
              {t('person.duplicates.saveAnyway')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
