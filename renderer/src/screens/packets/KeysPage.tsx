/**
 * Admin: this office's exchange keys (make, unlock, rotate, card, printed record, recovery file)
 * and the partner offices whose key cards were imported with their fingerprint confirmed.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  FileButton,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import {
  IconDownload,
  IconKey,
  IconLock,
  IconPrinter,
  IconRefresh,
  IconShieldCheck,
  IconUpload,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { KeyCardView, Partner } from '../../../../shared/contract/packets';
import { saveFile, uploadFile } from '../../api/files';
import { call, callChecked } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useQuery } from '../../lib/useQuery';
import { useAction } from '../../lib/useAction';

/** The fingerprint as it is read over the phone: large, in groups of four. */
export function Fingerprint({ groups, testId }: { groups: string; testId?: string }) {
  return (
    <Text ff="monospace" fz="xl" fw={700} lts={1} data-testid={testId}>
      {groups}
    </Text>
  );
}

function PassphraseDialog({
  mode,
  protection,
  onDone,
  onCancel,
}: {
  mode: 'create' | 'rotate' | 'unlock' | 'recovery';
  protection: 'os' | 'passphrase';
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const form = useForm(
    { passphrase: '' },
    {
      submit: async (v) => {
        const pass = protection === 'os' ? null : v.passphrase;
        if (mode === 'unlock') return callChecked('packets.unlock', { passphrase: v.passphrase });
        if (mode === 'recovery') {
          const { fileId } = await callChecked('packets.recoveryFile', {
            recoveryPassphrase: v.passphrase,
          });
          return saveFile(fileId);
        }
        return callChecked('packets.createKeys', { passphrase: pass });
      },
      success: false,
      onSaved: onDone,
    },
  );
  const needsPass = mode === 'recovery' || mode === 'unlock' || protection === 'passphrase';
  return (
    <FormModal
      form={form}
      title={t(`packets.keys.${mode}`)}
      onClose={onCancel}
      submitLabel={t(`packets.keys.${mode}`)}
    >
      <Text size="sm">{t(`packets.keys.${mode}.help`)}</Text>
      {needsPass && (
        <PasswordInput
          label={t(
            mode === 'recovery' ? 'packets.keys.recoveryPassphrase' : 'packets.keys.passphrase',
          )}
          required
          data-autofocus
          autoComplete="new-password"
          {...form.text('passphrase')}
        />
      )}
    </FormModal>
  );
}

function RestoreDialog({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm(
    { recoveryPassphrase: '', passphrase: '' },
    {
      submit: async (v) => {
        if (!file) throw new Error('no file');
        const stored = await uploadFile(file, 'exchangeRecovery');
        return callChecked('packets.restoreKeys', { fileId: stored.fileId, ...v });
      },
      success: 'packets.keys.restored',
      onSaved: onDone,
    },
  );
  return (
    <FormModal form={form} title={t('packets.keys.restore')} onClose={onCancel}>
      <FileButton onChange={setFile} accept=".age">
        {(props) => (
          <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
            {file ? file.name : t('packets.keys.chooseRecovery')}
          </Button>
        )}
      </FileButton>
      <PasswordInput
        label={t('packets.keys.recoveryPassphrase')}
        required
        {...form.text('recoveryPassphrase')}
      />
      <PasswordInput
        label={t('packets.keys.passphrase')}
        required
        autoComplete="new-password"
        {...form.text('passphrase')}
      />
    </FormModal>
  );
}

/** A partner's card read from its file: shown with the fingerprint to confirm before import. */
function CardDialog({
  fileId,
  card,
  replaces,
  onDone,
  onCancel,
}: {
  fileId: string;
  card: KeyCardView;
  replaces: { id: string; version: number; fingerprint: string } | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const [confirmed, setConfirmed] = useState(false);
  const form = useForm(
    {},
    {
      submit: () =>
        replaces
          ? callChecked('packets.replacePartner', {
              id: replaces.id,
              version: replaces.version,
              fileId,
              fingerprint: card.fingerprint,
            })
          : callChecked('packets.addPartner', { fileId, fingerprint: card.fingerprint }),
      success: replaces ? 'packets.partners.replaced' : 'packets.partners.added',
      onSaved: onDone,
    },
  );
  return (
    <FormModal
      form={form}
      title={t(replaces ? 'packets.partners.replace' : 'packets.partners.import')}
      onClose={onCancel}
      size="lg"
      submitLabel={t(replaces ? 'packets.partners.replace' : 'packets.partners.import')}
      submitProps={{ disabled: !confirmed, leftSection: <IconShieldCheck size={16} /> }}
    >
      <Text fw={600}>
        {card.officeName} ({card.officeCode})
      </Text>
      <Text size="sm" c="dimmed">
        {t('packets.card.valid', {
          from: fmt.date(card.createdAt),
          until: fmt.date(card.validUntil),
        })}
      </Text>
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
        <Text size="sm" mb={4}>
          {t('packets.card.fingerprint')}
        </Text>
        <Fingerprint groups={card.fingerprintGroups} testId="card-fingerprint" />
      </Paper>
      {replaces && (
        <Alert color={card.rotationVerified ? 'teal' : 'orange'}>
          {t(card.rotationVerified ? 'packets.card.rotationOk' : 'packets.card.rotationNone')}
        </Alert>
      )}
      <Checkbox
        label={t('packets.card.confirm')}
        checked={confirmed}
        onChange={(e) => setConfirmed(e.currentTarget.checked)}
        data-testid="card-confirm"
      />
    </FormModal>
  );
}

function PartnersCard({ reloadKeys }: { reloadKeys: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const list = useQuery('packets.partners', () => call('packets.partners', {}));
  const { busy, run } = useAction();
  const [reading, setReading] = useState<{
    fileId: string;
    card: KeyCardView;
    replaces: { id: string; version: number; fingerprint: string } | null;
  } | null>(null);
  const readCard = (file: File | null) =>
    file &&
    run('read', async () => {
      const stored = await uploadFile(file, 'exchangeKeyCard');
      const read = await call('packets.readCard', { fileId: stored.fileId });
      setReading({ fileId: stored.fileId, ...read });
    });
  const block = (p: Partner) =>
    run(p.id, async () => {
      await call('packets.blockPartner', {
        id: p.id,
        version: p.version,
        blocked: p.status === 'active',
      });
      list.reload();
    });
  return (
    <SectionCard
      title={t('packets.partners.title')}
      icon={<IconUsersGroup size={18} />}
      testId="partners"
      action={
        <FileButton onChange={readCard} accept=".pelitakey">
          {(props) => (
            <Button
              leftSection={<IconUpload size={16} />}
              loading={busy === 'read'}
              data-testid="partner-import"
              {...props}
            >
              {t('packets.partners.import')}
            </Button>
          )}
        </FileButton>
      }
    >
      <Loaded query={list}>
        {(partners) => (
          <Table verticalSpacing="sm" data-testid="partners-table">
            <Table.Thead bg="var(--pelita-table-head)">
              <Table.Tr>
                <Table.Th>{t('packets.partners.office')}</Table.Th>
                <Table.Th>{t('packets.card.fingerprint')}</Table.Th>
                <Table.Th>{t('packets.partners.exchanged')}</Table.Th>
                <Table.Th>{t('packets.partners.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('packets.partners.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {partners.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text fw={500}>{p.card.officeName}</Text>
                    <Text size="xs" c="dimmed">
                      {p.card.officeCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {p.card.fingerprintGroups}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('packets.partners.sent')}:{' '}
                      {p.lastSentAt ? fmt.dateTime(p.lastSentAt) : '—'}
                    </Text>
                    <Text size="sm">
                      {t('packets.partners.received')}:{' '}
                      {p.lastReceivedAt ? fmt.dateTime(p.lastReceivedAt) : '—'}
                    </Text>
                    {p.missing.length > 0 && (
                      <Text size="sm" c="orange">
                        {t('packets.missing', {
                          numbers: p.missing.join(', '),
                          name: p.card.officeName,
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.status === 'active' ? 'teal' : 'red'} variant="light">
                      {t(`packets.partners.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === p.id}
                      onClick={() => void block(p)}
                    >
                      {t(
                        p.status === 'active'
                          ? 'packets.partners.block'
                          : 'packets.partners.unblock',
                      )}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
      {reading && (
        <CardDialog
          {...reading}
          onCancel={() => setReading(null)}
          onDone={() => {
            setReading(null);
            list.reload();
            reloadKeys();
          }}
        />
      )}
    </SectionCard>
  );
}

export function KeysPage() {
  const t = useT();
  const fmt = useFormat();
  const keys = useQuery('packets.keys', () => call('packets.keys', {}));
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<
    'create' | 'rotate' | 'unlock' | 'recovery' | 'restore' | null
  >(null);
  const done = () => {
    setDialog(null);
    keys.reload();
  };
  return (
    <>
      <PageHeader title={t('nav.admin.exchangeKeys')} subtitle={t('packets.keys.subtitle')} />
      <Loaded query={keys}>
        {(k) => (
          <Stack gap="lg">
            <SectionCard
              title={t('packets.keys.own')}
              icon={<IconKey size={18} />}
              testId="own-key"
              action={
                k.current && !k.unlocked ? (
                  <Button
                    color="orange"
                    leftSection={<IconLock size={16} />}
                    onClick={() => setDialog('unlock')}
                    data-testid="keys-unlock"
                  >
                    {t('packets.keys.unlock')}
                  </Button>
                ) : undefined
              }
            >
              {!k.current ? (
                <Stack>
                  <Text>{t('packets.keys.none')}</Text>
                  <Group>
                    <Button onClick={() => setDialog('create')} data-testid="keys-create">
                      {t('packets.keys.create')}
                    </Button>
                    <Button variant="default" onClick={() => setDialog('restore')}>
                      {t('packets.keys.restore')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Text fw={600}>
                    {k.current.officeName} ({k.current.officeCode})
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('packets.card.valid', {
                      from: fmt.date(k.current.createdAt),
                      until: fmt.date(k.current.validUntil),
                    })}
                  </Text>
                  <Text size="sm">{t('packets.card.fingerprint')}</Text>
                  <Fingerprint groups={k.current.fingerprintGroups} testId="own-fingerprint" />
                  <Text size="sm">
                    {t('packets.card.age')} <Code>{k.current.ageRecipient}</Code>
                  </Text>
                  <Text size="sm">
                    {t('packets.card.minisign')} <Code>{k.current.minisignPublic}</Code>
                  </Text>
                  {!k.unlocked && <Alert color="orange">{t('packets.keys.locked')}</Alert>}
                  <Group mt="sm">
                    <Button
                      leftSection={<IconDownload size={16} />}
                      loading={busy === 'card'}
                      data-testid="keys-card"
                      onClick={() =>
                        void run('card', async () => {
                          const { fileId } = await call('packets.keyCard', {});
                          if (await saveFile(fileId))
                            notify({ color: 'teal', message: t('packets.keys.cardSaved') });
                        })
                      }
                    >
                      {t('packets.keys.card')}
                    </Button>
                    <LinkButton
                      to="/admin/exchange-keys/record"
                      variant="default"
                      icon={IconPrinter}
                    >
                      {t('packets.record.title')}
                    </LinkButton>
                    <Button
                      variant="default"
                      leftSection={<IconDownload size={16} />}
                      onClick={() => setDialog('recovery')}
                    >
                      {t('packets.keys.recovery')}
                    </Button>
                    <Button
                      variant="default"
                      leftSection={<IconRefresh size={16} />}
                      onClick={() => setDialog('rotate')}
                    >
                      {t('packets.keys.rotate')}
                    </Button>
                  </Group>
                  {k.previous.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('packets.keys.previous', {
                        list: k.previous.map((p) => p.fingerprintGroups.slice(0, 9)).join(', '),
                      })}
                    </Text>
                  )}
                </Stack>
              )}
            </SectionCard>
            {k.current && <PartnersCard reloadKeys={keys.reload} />}
            {dialog === 'restore' && (
              <RestoreDialog onDone={done} onCancel={() => setDialog(null)} />
            )}
            {dialog && dialog !== 'restore' && (
              <PassphraseDialog
                mode={dialog}
                protection={k.protection}
                onDone={done}
                onCancel={() => setDialog(null)}
              />
            )}
          </Stack>
        )}
      </Loaded>
    </>
  );
}
