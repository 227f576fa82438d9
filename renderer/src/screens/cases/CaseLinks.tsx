/**
 * On a complaint's or a shelter stay's page: the cases opened from it (the link back), and
 * "Buka kasus", which opens the case form with the person and facts prefilled.
 */
import { Button } from '@mantine/core';
import { IconFolder, IconFolderPlus } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';

export function CaseLinks({ complaintId, stayId }: { complaintId?: string; stayId?: string }) {
  const t = useT();
  const can = useCan();
  const canRead = can('cases.forRecord');
  const linked = useQuery(`case-links:${complaintId ?? ''}:${stayId ?? ''}`, () =>
    canRead ? call('cases.forRecord', { complaintId, stayId }) : Promise.resolve({ cases: [] }),
  );
  const cases = linked.data?.cases ?? [];
  return (
    <>
      {cases.map((k) => (
        <Button
          key={k.id}
          component="a"
          href={href(`/cases/${k.id}`)}
          variant="default"
          leftSection={<IconFolder size={16} />}
          data-testid="linked-case"
        >
          {t('case.ui.caseLink', { number: k.number })}
        </Button>
      ))}
      {can('cases.create') && cases.every((k) => k.state === 'closed') && (
        <LinkButton
          to="/cases/new"
          query={complaintId ? { complaint: complaintId } : { stay: stayId }}
          variant="default"
          icon={IconFolderPlus}
          data-testid="open-case"
        >
          {t('nav.cases.new')}
        </LinkButton>
      )}
    </>
  );
}
