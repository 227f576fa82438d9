/**
 * `#/shelter/checkin` (optional `?person=`, `?bed=`, `?shelter=`, `?complaint=`): who, when,
 * referred by whom, PPKS categories, condition, belongings, which bed.
 */
import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconLogin2,
  IconMessageReport,
  IconUserPlus,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';

import { Output } from '../../../../shared/contract';
import { PersonSummary } from '../../../../shared/contract/persons';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { PPKS_CODES, type PpksCode } from '../../../../shared/reference/ppks';
import { REFERRAL_SOURCES } from '../../../../shared/reference/shelter';
import { call, callChecked, validationError } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { DateTimeField } from '../../components/DateField';
import { FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { href, navigate, useQueryParams } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { IdentityBadge, LastStayText, PersonLines } from '../persons/PersonFacts';
import { PersonForm } from '../persons/PersonForm';
import { PersonSearch } from '../persons/PersonSearch';
import { BedPicker } from './BedPicker';
import { FieldAlert } from './FieldAlert';
import { overrideIssues, PlacementWarning, useMismatches } from './PlacementWarning';
import { loadComplaint } from './complaintRef';
import { PpksSelect } from '../../components/PpksSelect';
import { useShelters } from './useShelters';
import { SectionCard } from '../../components/SectionCard';

interface CheckinValues {
  personId: string;
  bedId: string | null;
  checkinAt: string;
  referralSource: (typeof REFERRAL_SOURCES)[number] | null;
  referralDetail: string;
  ppks: PpksCode[];
  condition: string;
  healthNotes: string;
  belongings: string;
  complaintId: string;
  overrideReason: string;
}

function ChosenPerson({ person, onChange }: { person: PersonSummary; onChange: () => void }) {
  const t = useT();
  const inShelter = person.lastStay && !person.lastStay.checkoutAt;
  return (
    <Stack gap="sm">
      <Paper
        withBorder
        radius="md"
        p="md"
        bg="var(--mantine-primary-color-light)"
        data-testid="checkin-person"
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonLines
            person={person}
            name={
              <Anchor href={href(`/persons/${person.id}`)} fw={700} fz="lg" target="_self">
                {person.fullName}
              </Anchor>
            }
          >
            <LastStayText lastStay={person.lastStay} />
          </PersonLines>
          <Stack gap="xs" align="flex-end">
            <IdentityBadge status={person.identityStatus} />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconX size={14} />}
              onClick={onChange}
            >
              {t('checkin.person.change')}
            </Button>
          </Stack>
        </Group>
      </Paper>
      {inShelter && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('checkin.person.inShelter')}{' '}
          <Anchor href={href(`/shelter/stays/${person.lastStay!.stayId}`)}>
            {t('person.openStay')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}

export function CheckinPage() {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const query = useQueryParams();
  const bedParam = query.bed ?? null;
  const { list, shelters, selected, choose } = useShelters(query.shelter ?? null);
  const bedShelter = bedParam
    ? shelters.find((s) => s.rooms.some((r) => r.beds.some((b) => b.id === bedParam)))
    : undefined;
  const [shelterChoice, setShelterChoice] = useState<string | null>(null);
  const shelter = shelters.find((s) => s.id === shelterChoice) ?? bedShelter ?? selected ?? null;

  const form = useForm<CheckinValues, Output<'stays.checkIn'>>(
    () => ({
      personId: '',
      bedId: bedParam,
      checkinAt: isoToZonedTime(new Date(), fmt.timeZone),
      referralSource: null,
      referralDetail: '',
      ppks: [],
      condition: '',
      healthNotes: '',
      belongings: '',
      complaintId: query.complaint ?? '',
      overrideReason: '',
    }),
    {
      // Said in the words of this screen: "choose a person", "choose a bed".
      check: (v) => [
        ...(person ? [] : [{ path: ['personId'], key: 'checkin.person.required' as const }]),
        ...(v.bedId ? [] : [{ path: ['bedId'], key: 'checkin.bed.required' as const }]),
        ...(zonedTimeToIso(v.checkinAt, fmt.timeZone)
          ? []
          : [{ path: ['checkinAt'], key: 'date.invalidTime' as const }]),
        ...(v.referralSource
          ? []
          : [{ path: ['referralSource'], key: 'validation.required' as const }]),
        ...(v.ppks.length ? [] : [{ path: ['ppks'], key: 'stay.ppks_required' as const }]),
        ...overrideIssues(mismatches, v.overrideReason),
      ],
      submit: (v) =>
        callChecked('stays.checkIn', {
          personId: person!.id,
          bedId: v.bedId!,
          checkinAt: zonedTimeToIso(v.checkinAt, fmt.timeZone)!,
          referralSource: v.referralSource!,
          referralDetail: v.referralDetail,
          ppks: v.ppks,
          condition: v.condition,
          healthNotes: v.healthNotes,
          belongings: v.belongings,
          ...(v.complaintId ? { complaintId: v.complaintId } : {}),
          ...(mismatches.length > 0 ? { overrideReason: v.overrideReason } : {}),
        }),
      success: (stay) => t('checkin.done', { name: stay.person.fullName, bed: stay.bedLabel }),
      onSaved: (stay) => navigate(`/shelter/stays/${stay.id}`),
      // Taken meanwhile: said at the bed or the person, the bed board shown afresh.
      onFailure: (error) => {
        if (error.key === 'stay.bed_occupied') {
          form.set('bedId', null);
          form.fail(
            validationError([{ path: ['bedId'], key: 'checkin.bedTaken', params: error.params }]),
          );
          setRefresh((n) => n + 1);
          return true;
        }
        if (error.key === 'stay.person_already_in') {
          form.fail(
            validationError([{ path: ['personId'], key: error.key, params: error.params }]),
          );
          return true;
        }
        return false;
      },
    },
  );
  const v = form.values;

  // The complaint's facts prefill what is still empty; only those who read complaints get a link.
  const canReadComplaints = me.permissions.includes('complaints.read');
  const complaint = useQuery(
    query.complaint ? `ci-complaint:${query.complaint}` : null,
    async () => {
      const c = await loadComplaint(query.complaint!);
      const codes = c.ppks.filter((p): p is PpksCode =>
        (PPKS_CODES as readonly string[]).includes(p),
      );
      if (codes.length && form.values.ppks.length === 0) form.set('ppks', codes);
      if (!form.values.referralSource) form.set('referralSource', c.referralSource);
      if (!form.values.referralDetail.trim()) form.set('referralDetail', c.referralDetail);
      if (!form.values.condition.trim()) form.set('condition', c.condition);
      return c;
    },
  );
  const prefillPersonId = query.person ?? complaint.data?.personId ?? null;
  const prefilled = useQuery(prefillPersonId ? `ci-person:${prefillPersonId}` : null, () =>
    call('persons.get', { id: prefillPersonId! }),
  );
  // undefined: not changed here, so the person from the address (or complaint) counts.
  const [picked, setPicked] = useState<PersonSummary | null | undefined>(undefined);
  const person = picked !== undefined ? picked : (prefilled.data?.person ?? null);
  const mismatches = useMismatches(person, shelter, v.bedId);

  const [newOpen, newModal] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [refresh, setRefresh] = useState(0);

  const pick = (p: PersonSummary | null) => {
    setPicked(p);
    form.setError('personId', null);
  };

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoader />;

  const personError = form.errorText('personId');
  return (
    <>
      <PageHeader title={t('checkin.title')} subtitle={t('checkin.subtitle')} />
      <Box maw={1100}>
        <FormFrame form={form} gap="lg">
          {query.complaint && (
            <Alert
              color="grape"
              variant="light"
              icon={<IconMessageReport size={20} />}
              title={t('checkin.complaint')}
              data-testid="checkin-complaint"
            >
              {complaint.data ? (
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {[complaint.data.number, complaint.data.location].filter(Boolean).join(' · ')}
                  </Text>
                  {canReadComplaints && (
                    <Anchor href={href(`/complaints/${query.complaint}`)} size="sm">
                      {t('checkin.complaint.open')}
                    </Anchor>
                  )}
                </Group>
              ) : complaint.loading ? (
                <Skeleton h={16} w={240} />
              ) : (
                <Text size="sm">{t('checkin.complaint.linked')}</Text>
              )}
            </Alert>
          )}

          <SectionCard step={1} title={t('checkin.person')}>
            {personError && (
              <FieldAlert testId="person-error" mb="md">
                {personError}
              </FieldAlert>
            )}
            {prefillPersonId && picked === undefined && prefilled.loading && !prefilled.data ? (
              <Skeleton h={96} radius="md" />
            ) : person ? (
              <ChosenPerson person={person} onChange={() => pick(null)} />
            ) : (
              <PersonSearch
                mode="pick"
                autoFocus
                onOpen={pick}
                onQueryChange={setTyped}
                footer={
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconUserPlus size={16} />}
                      onClick={newModal.open}
                      data-testid="checkin-new-person"
                    >
                      {t('checkin.person.new')}
                    </Button>
                  </Group>
                }
              />
            )}
          </SectionCard>

          <SectionCard step={2} title={t('checkin.details')}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateTimeField
                  label={t('checkin.at')}
                  description={t('checkin.at.help', { zone: fmt.zone })}
                  required
                  value={v.checkinAt}
                  onChange={(at) => form.set('checkinAt', at)}
                  error={form.errorText('checkinAt')}
                  data-testid="checkin-at"
                />
                <div />
                <Select
                  label={t('checkin.referralSource')}
                  required
                  placeholder={t('person.form.choose')}
                  {...form.choice('referralSource')}
                  data={REFERRAL_SOURCES.map((r) => ({ value: r, label: t(`referral.${r}`) }))}
                  data-testid="referral-source"
                />
                <TextInput
                  label={t('checkin.referralDetail')}
                  description={t('checkin.referralDetail.help')}
                  maxLength={300}
                  {...form.text('referralDetail')}
                />
              </SimpleGrid>
              <PpksSelect
                value={v.ppks}
                onChange={(p) => form.set('ppks', p)}
                error={form.errorText('ppks')}
                required
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Textarea
                  label={t('checkin.condition')}
                  minRows={3}
                  maxLength={1000}
                  {...form.text('condition')}
                />
                <Textarea
                  label={t('checkin.healthNotes')}
                  minRows={3}
                  maxLength={1000}
                  {...form.text('healthNotes')}
                />
                <Textarea
                  label={t('checkin.belongings')}
                  description={t('checkin.belongings.help')}
                  minRows={3}
                  maxLength={1000}
                  {...form.text('belongings')}
                />
              </SimpleGrid>
            </Stack>
          </SectionCard>

          <SectionCard
            step={3}
            title={t('checkin.bed')}
            action={
              shelters.length > 1 && shelter ? (
                <Select
                  aria-label={t('shelter.choose')}
                  value={shelter.id}
                  onChange={(id) => {
                    if (!id) return;
                    setShelterChoice(id);
                    choose(id);
                    form.set('bedId', null);
                  }}
                  data={shelters.map((s) => ({ value: s.id, label: s.name }))}
                  allowDeselect={false}
                  w={260}
                />
              ) : shelter ? (
                <Text c="dimmed" fw={600}>
                  {shelter.name}
                </Text>
              ) : null
            }
          >
            {shelter ? (
              <BedPicker
                shelterId={shelter.id}
                value={v.bedId}
                onChange={(id) => form.set('bedId', id)}
                error={form.errorText('bedId')}
                refresh={refresh}
              />
            ) : (
              <Text c="dimmed">{t('shelter.none')}</Text>
            )}
            <PlacementWarning mismatches={mismatches} reason={form.text('overrideReason')} />
          </SectionCard>

          <Group justify="flex-end">
            <Button variant="default" component="a" href={href('/shelter')} disabled={form.busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              size="md"
              loading={form.busy}
              leftSection={<IconLogin2 size={18} />}
              data-testid="checkin-submit"
            >
              {t('checkin.submit')}
            </Button>
          </Group>
        </FormFrame>
      </Box>

      <Modal
        opened={newOpen}
        onClose={newModal.close}
        title={t('person.newTitle')}
        size={1040}
        centered={false}
      >
        <PersonForm
          prefill={typed.trim() ? { fullName: typed.trim() } : undefined}
          onSaved={(p) => {
            pick(p);
            newModal.close();
          }}
          onCancel={newModal.close}
          onUseExisting={(c) => {
            pick(c);
            newModal.close();
          }}
          useExistingLabel={t('person.duplicates.use')}
        />
      </Modal>
    </>
  );
}
