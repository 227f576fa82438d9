/**
 * `#/complaints/<id>`: one complaint — what was reported, by whom (unless confidential), its
 * deadlines, the allowed next steps, assignment, the follow-up log and the timeline.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArrowRight,
  IconBed,
  IconChevronDown,
  IconCircleCheck,
  IconClipboardList,
  IconEyeOff,
  IconFilePlus,
  IconLock,
  IconMessageCircle,
  IconPencil,
  IconPhone,
  IconPrinter,
  IconUserCheck,
  IconUserQuestion,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Complaint, ComplaintEvent } from '../../../../shared/contract/complaints';
import {
  isClosed,
  TRANSITIONS,
  type ComplaintStatus,
} from '../../../../shared/reference/complaints';
import { call } from '../../api/rpc';
import { LoadError, PageLoader } from '../../components/Panels';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { ActionDialog, AssignDialog, TransitionDialog } from './dialogs';
import { replaceHash, useHashQuery } from './hashQuery';
import { categoryName, ppksName } from './labels';
import { DeadlineLine, StatusBadge, UrgencyBadge } from './parts';

type Dialog = { kind: 'step'; to: ComplaintStatus } | { kind: 'assign' } | { kind: 'action' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <div
        style={{
          fontSize: 'var(--mantine-font-size-sm)',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {children}
      </div>
    </div>
  );
}

function EventIcon({ e }: { e: ComplaintEvent }) {
  switch (e.kind) {
    case 'created':
      return <IconFilePlus size={14} />;
    case 'status':
      return e.toStatus === 'done' ? <IconCircleCheck size={14} /> : <IconArrowRight size={14} />;
    case 'assign':
      return <IconUserCheck size={14} />;
    case 'action':
      return e.actionType === 'answer' ? <IconMessageCircle size={14} /> : <IconPhone size={14} />;
    case 'print':
      return <IconPrinter size={14} />;
    default:
      return <IconPencil size={14} />;
  }
}

function EventTitle({ e }: { e: ComplaintEvent }) {
  const t = useT();
  switch (e.kind) {
    case 'status':
      return (
        <>
          {t('complaint.event.status', {
            from: e.fromStatus ? t(`complaint.status.${e.fromStatus}`) : '—',
            to: e.toStatus ? t(`complaint.status.${e.toStatus}`) : '—',
          })}
        </>
      );
    case 'action':
      return (
        <>
          {t(`complaint.action.${e.actionType!}`)}
          {e.party ? ` · ${e.party}` : ''}
        </>
      );
    case 'assign':
      return (
        <>
          {e.party
            ? t('complaint.event.assignTo', { name: e.party })
            : t('complaint.event.unassigned')}
        </>
      );
    default:
      return <>{t(`complaint.event.${e.kind}`)}</>;
  }
}

function History({ events }: { events: ComplaintEvent[] }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <Timeline bulletSize={26} lineWidth={2} active={events.length} data-testid="complaint-timeline">
      {[...events].reverse().map((e) => (
        <Timeline.Item
          key={e.id}
          bullet={<EventIcon e={e} />}
          title={
            <Text size="sm" fw={600}>
              <EventTitle e={e} />
            </Text>
          }
          data-testid="timeline-item"
          data-kind={e.kind}
        >
          {e.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {fmt.dateTime(e.at)}
            {e.user ? ` · ${e.user.fullName}` : ` · ${t('audit.system')}`}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Reporter({ c }: { c: Complaint }) {
  const t = useT();
  if (c.reporterHidden) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconEyeOff size={18} />}
        data-testid="reporter-hidden"
        role="note"
      >
        {t('complaint.reporter.hiddenDetail')}
      </Alert>
    );
  }
  if (c.reporterAnonymous) {
    return (
      <Group gap="xs" c="dimmed">
        <IconUserQuestion size={18} />
        <Text size="sm">{t('complaint.reporter.anonymousDetail')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      {c.reporterConfidential && (
        <Badge color="grape" variant="light" leftSection={<IconLock size={12} />} tt="none">
          {t('complaint.reporter.confidentialBadge')}
        </Badge>
      )}
      <Field label={t('complaint.reporter.name')}>{c.reporterName}</Field>
      {c.reporterPhone && <Field label={t('complaint.reporter.phone')}>{c.reporterPhone}</Field>}
      {c.reporterAddress && (
        <Field label={t('complaint.reporter.address')}>{c.reporterAddress}</Field>
      )}
      {c.reporterRelation && (
        <Field label={t('complaint.reporter.relation')}>{c.reporterRelation}</Field>
      )}
    </Stack>
  );
}

function SectionCard({
  title,
  icon,
  children,
  action,
  testId,
}: {
  title: string;
  icon?: ReactNode;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {icon && (
            <ThemeIcon variant="light" radius="md" size={32}>
              {icon}
            </ThemeIcon>
          )}
          <Title order={2} fz="lg" fw={600}>
            {title}
          </Title>
        </Group>
        {action}
      </Group>
      {children}
    </Card>
  );
}

export function ComplaintPage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const me = useMe();
  const query = useHashQuery();
  const canWrite = me.permissions.includes('complaints.write');
  const canCheckIn = me.permissions.includes('shelter.write');
  const loaded = useQuery(`complaint:${id}`, () => call('complaints.get', { id }));
  const [fresh, setFresh] = useState<Complaint | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const justCreated = query.new === '1';

  if (loaded.error && !loaded.data)
    return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const c =
    fresh && loaded.data && fresh.version >= loaded.data.version && fresh.id === loaded.data.id
      ? fresh
      : loaded.data;
  if (!c) return <PageLoader />;

  const open = !isClosed(c.status);
  const steps = TRANSITIONS[c.status];
  const forward = steps.filter((s) => s === 'verified' || s === 'in_follow_up' || s === 'done');
  const other = steps.filter((s) => s === 'rejected' || s === 'forwarded');
  const done = (saved: Complaint) => {
    setFresh(saved);
    setDialog(null);
  };
  const reload = () => {
    setDialog(null);
    setFresh(null);
    loaded.reload();
  };
  const dialogTitle =
    dialog?.kind === 'step'
      ? t(`complaint.step.${dialog.to}`)
      : dialog?.kind === 'assign'
        ? t('complaint.assign')
        : dialog?.kind === 'action'
          ? t('complaint.action.log')
          : '';

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <div>
          <Anchor href={href('/complaints')} size="sm">
            ← {t('nav.complaints.list')}
          </Anchor>
          <Group gap="sm" mt={4} wrap="wrap">
            <Title
              order={1}
              fz={{ base: 22, sm: 26 }}
              ff="monospace"
              data-testid="complaint-number"
            >
              {c.number}
            </Title>
            <StatusBadge status={c.status} size="lg" />
            <UrgencyBadge urgency={c.urgency} hideNormal />
          </Group>
          <Text c="dimmed" mt={4}>
            {t(`complaint.kind.${c.kind}`)}
            {c.serviceType ? ` · ${t(`complaint.serviceType.${c.serviceType}`)}` : ''} ·{' '}
            {categoryName(c.category, locale)} ·{' '}
            {t('complaint.receivedOn', { at: fmt.dateTime(c.receivedAt) })}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            component="a"
            href={href(`/complaints/${c.id}/receipt`)}
            variant={justCreated ? 'filled' : 'default'}
            leftSection={<IconPrinter size={18} />}
            data-testid="open-receipt"
          >
            {t('complaint.receipt')}
          </Button>
          {canWrite && open && (
            <Button
              component="a"
              href={href(`/complaints/${c.id}/edit`)}
              variant="default"
              leftSection={<IconPencil size={18} />}
            >
              {t('complaint.edit')}
            </Button>
          )}
          {canCheckIn && open && (
            <Button
              component="a"
              href={href(
                `/shelter/checkin?complaint=${c.id}${c.person ? `&person=${c.person.id}` : ''}`,
              )}
              variant="default"
              leftSection={<IconBed size={18} />}
              data-testid="start-checkin"
            >
              {t('complaint.checkin')}
            </Button>
          )}
        </Group>
      </Group>

      {justCreated && (
        <Alert
          color="teal"
          variant="light"
          mb="lg"
          icon={<IconCircleCheck size={20} />}
          title={t('complaint.created.title', { number: c.number })}
          withCloseButton
          onClose={() => replaceHash(`/complaints/${c.id}`)}
          data-testid="complaint-created"
          role="status"
        >
          {t('complaint.created.body')}
        </Alert>
      )}

      {open && canWrite && (
        <Card withBorder radius="md" padding="md" mb="lg" data-testid="complaint-actions">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="wrap">
              {forward.map((s) => (
                <Button
                  key={s}
                  onClick={() => setDialog({ kind: 'step', to: s })}
                  leftSection={
                    s === 'done' ? <IconCircleCheck size={18} /> : <IconArrowRight size={18} />
                  }
                  data-testid={`step-${s}`}
                >
                  {t(`complaint.step.${s}`)}
                </Button>
              ))}
              <Button
                variant="light"
                leftSection={<IconClipboardList size={18} />}
                onClick={() => setDialog({ kind: 'action' })}
                data-testid="log-action"
              >
                {t('complaint.action.log')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconUserCheck size={18} />}
                onClick={() => setDialog({ kind: 'assign' })}
                data-testid="assign"
              >
                {c.assignee ? t('complaint.reassign') : t('complaint.assign')}
              </Button>
            </Group>
            {other.length > 0 && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="subtle"
                    color="gray"
                    rightSection={<IconChevronDown size={16} />}
                    data-testid="more-steps"
                  >
                    {t('complaint.otherSteps')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {other.map((s) => (
                    <Menu.Item
                      key={s}
                      color={s === 'rejected' ? 'red' : 'orange'}
                      onClick={() => setDialog({ kind: 'step', to: s })}
                    >
                      {t(`complaint.step.${s}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Card>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('complaint.form.subject')} testId="complaint-subject">
              <Stack gap="md">
                <Text fw={700} fz="lg">
                  {c.subject}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
                <Divider />
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Field label={t('complaint.person')}>
                      {c.person ? (
                        <Anchor href={href(`/persons/${c.person.id}`)}>{c.person.fullName}</Anchor>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t('complaint.person.none')}
                        </Text>
                      )}
                    </Field>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Field label={t('complaint.location')}>
                      {[c.locationAddress, c.region?.path].filter(Boolean).join(', ') || '—'}
                    </Field>
                  </Grid.Col>
                  {c.ppks.length > 0 && (
                    <Grid.Col span={12}>
                      <Field label={t('complaint.ppks')}>
                        <Group gap={6} mt={2}>
                          {c.ppks.map((p) => (
                            <Badge key={p} variant="outline" color="gray" tt="none">
                              {p.slice(5)} · {ppksName(p, locale)}
                            </Badge>
                          ))}
                        </Group>
                      </Field>
                    </Grid.Col>
                  )}
                </Grid>
              </Stack>
            </SectionCard>

            {!open && (
              <SectionCard title={t('complaint.closure')} testId="complaint-closure">
                <Stack gap="sm">
                  {c.rejectionReason && (
                    <Field label={t('complaint.rejectionReason')}>{c.rejectionReason}</Field>
                  )}
                  {c.forwardedTo && (
                    <Field label={t('complaint.forwardedTo')}>{c.forwardedTo}</Field>
                  )}
                  <Field label={t('complaint.finalAnswer')}>{c.finalAnswer}</Field>
                  {c.answerChannel && (
                    <Field label={t('complaint.answerChannel')}>
                      {t(`complaint.answerChannel.${c.answerChannel}`)}
                    </Field>
                  )}
                  {c.closedAt && (
                    <Field label={t('complaint.closedAt')}>{fmt.dateTime(c.closedAt)}</Field>
                  )}
                </Stack>
              </SectionCard>
            )}

            <SectionCard title={t('complaint.history')}>
              <History events={c.events} />
            </SectionCard>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <SectionCard title={t('complaint.deadlines')} testId="complaint-deadlines">
              <Stack gap="md">
                {c.deadlines.map((d) => (
                  <DeadlineLine key={d.stage} d={d} />
                ))}
              </Stack>
            </SectionCard>
            <SectionCard title={t('complaint.handling')}>
              <Stack gap="sm">
                <Field label={t('complaint.assignee')}>
                  <span data-testid="complaint-assignee">
                    {c.assignee?.fullName ?? (
                      <Text span c="dimmed" fs="italic" size="sm">
                        {t('complaint.unassigned')}
                      </Text>
                    )}
                  </span>
                </Field>
                <Field label={t('complaint.channel')}>
                  {t(`complaint.channel.${c.channel}`)}
                  {c.channelRef ? ` · ${c.channelRef}` : ''}
                </Field>
                <Field label={t('complaint.receivedAt')}>{fmt.dateTime(c.receivedAt)}</Field>
                {c.backdateReason && (
                  <Field label={t('complaint.backdateReason')}>{c.backdateReason}</Field>
                )}
                <Field label={t('complaint.recordedBy')}>
                  {c.createdBy?.fullName ?? '—'} · {fmt.dateTime(c.createdAt)}
                </Field>
                <Field label={t('complaint.receiptPrints')}>
                  {c.receiptPrints === 0
                    ? t('complaint.receiptPrints.none')
                    : t('complaint.receiptPrints.count', { count: c.receiptPrints })}
                </Field>
              </Stack>
            </SectionCard>
            <SectionCard title={t('complaint.reporter')} testId="complaint-reporter">
              <Reporter c={c} />
            </SectionCard>
            {c.stays.length > 0 && (
              <SectionCard title={t('complaint.stays')} icon={<IconBed size={18} />}>
                <Stack gap="xs">
                  {c.stays.map((s) => (
                    <div key={s.id}>
                      <Anchor href={href(`/shelter/stays/${s.id}`)} fw={600} size="sm">
                        {s.shelterName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(s.checkinAt)}
                        {s.checkoutAt
                          ? ` – ${fmt.dateTime(s.checkoutAt)}`
                          : ` · ${t('complaint.stays.current')}`}
                      </Text>
                    </div>
                  ))}
                </Stack>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialogTitle}
        // Closing asks for the answer; an action offers five types side by side: both need room.
        size={
          (dialog?.kind === 'step' && isClosed(dialog.to)) || dialog?.kind === 'action'
            ? 'lg'
            : 'md'
        }
      >
        {dialog?.kind === 'step' && (
          <TransitionDialog
            complaint={c}
            to={dialog.to}
            onDone={done}
            onCancel={() => setDialog(null)}
            onReload={reload}
          />
        )}
        {dialog?.kind === 'assign' && (
          <AssignDialog
            complaint={c}
            onDone={done}
            onCancel={() => setDialog(null)}
            onReload={reload}
          />
        )}
        {dialog?.kind === 'action' && (
          <ActionDialog
            complaint={c}
            onDone={done}
            onCancel={() => setDialog(null)}
            onReload={reload}
          />
        )}
      </Modal>
    </>
  );
}
