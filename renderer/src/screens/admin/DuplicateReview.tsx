/**
 * `#/admin/duplicates` (persons.reviewQueue): pairs of registered records the background check
 * takes for one person, likely first, with the evidence. An admin merges a pair (the merge
 * screen, with both records chosen) or marks it "not the same", which is remembered.
 */
import { Button, Group, Paper, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { Input, Output } from '../../../../shared/contract';
import { PersonSummary } from '../../../../shared/contract/persons';
import { call, callChecked } from '../../api/rpc';
import { DataList, type Column } from '../../components/DataList';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/PageStates';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useListState } from '../../lib/list';
import { href, navigate, withQuery } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { MatchEvidenceList, MatchLevelBadge } from '../persons/MatchEvidence';
import { AgeText, NikText, OriginText } from '../persons/PersonFacts';

type Pair = Output<'persons.reviewQueue'>['pairs'][number];
const FILTERS = { level: '' };
const LEVELS = ['likely', 'possibly'] as const;

function PersonCell({ p }: { p: PersonSummary }) {
  return (
    <Stack gap={2} miw={180}>
      <Text size="sm" fw={700} component="a" href={href(`/persons/${p.id}`)}>
        {p.fullName}
      </Text>
      <Group gap={6} wrap="wrap">
        <NikText nik={p.nik} size="xs" />
        <AgeText person={p} />
      </Group>
      <OriginText origin={p.origin} />
    </Stack>
  );
}

/** "Not the same": asked once, then remembered. */
function DistinctDialog({
  pair,
  onClose,
  onDone,
}: {
  pair: Pair;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const form = useForm(
    {},
    {
      submit: () => callChecked('persons.reviewDistinct', { aId: pair.a.id, bId: pair.b.id }),
      success: () => t('review.distinct.done'),
      onSaved: onDone,
    },
  );
  return (
    <FormModal
      form={form}
      title={t('review.distinct.title')}
      onClose={onClose}
      submitLabel={t('review.distinct.go')}
      submitProps={{ color: 'teal', 'data-testid': 'distinct-confirm' }}
    >
      <Text size="sm">{t('review.distinct.body', { a: pair.a.fullName, b: pair.b.fullName })}</Text>
    </FormModal>
  );
}

export function DuplicateReviewPage() {
  const t = useT();
  const { locale } = useI18n();
  const n = (v: number) => v.toLocaleString(locale === 'en' ? 'en-US' : 'id-ID');
  const list = useListState(FILTERS, 'strength');
  const [refresh, setRefresh] = useState(0);
  const [distinct, setDistinct] = useState<Pair | null>(null);
  const level = LEVELS.find((l) => l === list.filters.level);
  const input: Input<'persons.reviewQueue'> = {
    ...(level ? { level } : {}),
    offset: (list.page - 1) * list.pageSize,
    limit: list.pageSize,
  };
  const queue = useQuery(`review:${JSON.stringify(input)}#${refresh}`, () =>
    call('persons.reviewQueue', input),
  );
  if (queue.error && !queue.data) return <LoadError error={queue.error} onRetry={queue.reload} />;
  const scan = queue.data?.scan;

  const columns: Column<Pair>[] = [
    { key: 'a', header: t('review.first'), render: (p) => <PersonCell p={p.a} /> },
    { key: 'b', header: t('review.second'), render: (p) => <PersonCell p={p.b} /> },
    {
      key: 'evidence',
      header: t('review.evidence'),
      miw: 280,
      render: (p) => (
        <Stack gap={6} align="flex-start">
          <MatchLevelBadge level={p.level} />
          <MatchEvidenceList
            evidence={p.evidence}
            color={p.level === 'likely' ? 'red' : 'orange'}
          />
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('review.actions'),
      hideHeader: true,
      w: 190,
      render: (p) => (
        <Stack gap={6} align="stretch">
          <Button
            size="xs"
            color="grape"
            leftSection={<IconGitMerge size={14} />}
            onClick={() => navigate(withQuery('/admin/merge', { a: p.a.id, b: p.b.id }))}
            data-testid="review-merge"
          >
            {t('review.merge')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUserX size={14} />}
            onClick={() => setDistinct(p)}
            data-testid="review-distinct"
          >
            {t('review.distinct')}
          </Button>
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('review.title')} subtitle={t('review.subtitle')} />
      <Paper withBorder radius="md" p="sm" mb="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            aria-label={t('review.level')}
            value={list.filters.level}
            onChange={(v) => list.setFilters({ level: v })}
            data={[
              { value: '', label: t('review.level.all') },
              { value: 'likely', label: t('person.match.level.likely') },
              { value: 'possibly', label: t('person.match.level.possibly') },
            ]}
            data-testid="review-level"
          />
          {scan && (
            <Stack gap={4} miw={260} data-testid="review-scan">
              <Text size="sm" c="dimmed">
                {scan.running
                  ? t('review.scan', { done: n(scan.done), total: n(scan.total) })
                  : t('review.scan.done', { total: n(scan.total) })}
              </Text>
              <Progress value={scan.total ? (100 * scan.done) / scan.total : 100} size="sm" />
            </Stack>
          )}
        </Group>
      </Paper>
      <DataList
        label={t('review.title')}
        columns={columns}
        query={queue}
        rowsOf={(d) => d.pairs}
        list={list}
        rowKey={(p) => `${p.a.id}:${p.b.id}`}
        empty={{ title: t('review.empty'), body: t('review.subtitle') }}
        rowProps={(p) => ({
          'data-testid': 'review-pair',
          'data-names': `${p.a.fullName} | ${p.b.fullName}`,
        })}
        minWidth={900}
        testId="review-list"
      />
      {distinct && (
        <DistinctDialog
          pair={distinct}
          onClose={() => setDistinct(null)}
          onDone={() => {
            setDistinct(null);
            setRefresh((x) => x + 1);
          }}
        />
      )}
    </>
  );
}
