/**
 * `#/cases/<id>`: one case file — who and what, the steps the workflow offers this user, the
 * assessment and plan (forms while drafted), services, referrals, notes, consent, attachments and
 * the timeline (steps, services, referrals, notes, the person's shelter stays).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowRight,
  IconChevronDown,
  IconDownload,
  IconFileText,
  IconLock,
  IconNote,
  IconPaperclip,
  IconPencil,
  IconPlus,
  IconSend,
  IconShieldCheck,
  IconTrash,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { CaseFile, CaseReferral } from '../../../../shared/contract/cases';
import { NewLetterButton } from '../letters/NewLetterButton';
import type { TimelineEvent } from '../../../../shared/contract/timeline';
import { formatBytes } from '../../../../shared/files';
import { offeredSteps } from '../../../../shared/workflow/engine';
import {
  CASE_BUTTON_STEPS,
  caseFlow,
  referralFlow,
  type CaseStep,
  type ReferralStep,
} from '../../../../shared/workflow/cases';
import { call } from '../../api/rpc';
import { saveFile } from '../../api/files';
import { Field } from '../../components/Field';
import { NotLoaded } from '../../components/PageStates';
import { PpksBadges } from '../../components/PpksBadges';
import { SectionCard } from '../../components/SectionCard';
import { StepActions } from '../../components/StepActions';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import type { OpeningField } from '../../../../shared/reference/cases';
import { CaseStateBadge, DueText, RiskBadge } from './CaseBadges';
import { EditOpeningDialog, OPENING_FIELD_LABELS, openingEditable } from './EditOpeningDialog';
import { AssessmentPart, PlanPart } from './CaseWork';
import {
  AttachDialog,
  ConsentDialog,
  NoteDialog,
  ReassignDialog,
  ReferralDialog,
  ReferralStepDialog,
  RemoveAttachmentDialog,
  ServiceDialog,
  StepDialog,
  WithdrawConsentDialog,
  type DialogProps,
} from './dialogs';

type Dialog =
  | { kind: 'step'; step: CaseStep }
  | {
      kind:
        'reassign' | 'service' | 'note' | 'consent' | 'withdraw' | 'referral' | 'attach' | 'edit';
    }
  | { kind: 'referralStep'; referral: CaseReferral; step: ReferralStep }
  | { kind: 'remove'; attachment: CaseFile['attachments'][number] };

/** What a timeline row says: a step, a service, a referral step, a note, a shelter stay. */
function useEventTitle() {
  const t = useT();
  const state = (s: string | null) =>
    s && s in caseFlow.states ? t(caseFlow.states[s as keyof typeof caseFlow.states].label) : '';
  return (e: TimelineEvent): string => {
    if (e.kind === 'created') return t('case.ui.event.created');
    if (e.kind === 'edit' && e.action === 'opening' && e.party) {
      const fields = e.party
        .split(',')
        .filter((f): f is OpeningField => f in OPENING_FIELD_LABELS)
        .map((f) => t(OPENING_FIELD_LABELS[f]));
      return `${t('case.ui.event.edit')}: ${fields.join(', ')}`;
    }
    if (e.kind === 'edit') return t('case.ui.event.edit');
    if (e.kind === 'assign') return t('case.ui.event.assign', { name: e.party ?? '' });
    const a = e.action ?? '';
    // Referral steps are transitions of the referral, written on the case's timeline.
    if (a.startsWith('referral_')) {
      const step = a.slice(9);
      const label =
        step === 'sent'
          ? t('referral.state.sent')
          : step in referralFlow.steps
            ? t(referralFlow.steps[step as ReferralStep].label)
            : step;
      return `${t('case.ui.referral')}: ${label} · ${e.party ?? ''}`;
    }
    if (e.kind === 'transition') {
      if (e.action && e.action in caseFlow.steps) {
        const label = t(caseFlow.steps[e.action as CaseStep].label);
        return e.toState ? `${label} → ${state(e.toState)}` : label;
      }
      return state(e.toState);
    }
    if (a.startsWith('note_')) return t(`case.noteKind.${a.slice(5) as 'visit'}`);
    if (a === 'stay_in') return t('case.ui.event.stayIn', { shelter: e.party ?? '' });
    if (a === 'stay_out') return t('case.ui.event.stayOut', { shelter: e.party ?? '' });
    if (a === 'service') return `${t('case.ui.event.service')} · ${e.party ?? ''}`;
    if (a === 'consent') return t('case.ui.event.consent');
    if (a === 'consent_withdrawn') return t('case.ui.event.consentWithdrawn');
    if (a === 'attachment') return `${t('case.ui.event.attachment')} · ${e.party ?? ''}`;
    if (a === 'attachment_removed')
      return `${t('case.ui.event.attachmentRemoved')} · ${e.party ?? ''}`;
    return a;
  };
}

