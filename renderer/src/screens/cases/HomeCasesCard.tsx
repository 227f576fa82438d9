/** Home: the caseworker's assessments and reviews due within a week or already late. */
import { IconFolder } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { DueCard } from '../../components/DueCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { DueText } from './CaseBadges';

const SHOWN = 6;

export function HomeCasesCard() {
  const t = useT();
  const due = useQuery('home-cases-due', () =>
    call('cases.list', { caseworker: 'me', due: 'soon', sort: 'due', pageSize: SHOWN }).then(
      (d) => ({
        total: d.total,
        rows: d.rows.map((r) => ({
          id: r.id,
          href: href(`/cases/${r.id}`),
          number: r.number,
          line: r.person.fullName,
          overdue: !!r.due?.overdue,
          due: <DueText due={r.due} />,
        })),
      }),
    ),
  );
  return (
    <DueCard
      title={t('case.ui.home.title')}
      icon={<IconFolder size={20} />}
      testId="home-cases-due"
      rowTestId="home-case-row"
      query={due}
      none={t('case.ui.home.none')}
      more={(count) => ({
        href: href('/cases', { view: 'mine', due: 'soon', state: 'open' }),
        label: t('case.ui.home.more', { count }),
      })}
    />
  );
}
