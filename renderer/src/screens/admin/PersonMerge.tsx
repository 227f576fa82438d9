/**
 * `#/admin/merge` (persons.merge): two records of the same person, compared side by side; the
 * admin chooses which survives and gives a reason. Stays and complaints move with it.
 */
import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconGitMerge, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { contract, type Output } from '../../../../shared/contract';
import type { PersonSummary } from '../../../../shared/contract/persons';
import { call, callChecked, validationError } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { checkInput } from '../../../../shared/validation';
import { FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { navigate, useQueryParams } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { ageText, IdentityBadge, NikText } from '../persons/PersonFacts';
import { PersonSearch } from '../persons/PersonSearch';
import { tn } from '../shelter/labels';

type Full = Output<'persons.get'>;

function Slot({
  title,
  chosen,
  other,
  onPick,
}: {
  title: string;
  chosen: PersonSummary | null;
  other: PersonSummary | null;
  onPick: (p: PersonSummary | null) => void;
}) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" h="100%">
      <Title order={2} fz="lg" fw={600} mb="md">
        {title}
      </Title>
      {chosen ? (
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700} fz="lg">
              {chosen.fullName}
            </Text>
            <NikText nik={chosen.nik} />
          </div>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconX size={14} />}
            onClick={() => onPick(null)}
          >
            {t('merge.change')}
          </Button>
        </Group>
      ) : (
        <PersonSearch mode="pick" onOpen={onPick} excludeIds={other ? [other.id] : []} limit={10} />
      )}
    </Paper>
  );
}

