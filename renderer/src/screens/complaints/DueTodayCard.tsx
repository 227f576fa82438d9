/** Home: the signed-in officer's complaints due today or already late. */
import { IconMessageReport } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { DueCard } from '../../components/DueCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { NextDeadline } from './Deadlines';

const SHOWN = 6;

export function DueTodayCard() {
  const t = useT();
  const due = useQuery('home-complaints-due', () =>
    call('complaints.list', {
      assignee: 'me',
      due: 'today_or_overdue',
      sort: 'deadline',
      pageSize: SHOWN,
    }).then((d) => ({
      total: d.total,
      rows: d.rows.map((r) => ({
        id: r.id,
        href: href(`/complaints/${r.id}`),
        number: r.number,
        line: r.subject,
        overdue: !!r.next?.overdue,
        due: <NextDeadline next={r.next} />,
      })),
    })),
  );
  return (
    <DueCard
      title={t('complaint.home.title')}
      icon={<IconMessageReport size={20} />}
      testId="home-complaints-due"
      rowTestId="home-due-row"
      query={due}
      none={t('complaint.home.none')}
      more={(count) => ({
        href: href('/complaints', { assignee: 'me', due: 'today_or_overdue' }),
        label: t('complaint.home.more', { count }),
      })}
      lateHint={t('complaint.home.lateHint')}
    />
  );
}
