/** `#/shelter/stays/<id>`: one stay with its log, check-out, and admin corrections. */
import { CaseLinks } from '../cases/CaseLinks';
import { NewLetterButton } from '../letters/NewLetterButton';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowsExchange, IconEdit, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import type { Stay } from '../../../../shared/contract/shelter';
import { call } from '../../api/rpc';
import { Field, NoValue } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { AgeText, IdentityBadge, NikText, OriginText } from '../persons/PersonFacts';
import { CheckoutForm, CorrectionForm, type StayDialogProps } from './CheckoutForm';
import { EventLog } from './EventLog';
import { MoveBedForm } from './MoveBedForm';
import { PpksBadges } from '../../components/PpksBadges';
import { tn } from './labels';

const dash = <NoValue />;

function ComplaintLink({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const canRead = me.permissions.includes('complaints.read');
  const c = useQuery(canRead ? `stay-complaint:${id}` : null, () =>
    call('complaints.get', { id }).catch(() => null),
  );
  const text = c.data ? [c.data.number, c.data.subject].filter(Boolean).join(' · ') : null;
  if (!canRead) return <Text size="sm">{t('stay.complaint.linked')}</Text>;
  return (
    <Anchor href={href(`/complaints/${id}`)} size="sm" data-testid="stay-complaint">
      {text || t('checkin.complaint.open')}
    </Anchor>
  );
}

export function StayPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const q = useQuery(`stay:${id}`, () => call('stays.get', { id }));
  const office = useQuery('office', () => call('office.get', {}));
  const [override, setOverride] = useState<Stay | null>(null);
  const [correcting, correction] = useDisclosure(false);
  const [moving, move] = useDisclosure(false);
  const canWrite = me.permissions.includes('shelter.write');
  const canCorrect = me.permissions.includes('shelter.correct');

  const reload = () => {
    setOverride(null);
    q.reload();
  };
  if (q.error && !q.data) return <LoadError error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PageLoader />;
  const s = override && override.version >= q.data.version ? override : q.data;
  const active = !s.checkoutAt;
  const max = office.data?.maxStayDays ?? null;
  // A dialog shows what it saved, or closes and reloads a stay changed meanwhile.
  const dialog = (close: () => void): StayDialogProps => ({
    stay: s,
    onSaved: (saved) => {
      setOverride(saved);
      close();
    },
    onCancel: close,
    onReload: () => {
      close();
      reload();
    },
  });

  return (
    <>
      <PageHeader
        title={s.person.fullName}
        subtitle={
          <Group gap={8} component="span">
            <Badge
              color={active ? 'pelita' : 'gray'}
              variant="light"
              tt="none"
              data-testid="stay-status"
            >
              {t(active ? 'stay.active' : 'stay.checkedOut')}
            </Badge>
            <span>
              {t('stay.bedPlace', { shelter: s.shelterName, room: s.roomName, bed: s.bedLabel })}
            </span>
            {/* The move sits by the bed it changes. */}
            {active && canWrite && (
              <Anchor component="button" onClick={move.open} data-testid="stay-move">
                <IconArrowsExchange size={14} /> {t('stay.move')}
              </Anchor>
            )}
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              component="a"
              href={href(`/persons/${s.person.id}`)}
              leftSection={<IconUser size={16} />}
              data-testid="stay-person"
              maw={360}
              title={s.person.fullName}
              styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
            >
              {t('stay.person', { name: s.person.fullName })}
            </Button>
            <NewLetterButton sourceKind="stay" sourceId={s.id} />
            {!active && canCorrect && (
              <Button
                variant="light"
                color="grape"
                leftSection={<IconEdit size={16} />}
                onClick={correction.open}
                data-testid="stay-correct"
              >
                {t('stay.correct.open')}
              </Button>
            )}
            <CaseLinks stayId={s.id} />
          </>
        }
      />
      {s.overdue && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertTriangle size={20} />}
          mb="lg"
          data-testid="stay-overdue"
        >
          {max !== null
            ? tn(t, 'shelter.overdue', s.days - max, { over: s.days - max, max })
            : t('shelter.overdueShort')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg">
              <Group justify="space-between" align="flex-start" mb="md">
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
                    {t('stay.length')}
                  </Text>
                  <Text
                    fz={34}
                    fw={800}
                    lh={1.1}
                    c={s.overdue ? 'red' : undefined}
                    data-testid="stay-days"
                  >
                    {tn(t, 'shelter.daysCount', s.days, { days: s.days })}
                  </Text>
                  {max !== null && (
                    <Text size="xs" c="dimmed">
                      {t('home.maxStay', { days: max })}
                    </Text>
                  )}
                </div>
                <IdentityBadge status={s.person.identityStatus} />
              </Group>
              <Stack gap={4} mb="md">
                <Group gap={6}>
                  <NikText nik={s.person.nik} />
                  <Text size="sm" c="dimmed" span>
                    ·
                  </Text>
                  <AgeText person={s.person} />
                </Group>
                <OriginText origin={s.person.origin} />
              </Stack>
              <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
                <Field label={t('stay.checkinAt')}>{fmt.dateTime(s.checkinAt)}</Field>
                <Field label={t('stay.checkoutAt')} testId="stay-checkout-at">
                  {s.checkoutAt ? fmt.dateTime(s.checkoutAt) : dash}
                </Field>
                <Field label={t('stay.referral')}>
                  {t(`referral.${s.referralSource}`)}
                  {s.referralDetail && (
                    <Text size="xs" c="dimmed">
                      {s.referralDetail}
                    </Text>
                  )}
                </Field>
                <Field label={t('stay.ppks')}>
                  <PpksBadges codes={s.ppks} />
                </Field>
              </SimpleGrid>
              <Stack gap="md" mt="md">
                <Field label={t('checkin.condition')}>{s.condition ?? dash}</Field>
                <Field label={t('checkin.healthNotes')}>{s.healthNotes ?? dash}</Field>
                <Field label={t('checkin.belongings')}>
                  {s.belongings ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {s.belongings}
                    </Text>
                  ) : (
                    dash
                  )}
                </Field>
                {s.complaintId && (
                  <Field label={t('stay.complaint')}>
                    <ComplaintLink id={s.complaintId} />
                  </Field>
                )}
              </Stack>
            </Paper>
            {!active && (
              <Paper withBorder radius="md" p="lg" data-testid="stay-exit">
                <Title order={2} fz="lg" fw={600} mb="md">
                  {t('stay.checkout')}
                </Title>
                <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
                  <Field label={t('stay.exit')}>
                    {s.exitType ? t(`exit.${s.exitType}`) : dash}
                  </Field>
                  <Field label={t('stay.destination')}>
                    {s.destination ? s.destination.path : dash}
                  </Field>
                  <Field label={t('stay.destinationDetail')}>{s.destinationDetail ?? dash}</Field>
                  <Field label={t('stay.escort')}>{s.escort ?? dash}</Field>
                </SimpleGrid>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {/* Services are recorded during the stay; after check-out the log is read only.
                The log comes first: it is used every day, check-out once at the end. */}
            <EventLog stay={s} canWrite={canWrite && active} onSaved={setOverride} />
            {active && canWrite && (
              <CheckoutForm key={s.version} stay={s} onSaved={setOverride} onReload={reload} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {moving && <MoveBedForm {...dialog(move.close)} />}
      <Modal opened={correcting} onClose={correction.close} title={t('stay.correct')} size="lg">
        {correcting && <CorrectionForm {...dialog(correction.close)} />}
      </Modal>
    </>
  );
}
