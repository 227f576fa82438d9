/**
 * The audit screen's evidence panels: verify's full report (every problem found, what it shows
 * and what it cannot), and the signed checkpoints an admin signs, prints or exports to keep
 * outside this PC (electron/backend/audit/verify.ts, checkpoints.ts).
 */
import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconDownload,
  IconPrinter,
  IconShieldCheck,
  IconShieldX,
  IconSignature,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { Checkpoint } from '../../../../shared/contract/audit';
import type { MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/rpc';
import { saveFile } from '../../api/files';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { printWith } from '../../lib/print';
import { useQuery } from '../../lib/useQuery';
import { useAction } from '../../lib/useAction';
import { recordTypeLabel } from './auditParts';
import './checkpoint.css';

type Report = Output<'audit.verify'>;
type Problem = Report['problems'][number];

function PanelTitle({ icon: Icon, title }: { icon: typeof IconShieldCheck; title: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Icon size={22} color="var(--mantine-color-pelita-6)" />
      <Title order={2} fz="lg" fw={600}>
        {title}
      </Title>
    </Group>
  );
}

function problemText(p: Problem, t: ReturnType<typeof useT>): string {
  const type = p.recordType ? recordTypeLabel(p.recordType, t) : '';
  const record = `${type} ${p.recordLabel ?? p.recordId ?? ''}`.trim();
  return t(`audit.problem.${p.kind}` as MessageKey, {
    seq: p.seq ?? '?',
    toSeq: p.toSeq ?? p.seq ?? '?',
    detail: p.detail ?? '',
    record,
  });
}

/** What the report shows, and what no check on this PC can show. */
function Statements({ report }: { report: Report }) {
  const t = useT();
  const fmt = useFormat();
  const shown: string[] = [t('audit.proves.chain', { checked: report.checked })];
  // The newest signature: the head Pelita signed with its last write, else the last checkpoint.
  const signed = report.signedHead?.valid ? report.signedHead : report.checkpoint;
  if (signed)
    shown.push(
      t('audit.proves.signed', { seq: signed.seq, key: report.keyId, at: fmt.dateTime(signed.at) }),
    );
  if (report.triggers.every((x) => x.present)) shown.push(t('audit.proves.triggers'));
  shown.push(t('audit.proves.rows', { count: report.rowsChecked }));
  return (
    <Stack gap={6} mt="sm" data-testid="audit-statements">
      <List size="sm" spacing={2}>
        {shown.map((s) => (
          <List.Item key={s}>{s}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t('audit.limit.key')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('audit.limit.rows')}
      </Text>
    </Stack>
  );
}

export function VerifyPanel() {
  const t = useT();
  const { busy, run } = useAction();
  const [report, setReport] = useState<Report | null>(null);
  const more = report ? report.problemCount - report.problems.length : 0;

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <PanelTitle icon={IconShieldCheck} title={t('audit.verify.title')} />
        <Button
          variant="light"
          loading={busy === 'verify'}
          onClick={() => void run('verify', async () => setReport(await call('audit.verify', {})))}
          leftSection={<IconShieldCheck size={18} />}
        >
          {t('audit.verify')}
        </Button>
      </Group>
      {!report && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('audit.verify.help')}
        </Text>
      )}
      {report && (
        <>
          <Alert
            mt="md"
            variant="light"
            color={report.intact ? 'teal' : 'red'}
            icon={report.intact ? <IconShieldCheck size={20} /> : <IconShieldX size={20} />}
            data-testid="audit-verify-result"
            role="status"
          >
            <Text size="sm" fw={500}>
              {report.intact
                ? t('audit.intact', { checked: report.checked })
                : t('audit.problems', { count: report.problemCount })}
            </Text>
            {report.problems.length > 0 && (
              <List size="sm" mt="xs" spacing={2} data-testid="audit-problems">
                {report.problems.map((p, i) => (
                  <List.Item key={i}>{problemText(p, t)}</List.Item>
                ))}
                {more > 0 && <List.Item>{t('audit.problem.more', { count: more })}</List.Item>}
              </List>
            )}
          </Alert>
          <Statements report={report} />
        </>
      )}
    </Paper>
  );
}

