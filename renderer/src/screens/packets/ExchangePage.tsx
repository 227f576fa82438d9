/**
 * Exchange with partner offices: open a packet that arrived (it is verified and staged, never
 * applied yet), the inbox of packets opened here, and the outbox register of what went to whom.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconInbox, IconSend, IconUpload } from '@tabler/icons-react';
import type { MessageKey } from '../../../../shared/i18n';
import { uploadFile } from '../../api/files';
import { call } from '../../api/rpc';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useAction } from '../../lib/useAction';

function countsText(counts: Record<string, number>, t: ReturnType<typeof useT>) {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${t(`packets.count.${k}` as MessageKey)}: ${n}`)
    .join(' · ');
}

export function ExchangePage() {
  const t = useT();
  const fmt = useFormat();
  const inbox = useQuery('packets.inbox', () => call('packets.inbox', {}));
  const outbox = useQuery('packets.outbox', () => call('packets.outbox', { pageSize: 50 }));
  const { busy, run } = useAction();
  const open = (file: File | null) =>
    file &&
    run('open', async () => {
      const stored = await uploadFile(file, 'exchangePacket');
      const r = await call('packets.open', { fileId: stored.fileId });
      if (r.kind === 'ack') {
        notify({ color: 'teal', message: t('packets.ackImported', { name: r.entry.partnerName }) });
        outbox.reload();
        inbox.reload();
      } else navigate(`/packets/inbox/${r.packetId}`);
    });
  return (
    <>
      <PageHeader
        title={t('nav.packets')}
        subtitle={t('packets.subtitle')}
        actions={
          <Group>
            <FileButton onChange={open} accept=".pelita">
              {(props) => (
                <Button
                  leftSection={<IconUpload size={16} />}
                  loading={busy === 'open'}
                  data-testid="packet-open"
                  {...props}
                >
                  {t('packets.open')}
                </Button>
              )}
            </FileButton>
            <LinkButton to="/packets/export" icon={IconSend} variant="default">
              {t('packets.export.title')}
            </LinkButton>
          </Group>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('packets.inbox')} icon={<IconInbox size={18} />} testId="inbox">
          <Loaded query={inbox}>
            {(rows) => (
              <Stack gap="sm">
                {[
                  ...new Map(rows.filter((r) => r.missing.length).map((r) => [r.partnerCode, r])),
                ].map(([, r]) => (
                  <Alert color="orange" key={r.partnerCode} data-testid="packets-missing">
                    {t('packets.missing', { numbers: r.missing.join(', '), name: r.partnerName })}
                  </Alert>
                ))}
                <Table verticalSpacing="sm" data-testid="inbox-table">
                  <Table.Thead bg="var(--pelita-table-head)">
                    <Table.Tr>
                      <Table.Th>{t('packets.from')}</Table.Th>
                      <Table.Th>{t('packets.number')}</Table.Th>
                      <Table.Th>{t('packets.received')}</Table.Th>
                      <Table.Th>{t('packets.contents')}</Table.Th>
                      <Table.Th>{t('packets.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={5}>
                          <Text c="dimmed" ta="center" py="md">
                            {t('packets.inboxEmpty')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {rows.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          {r.kind === 'data' ? (
                            <Anchor href={href(`/packets/inbox/${r.id}`)}>{r.partnerName}</Anchor>
                          ) : (
                            r.partnerName
                          )}
                        </Table.Td>
                        <Table.Td>{r.sequence}</Table.Td>
                        <Table.Td>{fmt.dateTime(r.receivedAt)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {r.kind === 'ack' ? t('packets.kind.ack') : countsText(r.counts, t)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={r.status === 'applied' ? 'teal' : 'blue'}>
                            {t(`packets.status.${r.status}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            )}
          </Loaded>
        </SectionCard>
        <SectionCard title={t('packets.outbox')} icon={<IconSend size={18} />} testId="outbox">
          <Loaded query={outbox}>
            {(page) => (
              <Table verticalSpacing="sm" data-testid="outbox-table">
                <Table.Thead bg="var(--pelita-table-head)">
                  <Table.Tr>
                    <Table.Th>{t('packets.to')}</Table.Th>
                    <Table.Th>{t('packets.number')}</Table.Th>
                    <Table.Th>{t('packets.sentAt')}</Table.Th>
                    <Table.Th>{t('packets.contents')}</Table.Th>
                    <Table.Th>{t('packets.ack')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('packets.outboxEmpty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {page.rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.partnerName}</Table.Td>
                      <Table.Td>{r.sequence}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{fmt.dateTime(r.createdAt)}</Text>
                        <Text size="xs" c="dimmed">
                          {r.createdBy}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.kind === 'ack'
                            ? t('packets.kind.ack')
                            : `${countsText(r.counts, t)} — ${t(`packets.basis.${r.legalBasis}` as MessageKey)}`}
                        </Text>
                        {r.kind === 'data' && (
                          <Text size="xs" c="dimmed">
                            {r.purpose}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.ack ? (
                          <Badge color="teal" variant="light" data-testid="outbox-ack">
                            {t('packets.acked', r.ack)}
                          </Badge>
                        ) : r.kind === 'data' ? (
                          <Text size="sm" c="dimmed">
                            {t('packets.notAcked')}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Loaded>
        </SectionCard>
      </Stack>
    </>
  );
}
