/**
 * One packet opened here: what it would do (new, updated, unchanged, older, deleted, merged,
 * conflicting), and for each incoming person the likely matches in this office's registry. The
 * admin accepts as new, links to an existing person, or rejects with a reason (one by one or in
 * bulk), then applies everything in one go and sends the acknowledgement back.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconLink, IconMailForward, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { StagedPerson } from '../../../../shared/contract/packets';
import type { MessageKey } from '../../../../shared/i18n';
import { saveFile } from '../../api/files';
import { call, callChecked } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useAction } from '../../lib/useAction';

const ACTION_COLOR: Record<string, string> = {
  new: 'blue',
  conflict: 'orange',
  updated: 'teal',
  unchanged: 'gray',
  older: 'gray',
  deleted: 'red',
  merged: 'grape',
};
const DECISION_COLOR: Record<string, string> = {
  pending: 'yellow',
  accept: 'teal',
  link: 'cyan',
  reject: 'red',
};

function RejectDialog({
  packetId,
  rows,
  onDone,
  onCancel,
}: {
  packetId: string;
  /** One record's number, or null for every undecided one. */
  rows: number | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const form = useForm(
    { reason: '' },
    {
      submit: async (v) => {
        if (rows === null)
          await callChecked('packets.decideAll', {
            packetId,
            choice: { decision: 'reject', reason: v.reason },
          });
        else
          await callChecked('packets.decide', {
            packetId,
            decisions: [{ n: rows, decision: 'reject', reason: v.reason }],
          });
      },
      success: false,
      onSaved: onDone,
      // The reason sits inside the bulk call's choice; a single rejection is the reason alone.
      ...(rows === null ? { prefix: 'choice' } : {}),
    },
  );
  return (
    <FormModal
      form={form}
      title={t(rows === null ? 'packets.inbox.rejectAll' : 'packets.inbox.reject')}
      onClose={onCancel}
      submitProps={{ color: 'red' }}
      submitLabel={t('packets.inbox.reject')}
    >
      <Textarea
        label={t('packets.inbox.reason')}
        required
        data-autofocus
        {...form.text('reason')}
      />
    </FormModal>
  );
}