function Compare({
  a,
  b,
  keep,
  onKeep,
}: {
  a: Full;
  b: Full;
  keep: 'a' | 'b';
  onKeep: (k: 'a' | 'b') => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const row = (label: string, f: (x: Full) => ReactNode, raw: (x: Full) => string) => {
    const differs = raw(a) !== raw(b);
    return (
      <Table.Tr key={label} bg={differs ? 'var(--mantine-color-yellow-light)' : undefined}>
        <Table.Td>
          <Text size="sm" c="dimmed" fw={600}>
            {label}
          </Text>
        </Table.Td>
        <Table.Td>{f(a)}</Table.Td>
        <Table.Td>{f(b)}</Table.Td>
      </Table.Tr>
    );
  };
  const txt = (v: string | null | undefined) => v ?? '—';
  const rows: [string, (x: Full) => string, ((x: Full) => ReactNode)?][] = [
    [t('person.fullName'), (x) => x.person.fullName],
    [t('person.aliases'), (x) => x.person.aliases.join(', ') || '—'],
    [t('person.nik'), (x) => txt(x.person.nik), (x) => <NikText nik={x.person.nik} />],
    [t('person.kk'), (x) => txt(x.person.kk)],
    [t('person.sex'), (x) => (x.person.sex ? t(`person.sex.${x.person.sex}`) : '—')],
    [t('person.birthDate'), (x) => ageText(x.person, t, fmt).text],
    [t('person.birthPlace'), (x) => txt(x.person.birthPlace)],
    [t('person.motherName'), (x) => txt(x.person.motherName)],
    [t('person.origin'), (x) => txt(x.person.origin?.path)],
    [
      t('person.address'),
      (x) => [x.person.address, x.person.village?.path].filter(Boolean).join(', ') || '—',
    ],
    [
      t('person.identityStatus'),
      (x) => x.person.identityStatus,
      (x) => <IdentityBadge status={x.person.identityStatus} />,
    ],
    [t('person.photo'), (x) => (x.person.hasPhoto ? t('common.yes') : t('common.no'))],
    [
      t('person.stays'),
      (x) => {
        const count = x.links.shelter?.stays.length ?? 0;
        return tn(t, 'merge.staysCount', count, { count });
      },
    ],
    [t('merge.recordedAt'), (x) => fmt.date(x.person.createdAt)],
  ];
  return (
    <Paper withBorder radius="md" data-testid="merge-compare">
      <Radio.Group value={keep} onChange={(v) => onKeep(v as 'a' | 'b')}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead bg="var(--pelita-table-head)">
            <Table.Tr>
              <Table.Th w="22%">{t('merge.field')}</Table.Th>
              {(['a', 'b'] as const).map((k) => (
                <Table.Th key={k} w="39%">
                  <Stack gap={4}>
                    <Radio
                      value={k}
                      label={<Text fw={700}>{t('merge.keepThis')}</Text>}
                      data-testid={`merge-keep-${k}`}
                    />
                    <Text size="xs" c={keep === k ? 'teal' : 'orange'} fw={600}>
                      {t(keep === k ? 'merge.keep' : 'merge.goes')}
                    </Text>
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([label, raw, view]) => row(label, view ?? raw, raw))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
    </Paper>
  );
}

export function PersonMergePage() {
  const t = useT();
  const [first, setFirst] = useState<PersonSummary | null>(null);
  const [second, setSecond] = useState<PersonSummary | null>(null);
  // Opened from the review queue (`?a=…&b=…`): both records already chosen.
  const params = useQueryParams();
  useEffect(() => {
    if (!params.a || !params.b) return;
    void Promise.all([
      call('persons.get', { id: params.a }),
      call('persons.get', { id: params.b }),
    ]).then(
      ([a, b]) => {
        setFirst(a.person);
        setSecond(b.person);
      },
      () => {},
    );
  }, [params.a, params.b]);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [confirming, setConfirming] = useState(false);
  const both = first && second ? `${first.id}:${second.id}` : null;
  const full = useQuery(both ? `merge:${both}` : null, async () => {
    const [a, b] = await Promise.all([
      call('persons.get', { id: first!.id }),
      call('persons.get', { id: second!.id }),
    ]);
    return { a, b };
  });
  const data =
    full.data && both === `${full.data.a.person.id}:${full.data.b.person.id}` ? full.data : null;
  const kept = data ? (keep === 'a' ? data.a : data.b) : null;
  const gone = data ? (keep === 'a' ? data.b : data.a) : null;

  const input = (reason: string) => ({
    keepId: kept?.person.id ?? '',
    keepVersion: kept?.person.version ?? 0,
    mergeId: gone?.person.id ?? '',
    mergeVersion: gone?.person.version ?? 0,
    reason,
  });
  const form = useForm(
    { reason: '' },
    {
      submit: (v) => callChecked('persons.merge', input(v.reason)),
      success: (saved) => t('merge.done', { name: saved.fullName }),
      onSaved: (saved) => navigate(`/persons/${saved.id}`),
      onFailure: () => {
        setConfirming(false);
        return false;
      },
      onReload: full.reload,
    },
  );
  // Checked with the contract schema before the confirmation is asked.
  const askConfirm = () => {
    const issues = checkInput(contract['persons.merge'].input, input(form.values.reason));
    if (issues.length > 0) form.fail(validationError(issues));
    else setConfirming(true);
  };

  return (
    <>
      <PageHeader title={t('merge.title')} subtitle={t('merge.subtitle')} />
      <Grid gap="lg" mb="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Slot title={t('merge.first')} chosen={first} other={second} onPick={setFirst} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Slot title={t('merge.second')} chosen={second} other={first} onPick={setSecond} />
        </Grid.Col>
      </Grid>
      {!both ? (
        <Text c="dimmed">{t('merge.pickTwo')}</Text>
      ) : !data ? (
        <Skeleton h={320} radius="md" />
      ) : (
        <Box maw={1100}>
          <FormFrame form={form} gap="lg">
            <Compare a={data.a} b={data.b} keep={keep} onKeep={setKeep} />
            <Text size="sm" c="dimmed">
              {t('merge.fillNote')}
            </Text>
            <Textarea
              label={t('merge.reason')}
              description={t('merge.reason.help')}
              required
              maxLength={500}
              {...form.text('reason')}
              data-testid="merge-reason"
            />
            <Group justify="flex-end">
              <Button
                color="grape"
                leftSection={<IconGitMerge size={18} />}
                onClick={askConfirm}
                data-testid="merge-submit"
              >
                {t('merge.submit')}
              </Button>
            </Group>
          </FormFrame>
        </Box>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('merge.confirm.title')}
      >
        {kept && gone && (
          <Stack gap="md">
            <Alert color="grape" icon={<IconGitMerge size={18} />}>
              {t('merge.confirm.body', { merge: gone.person.fullName, keep: kept.person.fullName })}
            </Alert>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => setConfirming(false)}
                disabled={form.busy}
                data-autofocus
              >
                {t('common.cancel')}
              </Button>
              <Button
                color="grape"
                loading={form.busy}
                onClick={() => form.onSubmit()}
                data-testid="merge-confirm"
              >
                {t('merge.confirm.go')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