function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useT();
  const fmt = useFormat();
  const title = useEventTitle();
  return (
    <Timeline bulletSize={22} lineWidth={2} active={events.length} data-testid="case-timeline">
      {[...events].reverse().map((e) => (
        <Timeline.Item
          key={`${e.id}-${e.at}`}
          title={
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {title(e)}
              </Text>
              {e.details.sensitive === true && (
                <Badge
                  color="grape"
                  variant="light"
                  size="xs"
                  leftSection={<IconLock size={10} />}
                  tt="none"
                >
                  {t('case.ui.sensitiveBadge')}
                </Badge>
              )}
            </Group>
          }
          data-testid="case-event"
        >
          {e.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {fmt.dateTime(e.at)}
            {e.by ? ` · ${e.by.fullName}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function ConsentView({ c }: { c: CaseFile['consent'] }) {
  const t = useT();
  const fmt = useFormat();
  if (c.processing === null)
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        data-testid="consent-none"
      >
        {t('case.consent_none')}
      </Alert>
    );
  const yes = (v: boolean | null) => t(v ? 'case.ui.yes' : 'case.ui.no');
  return (
    <Stack gap="xs" data-testid="consent-view">
      {c.withdrawnAt && (
        <Alert color="red" variant="light">
          {t('case.ui.consent.withdrawnOn', { at: fmt.dateTime(c.withdrawnAt) })}
        </Alert>
      )}
      <Field label={t('case.ui.consent.processing')}>{yes(c.processing)}</Field>
      <Field label={t('case.ui.consent.sharing')}>{yes(c.sharing)}</Field>
      <Field label={t('case.ui.consent.how')}>
        {t(c.by === 'guardian' ? 'case.ui.consent.byGuardian' : 'case.ui.consent.byPerson')}
        {c.guardian ? ` (${c.guardian})` : ''} ·{' '}
        {t(c.method === 'verbal_witness' ? 'case.ui.consent.verbal' : 'case.ui.consent.signed')}
        {c.witness ? ` (${c.witness})` : ''}
      </Field>
      {c.at && <Field label={t('case.ui.consent.at')}>{fmt.dateTime(c.at)}</Field>}
    </Stack>
  );
}

/** A part of the case page: its card, an "add" button for those who may edit, or what is empty. */
function Part({
  title,
  icon,
  testId,
  add,
  empty,
  children,
}: {
  title: string;
  icon?: ReactNode;
  testId: string;
  add: false | { label: string; testId: string; onClick: () => void };
  /** Shown instead of the content when the list is empty. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <SectionCard
      title={title}
      icon={icon}
      testId={testId}
      action={
        add && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={add.onClick}
            data-testid={add.testId}
          >
            {add.label}
          </Button>
        )
      }
    >
      {empty !== null ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </SectionCard>
  );
}

export function CasePage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const loaded = useQuery(`case:${id}`, () => call('cases.get', { id }));
  const [fresh, setFresh] = useState<CaseFile | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (!loaded.data) return <NotLoaded query={loaded} />;
  const k =
    fresh && fresh.id === loaded.data.id && fresh.version >= loaded.data.version
      ? fresh
      : loaded.data;

  const offered = offeredSteps(caseFlow, k.state, {
    roles: me.roles,
    isAssignee: k.caseworker.id === me.id,
  });
  const buttons = CASE_BUTTON_STEPS.filter((s) => offered.includes(s));
  // The way forward (and plain steps like a review) as buttons; returns and endings in a menu.
  const sideways = (s: CaseStep) =>
    ['danger', 'caution'].includes(caseFlow.steps[s].emphasis ?? '');
  const primary = buttons.filter((s) => !sideways(s));
  const others = buttons.filter(sideways);
  const open = k.state !== 'closed';
  const edit = k.mayEdit && open;
  const done = (c: CaseFile) => {
    setFresh(c);
    setDialog(null);
  };
  const reload = () => {
    setDialog(null);
    setFresh(null);
    loaded.reload();
  };
  const props: DialogProps = {
    file: k,
    onDone: done,
    onCancel: () => setDialog(null),
    onReload: reload,
  };
  const referralSteps = (r: CaseReferral) =>
    edit ? offeredSteps(referralFlow, r.state, { roles: me.roles, isAssignee: true }) : [];
  const dialogTitle = !dialog
    ? ''
    : dialog.kind === 'step'
      ? t(caseFlow.steps[dialog.step].label)
      : dialog.kind === 'referralStep'
        ? t(referralFlow.steps[dialog.step].label)
        : t(`case.ui.dialog.${dialog.kind}`);

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <div>
          <Anchor href={href('/cases')} size="sm">
            ← {t('nav.cases.list')}
          </Anchor>
          <Group gap="sm" mt={4} wrap="wrap">
            <Title order={1} fz={{ base: 22, sm: 26 }} ff="monospace" data-testid="case-number">
              {k.number}
            </Title>
            <CaseStateBadge state={k.state} size="lg" />
            <RiskBadge risk={k.riskLevel} danger={k.immediateDanger} />
          </Group>
          <Group gap="xs" mt={4}>
            <Anchor href={href(`/persons/${k.person.id}`)} fw={600} data-testid="case-person">
              {k.person.fullName}
            </Anchor>
            <PpksBadges codes={k.ppks} size="sm" />
          </Group>
        </div>
        <Group gap="sm" align="center">
          {k.due && <DueText due={k.due} />}
          <NewLetterButton sourceKind="case" sourceId={k.id} />
        </Group>
      </Group>

      {k.awaiting && (
        <Alert
          color="orange"
          variant="light"
          mb="md"
          icon={<IconUserCheck size={18} />}
          data-testid="case-awaiting"
        >
          {t(`case.ui.awaiting.${k.awaiting}`)}
        </Alert>
      )}
      {k.returnComment && open && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          icon={<IconArrowBackUp size={18} />}
          title={t('case.ui.returned')}
          data-testid="case-returned"
        >
          {k.returnComment}
        </Alert>
      )}
      {!k.mayEdit && open && (
        <Alert
          color="gray"
          variant="light"
          mb="md"
          icon={<IconLock size={18} />}
          data-testid="case-readonly"
        >
          {t('case.ui.readOnly', { name: k.caseworker.fullName })}
        </Alert>
      )}

      {open && (buttons.length > 0 || offered.includes('reassign')) && (
        <StepActions
          testId="case-actions"
          moreLabel={t('case.ui.otherSteps')}
          more={others.map((s) => ({
            key: s,
            label: t(caseFlow.steps[s].label),
            danger: caseFlow.steps[s].emphasis === 'danger',
            onClick: () => setDialog({ kind: 'step', step: s }),
            testId: `step-${s}`,
          }))}
        >
          {primary.map((s) => (
            <Button
              key={s}
              variant={caseFlow.steps[s].emphasis === 'primary' ? 'filled' : 'light'}
              leftSection={<IconArrowRight size={18} />}
              onClick={() => setDialog({ kind: 'step', step: s })}
              data-testid={`step-${s}`}
            >
              {t(caseFlow.steps[s].label)}
            </Button>
          ))}
          {offered.includes('reassign') && (
            <Button
              variant="light"
              leftSection={<IconUserCheck size={18} />}
              onClick={() => setDialog({ kind: 'reassign' })}
              data-testid="case-reassign"
            >
              {t('case.reassign')}
            </Button>
          )}
        </StepActions>
      )}
      {!open && buttons.includes('reopen') && (
        <Group mb="lg">
          <Button
            variant="light"
            color="orange"
            onClick={() => setDialog({ kind: 'step', step: 'reopen' })}
            data-testid="step-reopen"
          >
            {t('case.step.reopen')}
          </Button>
        </Group>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard
              title={t('case.ui.assessment')}
              icon={<IconFileText size={18} />}
              testId="case-assessment"
              action={
                k.assessmentApprovedAt ? (
                  <Badge color="teal" variant="light" tt="none">
                    {t('case.ui.approvedOn', { at: fmt.date(k.assessmentApprovedAt) })}
                  </Badge>
                ) : (
                  <Text
                    size="sm"
                    c={k.due?.kind === 'assessment' && k.due.overdue ? 'red.7' : 'dimmed'}
                  >
                    {t('case.ui.assessmentDue', { date: fmt.calendarDate(k.assessmentDue) })}
                  </Text>
                )
              }
            >
              <AssessmentPart
                key={`a${k.version}`}
                file={k}
                editing={edit && k.state === 'opened'}
                onSaved={done}
                onReload={reload}
              />
            </SectionCard>
            {(k.state !== 'opened' && k.state !== 'assessment') || k.planGoals ? (
              <SectionCard
                title={t('case.ui.plan')}
                icon={<IconShieldCheck size={18} />}
                testId="case-plan"
                action={
                  k.planApprovedAt ? (
                    <Badge color="teal" variant="light" tt="none">
                      {t('case.ui.approvedOn', { at: fmt.date(k.planApprovedAt) })}
                    </Badge>
                  ) : k.planSubmittedAt ? (
                    <Badge color="orange" variant="light" tt="none">
                      {t('case.ui.awaiting.plan')}
                    </Badge>
                  ) : undefined
                }
              >
                <PlanPart
                  key={`p${k.version}`}
                  file={k}
                  editing={edit && k.state === 'plan' && !k.planSubmittedAt}
                  onSaved={done}
                  onReload={reload}
                />
              </SectionCard>
            ) : null}
            <Part
              title={t('case.ui.services')}
              testId="case-services"
              add={
                edit && {
                  label: t('case.ui.logService'),
                  testId: 'service-add',
                  onClick: () => setDialog({ kind: 'service' }),
                }
              }
              empty={k.services.length === 0 ? t('case.ui.noServices') : null}
            >
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={6} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('case.ui.deliveredOn')}</Table.Th>
                      <Table.Th>{t('case.ui.serviceType')}</Table.Th>
                      <Table.Th>{t('case.ui.deliveredBy')}</Table.Th>
                      <Table.Th>{t('case.ui.outcome')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {k.services.map((s) => (
                      <Table.Tr key={s.id} data-testid="service-row">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {fmt.calendarDate(s.deliveredOn)}
                        </Table.Td>
                        <Table.Td>{s.serviceType}</Table.Td>
                        <Table.Td>{s.deliveredBy}</Table.Td>
                        <Table.Td>{s.outcome}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Part>
            <Part
              title={t('case.ui.referrals')}
              icon={<IconSend size={18} />}
              testId="case-referrals"
              add={
                edit && {
                  label: t('case.ui.referral.new'),
                  testId: 'referral-add',
                  onClick: () => setDialog({ kind: 'referral' }),
                }
              }
              empty={k.referrals.length === 0 ? t('case.ui.noReferrals') : null}
            >
              <Stack gap="sm">
                {k.referrals.map((r) => (
                  <Group
                    key={r.id}
                    justify="space-between"
                    align="flex-start"
                    wrap="wrap"
                    data-testid="referral-row"
                    data-state={r.state}
                  >
                    <div style={{ minWidth: 0, flex: '1 1 280px' }}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {r.agencyName}
                        </Text>
                        <Badge
                          size="sm"
                          variant="light"
                          tt="none"
                          color={
                            r.state === 'done'
                              ? 'teal'
                              : r.state === 'sent'
                                ? 'blue'
                                : r.state === 'accepted'
                                  ? 'cyan'
                                  : 'gray'
                          }
                        >
                          {t(`referral.state.${r.state}`)}
                          {r.outcome ? ` · ${t(`referral.outcome.${r.outcome}`)}` : ''}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t(`referral.agency.${r.agencyKind}`)}
                        {r.region ? ` · ${r.region.name}` : ''} · {fmt.dateTime(r.sentAt)}
                      </Text>
                      <Text size="sm">{r.reason}</Text>
                      {r.failureReason && (
                        <Text size="xs" c="red.7">
                          {t(`referral.failure.${r.failureReason}`)}
                        </Text>
                      )}
                      {r.responseNote && (
                        <Text size="xs" c="dimmed">
                          {r.responseNote}
                        </Text>
                      )}
                    </div>
                    <Group gap={6}>
                      <NewLetterButton sourceKind="referral" sourceId={r.id} size="xs" />
                      {referralSteps(r).map((s) => (
                        <Button
                          key={s}
                          size="xs"
                          variant={
                            referralFlow.steps[s].emphasis === 'primary' ? 'light' : 'subtle'
                          }
                          color={
                            referralFlow.steps[s].emphasis === 'danger'
                              ? 'red'
                              : referralFlow.steps[s].emphasis === 'caution'
                                ? 'orange'
                                : undefined
                          }
                          onClick={() => setDialog({ kind: 'referralStep', referral: r, step: s })}
                          data-testid={`referral-${s}`}
                        >
                          {t(referralFlow.steps[s].label)}
                        </Button>
                      ))}
                    </Group>
                  </Group>
                ))}
              </Stack>
            </Part>
            <Part
              title={t('case.ui.notes')}
              icon={<IconNote size={18} />}
              testId="case-notes"
              add={
                edit && {
                  label: t('case.ui.addNote'),
                  testId: 'note-add',
                  onClick: () => setDialog({ kind: 'note' }),
                }
              }
              empty={k.notes.length === 0 ? t('case.ui.noNotes') : null}
            >
              <Stack gap="sm">
                {k.notes.map((n) => (
                  <div key={n.id} data-testid="note-row">
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t(`case.noteKind.${n.kind}`)}
                      </Text>
                      {n.sensitive && (
                        <Badge
                          color="grape"
                          variant="light"
                          size="xs"
                          leftSection={<IconLock size={10} />}
                          tt="none"
                        >
                          {t('case.ui.sensitiveBadge')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(n.at)}
                        {n.by ? ` · ${n.by.fullName}` : ''}
                      </Text>
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {n.text}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Part>
            <SectionCard title={t('case.ui.timeline')}>
              <CaseTimeline events={k.timeline} />
            </SectionCard>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <SectionCard
              title={t('case.ui.details')}
              testId="case-details"
              action={
                edit &&
                openingEditable(k) && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setDialog({ kind: 'edit' })}
                    data-testid="case-edit"
                  >
                    {t('case.ui.editDetails')}
                  </Button>
                )
              }
            >
              <Stack gap="sm">
                <Field label={t('case.ui.origin')}>
                  {t(`case.origin.${k.origin}`)}
                  {k.originDetail ? ` · ${k.originDetail}` : ''}
                </Field>
                {k.complaint && (
                  <Field label={t('case.ui.fromComplaint')}>
                    <Anchor href={href(`/complaints/${k.complaint.id}`)} ff="monospace" size="sm">
                      {k.complaint.number}
                    </Anchor>
                  </Field>
                )}
                {k.stay && (
                  <Field label={t('case.ui.fromStay')}>
                    <Anchor href={href(`/shelter/stays/${k.stay.id}`)} size="sm">
                      {k.stay.shelterName} · {fmt.date(k.stay.checkinAt)}
                    </Anchor>
                  </Field>
                )}
                {k.originRegion && (
                  <Field label={t('case.ui.originRegion')}>{k.originRegion.path}</Field>
                )}
                <Field label={t('case.ui.location')}>
                  {[k.locationAddress, k.location?.path].filter(Boolean).join(', ') || '—'}
                </Field>
                <Field label={t('case.ui.caseworker')}>
                  <span data-testid="case-caseworker">{k.caseworker.fullName}</span>
                </Field>
                <Field label={t('case.ui.supervisor')}>{k.supervisor?.fullName ?? '—'}</Field>
                <Field label={t('case.ui.openedAt')}>{fmt.dateTime(k.openedAt)}</Field>
                {k.reviewDue && open && (
                  <Field label={t('case.ui.reviewDue')}>{fmt.calendarDate(k.reviewDue)}</Field>
                )}
                {k.closedAt && (
                  <Field label={t('case.ui.closedAt')}>
                    {fmt.dateTime(k.closedAt)}
                    {k.closureReason ? ` · ${t(`case.closureReason.${k.closureReason}`)}` : ''}
                  </Field>
                )}
                {k.closureSummary && (
                  <Field label={t('case.closureSummary')}>{k.closureSummary}</Field>
                )}
                {k.reopenReason && open && (
                  <Field label={t('case.reopenReason')}>{k.reopenReason}</Field>
                )}
              </Stack>
            </SectionCard>
            <SectionCard
              title={t('case.ui.consent')}
              icon={<IconShieldCheck size={18} />}
              testId="case-consent"
              action={
                edit && (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button
                        size="xs"
                        variant="light"
                        rightSection={<IconChevronDown size={14} />}
                        data-testid="consent-menu"
                      >
                        {t('case.ui.consent.change')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        onClick={() => setDialog({ kind: 'consent' })}
                        data-testid="consent-record"
                      >
                        {t('case.ui.consent.record')}
                      </Menu.Item>
                      {k.consent.processing !== null && !k.consent.withdrawnAt && (
                        <Menu.Item color="red" onClick={() => setDialog({ kind: 'withdraw' })}>
                          {t('case.ui.consent.withdraw')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                )
              }
            >
              <ConsentView c={k.consent} />
            </SectionCard>
            <Part
              title={t('case.ui.attachments')}
              icon={<IconPaperclip size={18} />}
              testId="case-attachments"
              add={
                edit && {
                  label: t('case.ui.attach'),
                  testId: 'attachment-add',
                  onClick: () => setDialog({ kind: 'attach' }),
                }
              }
              empty={k.attachments.length === 0 ? t('case.ui.noAttachments') : null}
            >
              <Stack gap="sm">
                {k.attachments.map((a) => (
                  <Group
                    key={a.id}
                    justify="space-between"
                    wrap="nowrap"
                    align="flex-start"
                    data-testid="attachment-row"
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text
                        size="sm"
                        fw={600}
                        td={a.removedAt ? 'line-through' : undefined}
                        lineClamp={1}
                      >
                        {t(`case.docType.${a.docType}`)} · {a.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatBytes(a.size)} · {fmt.dateTime(a.addedAt)}
                        {a.addedBy ? ` · ${a.addedBy.fullName}` : ''}
                      </Text>
                      {a.removedAt && (
                        <Text size="xs" c="red.7">
                          {t('case.ui.removedBecause', { reason: a.removedReason ?? '' })}
                        </Text>
                      )}
                    </div>
                    {a.fileId && (
                      <Group gap={2} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('case.ui.download')}
                          onClick={() => void saveFile(a.fileId!)}
                        >
                          <IconDownload size={16} />
                        </Button>
                        {edit && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('case.ui.remove')}
                            onClick={() => setDialog({ kind: 'remove', attachment: a })}
                          >
                            <IconTrash size={16} />
                          </Button>
                        )}
                      </Group>
                    )}
                  </Group>
                ))}
              </Stack>
            </Part>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialogTitle} size="lg">
        {dialog?.kind === 'step' && <StepDialog {...props} step={dialog.step} />}
        {dialog?.kind === 'reassign' && <ReassignDialog {...props} />}
        {dialog?.kind === 'service' && <ServiceDialog {...props} />}
        {dialog?.kind === 'note' && <NoteDialog {...props} />}
        {dialog?.kind === 'consent' && <ConsentDialog {...props} />}
        {dialog?.kind === 'withdraw' && <WithdrawConsentDialog {...props} />}
        {dialog?.kind === 'referral' && <ReferralDialog {...props} />}
        {dialog?.kind === 'referralStep' && (
          <ReferralStepDialog {...props} referral={dialog.referral} step={dialog.step} />
        )}
        {dialog?.kind === 'attach' && <AttachDialog {...props} />}
        {dialog?.kind === 'edit' && <EditOpeningDialog {...props} />}
        {dialog?.kind === 'remove' && (
          <RemoveAttachmentDialog {...props} attachment={dialog.attachment} />
        )}
      </Modal>
    </>
  );
}
