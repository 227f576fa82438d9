/**
 * `#/cases/new`: opens a case. From a complaint (`?complaint=`) or a shelter stay (`?stay=`) the
 * person and facts come prefilled, so opening is one click on "Buka kasus".
 */
import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Select, Text } from '@mantine/core';
import { IconFolderPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { CaseOrigin } from '../../../../shared/reference/cases';
import type { PpksCode } from '../../../../shared/reference/ppks';
import { call, callChecked } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { NewTabLink } from '../../components/NewTabLink';
import { PageHeader } from '../../components/PageHeader';
import { NotLoaded } from '../../components/PageStates';
import { PpksSelect } from '../../components/PpksSelect';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { href, navigate, useQueryParams } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { PersonSearch } from '../persons/PersonSearch';
import { OpeningOriginFields } from './OpeningFields';

interface Values {
  person: { id: string; fullName: string } | null;
  ppks: PpksCode[];
  origin: CaseOrigin;
  originDetail: string;
  complaintId: string | null;
  stayId: string | null;
  originRegionCode: string | null;
  locationRegionCode: string | null;
  locationAddress: string;
  caseworkerId: string | null;
  supervisorId: string | null;
}

export function CaseNewPage() {
  const q = useQueryParams();
  const source = { complaintId: q.complaint || undefined, stayId: q.stay || undefined };
  const prefill = useQuery(`case-prefill:${q.complaint ?? ''}:${q.stay ?? ''}`, () =>
    call('cases.prefill', source),
  );
  if (!prefill.data) return <NotLoaded query={prefill} />;
  return <CaseForm key={JSON.stringify(source)} prefill={prefill.data} />;
}

function CaseForm({ prefill }: { prefill: Output<'cases.prefill'> }) {
  const t = useT();
  const me = useMe();
  const staff = useQuery('case-staff', () => call('cases.staff', {}));
  const [picking, setPicking] = useState(false);
  const form = useForm<Values, { id: string; number: string }>(
    {
      person: prefill.personId
        ? { id: prefill.personId, fullName: prefill.personName ?? '' }
        : null,
      ppks: prefill.ppks,
      origin: prefill.origin,
      originDetail: prefill.originDetail ?? '',
      complaintId: prefill.complaintId,
      stayId: prefill.stayId,
      originRegionCode: prefill.originRegionCode,
      locationRegionCode: prefill.locationRegionCode,
      locationAddress: prefill.locationAddress ?? '',
      caseworkerId: me.roles.includes('caseworker') ? me.id : null,
      supervisorId: null,
    },
    {
      check: (v) => (v.person ? [] : [{ path: ['personId'], key: 'case.ui.person_required' }]),
      submit: (v) =>
        callChecked('cases.create', {
          personId: v.person?.id ?? '',
          ppks: v.ppks,
          origin: v.origin,
          originDetail: v.originDetail,
          complaintId: v.complaintId,
          stayId: v.stayId,
          originRegionCode: v.originRegionCode,
          locationRegionCode: v.locationRegionCode,
          locationAddress: v.locationAddress,
          caseworkerId: v.caseworkerId,
          supervisorId: v.supervisorId,
        }),
      success: (k) => t('case.ui.opened', { number: k.number }),
      onSaved: (k) => navigate(`/cases/${k.id}`),
    },
  );
  const v = form.values;
  const people = (list: { id: string; fullName: string }[] | undefined) =>
    (list ?? []).map((u) => ({ value: u.id, label: u.fullName }));

  return (
    <>
      <PageHeader title={t('nav.cases.new')} subtitle={t('case.ui.newSubtitle')} />
      {prefill.existing.length > 0 && (
        <Alert color="yellow" variant="light" mb="lg" data-testid="case-existing">
          {t('case.ui.alreadyOpened')}{' '}
          {prefill.existing.map((k) => (
            <Anchor key={k.id} href={href(`/cases/${k.id}`)} ff="monospace" mr="sm">
              {k.number}
            </Anchor>
          ))}
        </Alert>
      )}
      <FormFrame form={form} label={t('nav.cases.new')} testId="case-form">
        <SectionCard title={t('case.ui.section.person')} step={1}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Text size="sm" fw={500} mb={4}>
                {t('case.ui.person')}
              </Text>
              <Paper withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap">
                  {v.person ? (
                    <NewTabLink href={href(`/persons/${v.person.id}`)} testId="case-person">
                      {v.person.fullName}
                    </NewTabLink>
                  ) : (
                    <Text c="dimmed" size="sm">
                      {t('case.ui.noPerson')}
                    </Text>
                  )}
                  <Button
                    variant="light"
                    size="xs"
                    leftSection={<IconSearch size={14} />}
                    onClick={() => setPicking(true)}
                  >
                    {v.person ? t('case.ui.changePerson') : t('case.ui.pickPerson')}
                  </Button>
                </Group>
              </Paper>
              {form.errorText('personId') && (
                <Text size="xs" c="red" mt={4}>
                  {form.errorText('personId')}
                </Text>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PpksSelect
                label={t('case.ui.ppks')}
                description={t('case.ui.ppksHelp')}
                required
                value={v.ppks}
                onChange={(x) => form.set('ppks', x)}
                error={form.errorText('ppks')}
              />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <SectionCard title={t('case.ui.section.origin')} step={2}>
          <OpeningOriginFields form={form} />
        </SectionCard>
        <SectionCard title={t('case.ui.section.staff')} step={3}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('case.ui.caseworker')}
                description={t('case.ui.caseworkerHelp')}
                data={people(staff.data?.caseworkers)}
                {...form.field('caseworkerId')}
                searchable
                clearable
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('case.ui.supervisor')}
                data={people(staff.data?.supervisors)}
                {...form.field('supervisorId')}
                searchable
                clearable
              />
            </Grid.Col>
          </Grid>
        </SectionCard>
        <FormActions
          busy={form.busy}
          onCancel={() => history.back()}
          submitLabel={t('nav.cases.new')}
          submitProps={{ leftSection: <IconFolderPlus size={18} />, 'data-testid': 'case-open' }}
        />
      </FormFrame>
      <Modal
        opened={picking}
        onClose={() => setPicking(false)}
        title={t('case.ui.pickPerson')}
        size="lg"
      >
        {picking && (
          <PersonSearch
            mode="pick"
            autoFocus
            onOpen={(p) => {
              form.set('person', { id: p.id, fullName: p.fullName });
              setPicking(false);
            }}
          />
        )}
      </Modal>
    </>
  );
}