function PersonRow({
  row,
  open,
  decide,
  busy,
  reject,
}: {
  row: StagedPerson;
  open: boolean;
  decide: (d: { decision: 'accept' } | { decision: 'link'; linkId: string }) => void;
  busy: boolean;
  reject: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const decidable = open && (row.action === 'new' || row.action === 'conflict');
  return (
    <Table.Tr data-testid="staged-person">
      <Table.Td>
        <Text fw={500}>{row.fullName}</Text>
        <Text size="xs" c="dimmed">
          {[
            row.nik ? `NIK ${row.nik}` : null,
            row.birthDate ? fmt.date(`${row.birthDate}T12:00:00+08:00`) : row.birthYear,
            row.originName,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('packets.inbox.stays', { count: row.stays })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={ACTION_COLOR[row.action]} variant="light">
          {t(`packets.count.${row.action}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {row.matches.length === 0 ? (
          <Text size="sm" c="dimmed">
            {row.action === 'new' ? t('packets.inbox.noMatch') : ''}
          </Text>
        ) : (
          <Stack gap={4}>
            {row.matches.map((m) => (
              <Group key={m.person.id} gap="xs" wrap="wrap">
                <Badge
                  size="sm"
                  variant="outline"
                  color={m.level === 'same_nik' ? 'orange' : 'gray'}
                >
                  {t(`packets.match.${m.level}`)}
                </Badge>
                <Text size="sm" component="a" href={href(`/persons/${m.person.id}`)}>
                  {m.person.fullName}
                  {m.person.birthYear ? ` (${m.person.birthYear})` : ''}
                </Text>
                {decidable && (
                  <Button
                    size="compact-xs"
                    variant={row.linkId === m.person.id ? 'filled' : 'light'}
                    leftSection={<IconLink size={12} />}
                    disabled={busy}
                    onClick={() => decide({ decision: 'link', linkId: m.person.id })}
                    data-testid="staged-link"
                  >
                    {t('packets.inbox.link')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={DECISION_COLOR[row.decision]} variant="light" data-testid="staged-decision">
          {t(`packets.decision.${row.decision}`)}
        </Badge>
        {row.reason && (
          <Text size="xs" c="dimmed">
            {row.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {decidable && (
          <Group gap={4} wrap="nowrap">
            {row.action === 'new' && (
              <Button
                size="compact-sm"
                variant="light"
                color="teal"
                leftSection={<IconCheck size={14} />}
                disabled={busy}
                onClick={() => decide({ decision: 'accept' })}
                data-testid="staged-accept"
              >
                {t('packets.inbox.accept')}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              leftSection={<IconX size={14} />}
              disabled={busy}
              onClick={reject}
            >
              {t('packets.inbox.reject')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function InboxPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const [page, setPage] = useState(1);
  const staged = useQuery(`packets.staged:${id}:${page}`, () =>
    call('packets.staged', { packetId: id, page, pageSize: 25 }),
  );
  const { busy, run } = useAction();
  const [rejecting, setRejecting] = useState<number | null | undefined>(undefined);
  const act = (name: string, fn: () => Promise<unknown>) =>
    void run(name, async () => {
      await fn();
      staged.reload();
    });
  return (
    <Loaded query={staged}>
      {(s) => {
        const e = s.entry;
        const open = e.status === 'staged';
        return (
          <>
            <PageHeader
              title={t('packets.inbox.title', { name: e.partnerName, sequence: e.sequence })}
              subtitle={t('packets.inbox.subtitle', {
                at: fmt.dateTime(e.sentAt),
                by: e.sentBy,
                purpose: e.purpose,
                basis: t(`packets.basis.${e.legalBasis}` as MessageKey),
              })}
              actions={
                open ? (
                  <Group>
                    <Button
                      variant="default"
                      loading={busy === 'all'}
                      onClick={() =>
                        act('all', async () => {
                          const r = await call('packets.decideAll', {
                            packetId: id,
                            choice: { decision: 'accept' },
                          });
                          notify({
                            color: 'teal',
                            message: t('packets.inbox.acceptedAll', { count: r.changed }),
                          });
                        })
                      }
                      data-testid="staged-accept-all"
                    >
                      {t('packets.inbox.acceptAll')}
                    </Button>
                    <Button variant="default" color="red" onClick={() => setRejecting(null)}>
                      {t('packets.inbox.rejectAll')}
                    </Button>
                    <Button
                      loading={busy === 'apply'}
                      disabled={e.pending > 0}
                      onClick={() =>
                        act('apply', async () => {
                          await call('packets.apply', { packetId: id });
                          notify({ color: 'teal', message: t('packets.inbox.applied') });
                        })
                      }
                      data-testid="staged-apply"
                    >
                      {t('packets.inbox.apply')}
                    </Button>
                  </Group>
                ) : (
                  <Button
                    leftSection={<IconMailForward size={16} />}
                    loading={busy === 'ack'}
                    onClick={() =>
                      act('ack', async () => {
                        const { fileId } = await call('packets.acknowledge', { packetId: id });
                        if (await saveFile(fileId))
                          notify({ color: 'teal', message: t('packets.inbox.ackSaved') });
                      })
                    }
                    data-testid="staged-ack"
                  >
                    {t('packets.inbox.ack')}
                  </Button>
                )
              }
            />
            <Stack gap="md">
              {e.missing.length > 0 && (
                <Alert color="orange" data-testid="packets-missing">
                  {t('packets.missing', { numbers: e.missing.join(', '), name: e.partnerName })}
                </Alert>
              )}
              <Paper withBorder radius="md" p="md">
                <Group gap="lg" data-testid="staged-counts">
                  <Text size="sm" c="dimmed">
                    {t('packets.inbox.records')}
                  </Text>
                  {Object.entries(e.counts)
                    .filter(([, n]) => n > 0)
                    .map(([k, n]) => (
                      <Text key={k} size="sm">
                        <Badge color={ACTION_COLOR[k]} variant="light" mr={6}>
                          {n}
                        </Badge>
                        {t(`packets.count.${k}` as MessageKey)}
                      </Text>
                    ))}
                  <Text size="sm" fw={600}>
                    {open
                      ? t('packets.inbox.pending', { count: e.pending })
                      : t('packets.status.applied')}
                  </Text>
                </Group>
              </Paper>
              <Paper withBorder radius="md">
                <Table verticalSpacing="sm" data-testid="staged-table">
                  <Table.Thead bg="var(--pelita-table-head)">
                    <Table.Tr>
                      <Table.Th miw={220}>{t('packets.inbox.person')}</Table.Th>
                      <Table.Th>{t('packets.inbox.action')}</Table.Th>
                      <Table.Th miw={260}>{t('packets.inbox.matches')}</Table.Th>
                      <Table.Th>{t('packets.inbox.decision')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.rows.map((row) => (
                      <PersonRow
                        key={row.n}
                        row={row}
                        open={open}
                        busy={busy !== null}
                        decide={(d) =>
                          act(`row${row.n}`, () =>
                            call('packets.decide', {
                              packetId: id,
                              decisions: [{ n: row.n, ...d }],
                            }),
                          )
                        }
                        reject={() => setRejecting(row.n)}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              {s.total > s.pageSize && (
                <Pagination
                  total={Math.ceil(s.total / s.pageSize)}
                  value={page}
                  onChange={setPage}
                />
              )}
            </Stack>
            {rejecting !== undefined && (
              <RejectDialog
                packetId={id}
                rows={rejecting}
                onCancel={() => setRejecting(undefined)}
                onDone={() => {
                  setRejecting(undefined);
                  staged.reload();
                }}
              />
            )}
          </>
        );
      }}
    </Loaded>
  );
}