/** The latest checkpoint on paper: printed only from the button (see checkpoint.css). */
function PrintedCheckpoint({ cp, keyId, publicKey }: { cp: Checkpoint } & KeyInfo) {
  const t = useT();
  const fmt = useFormat();
  const rows: [MessageKey, string][] = [
    ['audit.checkpoint.seq', String(cp.seq)],
    ['audit.checkpoint.hash', cp.hash],
    ['audit.checkpoint.at', fmt.dateTime(cp.at)],
    ['audit.checkpoint.reason', t(`audit.checkpoint.reason.${cp.reason}`)],
    ['audit.checkpoint.key', keyId],
    ['audit.checkpoint.publicKey', publicKey],
    ['audit.checkpoint.signature', cp.signature],
  ];
  return (
    <div className="pelita-checkpoint-print">
      <h1>{t('audit.checkpoint.fileTitle')}</h1>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{t(k)}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('audit.checkpoint.fileHelp')}</p>
    </div>
  );
}

interface KeyInfo {
  keyId: string;
  publicKey: string;
}

export function CheckpointsPanel() {
  const t = useT();
  const fmt = useFormat();
  const { busy, run } = useAction();
  const [refreshNo, setRefreshNo] = useState(0);
  const list = useQuery(`checkpoints#${refreshNo}`, () => call('audit.checkpoints', { limit: 5 }));
  const latest = list.data?.checkpoints[0] ?? null;

  const sign = () =>
    run('sign', async () => {
      const cp = await call('audit.checkpoint', {});
      notify({ message: t('audit.checkpoints.signed', { seq: cp.seq }) });
      setRefreshNo((n) => n + 1);
    });
  const exportLatest = () =>
    run('export', async () => {
      const { fileId } = await call('audit.exportCheckpoint', {});
      await saveFile(fileId);
    });
  const actions = [
    { name: 'sign', label: t('audit.checkpoints.sign'), icon: IconSignature, onClick: sign },
    {
      name: 'export',
      label: t('audit.checkpoints.export'),
      icon: IconDownload,
      onClick: exportLatest,
    },
    {
      name: 'print',
      label: t('audit.checkpoints.print'),
      icon: IconPrinter,
      onClick: async () => printWith('pelita-printing-checkpoint'),
    },
  ];

  return (
    <Paper withBorder radius="md" p="lg" data-testid="audit-checkpoints">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <div style={{ flex: '1 1 320px' }}>
          <PanelTitle icon={IconSignature} title={t('audit.checkpoints.title')} />
          <Text size="sm" c="dimmed" mt={4}>
            {t('audit.checkpoints.help')}
          </Text>
          {list.data && (
            <Text size="xs" c="dimmed" mt={4} ff="monospace">
              {t('audit.checkpoints.key', { key: list.data.keyId })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {actions.map(({ name, label, icon: Icon, onClick }) => (
            <Button
              key={name}
              variant={name === 'sign' ? 'light' : 'default'}
              size="sm"
              // Export and print need a checkpoint; signing makes one.
              disabled={name !== 'sign' && !latest}
              loading={busy === name}
              onClick={() => void onClick()}
              leftSection={<Icon size={16} />}
            >
              {label}
            </Button>
          ))}
        </Group>
      </Group>
      {list.data && list.data.checkpoints.length === 0 && (
        <Text size="sm" c="dimmed" mt="md">
          {t('audit.checkpoints.none')}
        </Text>
      )}
      {list.data && list.data.checkpoints.length > 0 && (
        <Table.ScrollContainer minWidth={480} mt="md">
          <Table verticalSpacing={4} fz="sm" data-testid="audit-checkpoint-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.checkpoint.at')}</Table.Th>
                <Table.Th>{t('audit.seq')}</Table.Th>
                <Table.Th>{t('audit.checkpoint.reason')}</Table.Th>
                <Table.Th>{t('audit.checkpoint.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.checkpoints.map((cp) => (
                <Table.Tr key={cp.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(cp.at)}</Table.Td>
                  <Table.Td>#{cp.seq}</Table.Td>
                  <Table.Td>{t(`audit.checkpoint.reason.${cp.reason}`)}</Table.Td>
                  <Table.Td ff="monospace">{cp.hash.slice(0, 16)}…</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {latest && list.data && (
        <PrintedCheckpoint cp={latest} keyId={list.data.keyId} publicKey={list.data.publicKey} />
      )}
    </Paper>
  );
}
