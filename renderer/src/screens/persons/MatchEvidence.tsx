/**
 * Why the matcher takes two records for one person: its level ("likely" / "possibly") and each
 * fact for or against, in the user's language. Shared by the duplicate warning and the admin
 * review queue.
 */
import { Badge, Group } from '@mantine/core';
import type { MatchEvidence as Evidence } from '../../../../shared/contract/persons';
import type { MatchEvidenceCode } from '../../../../shared/reference/persons';
import { useT } from '../../i18n/I18nProvider';

/** Facts that speak against, or say nothing: shown grey. */
const AGAINST: readonly MatchEvidenceCode[] = ['nik_differs', 'sex_differs', 'birth_unknown'];

export function MatchLevelBadge({ level }: { level: 'likely' | 'possibly' }) {
  const t = useT();
  return (
    <Badge
      color={level === 'likely' ? 'red' : 'orange'}
      variant="filled"
      tt="none"
      data-testid="match-level"
      data-level={level}
    >
      {t(`person.match.level.${level}`)}
    </Badge>
  );
}

export function MatchEvidenceList({ evidence, color }: { evidence: Evidence[]; color: string }) {
  const t = useT();
  return (
    <Group gap={4} data-testid="match-evidence">
      {evidence.map((e) => (
        <Badge
          key={e.code}
          size="sm"
          variant="outline"
          color={AGAINST.includes(e.code) ? 'gray' : color}
          tt="none"
          style={{ height: 'auto', minHeight: 20, whiteSpace: 'normal' }}
          data-code={e.code}
        >
          {t(`person.match.${e.code}`, e.params)}
        </Badge>
      ))}
    </Group>
  );
}
