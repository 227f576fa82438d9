/**
 * `#/complaints/<id>`: one complaint — what was reported, by whom (unless confidential), its
 * deadlines, the allowed next steps, assignment, the follow-up log and the timeline.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Grid,
  Group,
  Modal,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArrowRight,
  IconBed,
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

import { Complaint } from '../../../../shared/contract/complaints';
import { TimelineEvent } from '../../../../shared/contract/timeline';
import { ActionType } from '../../../../shared/reference/complaints';
import {
  complaintFlow,
  isClosed,
  type ComplaintStep,
} from '../../../../shared/workflow/complaints';
import { offeredSteps } from '../../../../shared/workflow/engine';
import { call } from '../../api/rpc';
import { Field } from '../../components/Field';
import { LinkButton } from '../../components/LinkButton';
import { PpksBadges } from '../../components/PpksBadges';
import { NotLoaded } from '../../components/PageStates';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href, navigate, useQueryParams } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { AssigneeName } from './Assignee';
import { ActionDialog, AssignDialog, TransitionDialog } from './dialogs';
import { categoryName } from './labels';
import { DeadlineLine } from './Deadlines';
import { StatusBadge, UrgencyBadge } from './StatusBadges';
import { SectionCard } from '../../components/SectionCard';
import { StepActions } from '../../components/StepActions';
import { CaseLinks } from '../cases/CaseLinks';

/** The step whose dialog is open: a status step, assignment, or the follow-up log. */
type Dialog = ComplaintStep;

/** A state's label from the workflow description; '—' for none. */
function useStateLabel() {
  const t = useT();
  return (s: string | null) =>
    s && s in complaintFlow.states
      ? t(complaintFlow.states[s as keyof typeof complaintFlow.states].label)
      : '—';
}

function EventIcon({ e }: { e: TimelineEvent }) {
  switch (e.kind) {
    case 'created':
      return <IconFilePlus size={14} />;
    case 'transition':
      return e.toState === 'done' ? <IconCircleCheck size={14} /> : <IconArrowRight size={14} />;
    case 'assign':
      return <IconUserCheck size={14} />;
    case 'action':
      return e.action === 'answer' ? <IconMessageCircle size={14} /> : <IconPhone size={14} />;
    case 'print':
      return <IconPrinter size={14} />;
    default:
      return <IconPencil size={14} />;
  }
}

function EventTitle({ e }: { e: TimelineEvent }) {
  const t = useT();
  const stateLabel = useStateLabel();
  switch (e.kind) {
    case 'transition':
      return (
        <>
          {t('complaint.event.status', {
            from: stateLabel(e.fromState),
            to: stateLabel(e.toState),
          })}
        </>
      );
    case 'action':
      return (
        <>
          {t(`complaint.action.${e.action as ActionType}`)}
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

function History({ events }: { events: TimelineEvent[] }) {
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
            {e.by ? ` · ${e.by.fullName}` : ` · ${t('audit.system')}`}
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

export function ComplaintPage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const me = useMe();
  const query = useQueryParams();
  const canWrite = me.permissions.includes('complaints.write');
  const canCheckIn = me.permissions.includes('shelter.write');
  const loaded = useQuery(`complaint:${id}`, () => call('complaints.get', { id }));
  const [fresh, setFresh] = useState<Complaint | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const justCreated = query.new === '1';

  if (!loaded.data) return <NotLoaded query={loaded} />;
  const c =
    fresh && fresh.version >= loaded.data.version && fresh.id === loaded.data.id
      ? fresh
      : loaded.data;

  const open = !isClosed(c.status);
  // Only the steps the workflow allows from this status, to this user on this complaint.
  const offered = offeredSteps(complaintFlow, c.status, {
    roles: me.roles,
    isAssignee: c.assignee?.id === me.id,
  });
  const stepOf = (a: ComplaintStep) => complaintFlow.steps[a];
  const forward = offered.filter((a) => stepOf(a).to && stepOf(a).emphasis === 'primary');
  const other = offered.filter((a) => stepOf(a).to && stepOf(a).emphasis !== 'primary');
  const done = (saved: Complaint) => {
    setFresh(saved);
    setDialog(null);
  };
  const reload = () => {
    setDialog(null);
    setFresh(null);
    loaded.reload();
  };
  const dialogTitle = dialog ? t(stepOf(dialog).label) : '';
  const dialogProps = {
    complaint: c,
    onDone: done,
    onCancel: () => setDialog(null),
    onReload: reload,
  };

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
          <LinkButton
            to={`/complaints/${c.id}/receipt`}
            variant={justCreated ? 'filled' : 'default'}
            icon={IconPrinter}
            data-testid="open-receipt"
          >
            {t('complaint.receipt')}
          </LinkButton>
          {canWrite && open && (
            <LinkButton to={`/complaints/${c.id}/edit`} variant="default" icon={IconPencil}>
              {t('complaint.edit')}
            </LinkButton>
          )}
          {canCheckIn && open && (
            <LinkButton
              to="/shelter/checkin"
              query={{ complaint: c.id, person: c.person?.id }}
              variant="default"
              icon={IconBed}
              data-testid="start-checkin"
            >
              {t('complaint.checkin')}
            </LinkButton>
          )}
          <CaseLinks complaintId={c.id} />
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
          onClose={() => navigate(`/complaints/${c.id}`, { replace: true })}
          data-testid="complaint-created"
          role="status"
        >
          {t('complaint.created.body')}
        </Alert>
      )}

      {open && offered.length > 0 && (
        <StepActions
          testId="complaint-actions"
          moreLabel={t('complaint.otherSteps')}
          more={other.map((a) => ({
            key: a,
            label: t(stepOf(a).label),
            danger: stepOf(a).emphasis === 'danger',
            onClick: () => setDialog(a),
          }))}
        >
          {forward.map((a) => (
            <Button
              key={a}
              onClick={() => setDialog(a)}
              leftSection={
                stepOf(a).to === 'done' ? (
                  <IconCircleCheck size={18} />
                ) : (
                  <IconArrowRight size={18} />
                )
              }
              data-testid={`step-${stepOf(a).to}`}
            >
              {t(stepOf(a).label)}
            </Button>
          ))}
          {offered.includes('log_action') && (
            <Button
              variant="light"
              leftSection={<IconClipboardList size={18} />}
              onClick={() => setDialog('log_action')}
              data-testid="log-action"
            >
              {t('complaint.action.log')}
            </Button>
          )}
          {offered.includes('assign') && (
            <Button
              variant="light"
              leftSection={<IconUserCheck size={18} />}
              onClick={() => setDialog('assign')}
              data-testid="assign"
            >
              {c.assignee ? t('complaint.reassign') : t('complaint.assign')}
            </Button>
          )}
        </StepActions>
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
                        <PpksBadges codes={c.ppks} variant="outline" size="md" numbered />
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
                  <AssigneeName assignee={c.assignee} testId="complaint-assignee" />
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
        // A step asking for fields (the final answer) and the follow-up log (five action types
        // side by side) both need room.
        size={dialog && (stepOf(dialog).requires?.length || dialog === 'log_action') ? 'lg' : 'md'}
      >
        {dialog && stepOf(dialog).to && <TransitionDialog {...dialogProps} step={dialog} />}
        {dialog === 'assign' && <AssignDialog {...dialogProps} />}
        {dialog === 'log_action' && <ActionDialog {...dialogProps} />}
      </Modal>
    </>
  );
}
