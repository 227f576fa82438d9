/**
 * The person a complaint is about, from the person registry: find someone (persons.search), or
 * register them from the complaint (persons.create) when nobody matches. Optional.
 */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLinkOff, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { IDENTITY_STATUSES } from '../../../../shared/reference/persons';
import { callChecked } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { NewTabLink } from '../../components/NewTabLink';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { href } from '../../lib/router';
import { useMe } from '../../session/SessionProvider';
import { PersonSearch } from '../persons/PersonSearch';

export interface LinkedPerson {
  id: string;
  fullName: string;
  nik: string | null;
}

interface QuickValues {
  fullName: string;
  sex: string;
  estimatedAge: number | string;
  identityStatus: string;
  notes: string;
}

function QuickPersonForm({
  initialName,
  notes,
  onCreated,
  onCancel,
}: {
  initialName: string;
  notes: string;
  onCreated: (p: LinkedPerson) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const form = useForm<QuickValues, LinkedPerson>(
    {
      fullName: initialName,
      sex: '',
      estimatedAge: '',
      identityStatus: 'unknown',
      notes,
    },
    {
      submit: (v) =>
        callChecked('persons.create', {
          fullName: v.fullName,
          sex: v.sex === 'M' || v.sex === 'F' ? v.sex : null,
          estimatedAge: v.estimatedAge === '' ? null : Number(v.estimatedAge),
          identityStatus: v.identityStatus as (typeof IDENTITY_STATUSES)[number],
          notes: v.notes,
          namePartial: v.identityStatus === 'unknown',
        }).then((p) => ({ id: p.id, fullName: p.fullName, nik: p.nik })),
      success: false,
      onSaved: onCreated,
    },
  );
  const v = form.values;

  return (
    <FormModal
      form={form}
      title={t('complaint.person.create')}
      onClose={onCancel}
      size="lg"
      submitLabel={t('complaint.person.createAndLink')}
      submitProps={{ leftSection: <IconUserPlus size={16} /> }}
    >
      <Text size="sm" c="dimmed">
        {t('complaint.person.quickHelp')}
      </Text>
      <TextInput
        label={t('person.fullName')}
        description={t('complaint.person.nameHelp')}
        required
        data-autofocus
        {...form.text('fullName')}
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('person.sex')}
        </Text>
        <SegmentedControl
          fullWidth
          value={v.sex || 'unknown'}
          onChange={(s) => form.set('sex', s === 'unknown' ? '' : s)}
          data={[
            { value: 'F', label: t('person.sex.F') },
            { value: 'M', label: t('person.sex.M') },
            { value: 'unknown', label: t('complaint.person.sexUnknown') },
          ]}
        />
      </div>
      <NumberInput
        label={t('person.estimatedAge')}
        min={0}
        max={120}
        {...form.field('estimatedAge')}
      />
      <Select
        label={t('person.identityStatus')}
        data={IDENTITY_STATUSES.map((s) => ({ value: s, label: t(`person.identity.${s}`) }))}
        value={v.identityStatus}
        onChange={(s) => form.set('identityStatus', s ?? 'unknown')}
        allowDeselect={false}
        error={form.errorText('identityStatus')}
      />
      <Textarea label={t('person.notes')} {...form.text('notes')} />
    </FormModal>
  );
}

export function PersonLink({
  value,
  onChange,
  error,
  subject,
}: {
  value: LinkedPerson | null;
  onChange: (p: LinkedPerson | null) => void;
  error?: string;
  /** The complaint's subject, as notes for a person registered from it. */
  subject: string;
}) {
  const t = useT();
  const me = useMe();
  const canCreate = me.permissions.includes('persons.write');
  const [dialog, setDialog] = useState<'search' | 'create' | null>(null);
  const [typed, setTyped] = useState('');

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('complaint.person')}{' '}
        <Text span c="dimmed" size="xs">
          ({t('common.optional')})
        </Text>
      </Text>
      {value ? (
        <Paper withBorder radius="md" p="sm" data-testid="linked-person">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <NewTabLink href={href(`/persons/${value.id}`)}>{value.fullName}</NewTabLink>
              <Text size="xs" c="dimmed" ff="monospace">
                {value.nik ?? t('complaint.person.noNik')}
              </Text>
            </div>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconLinkOff size={14} />}
              onClick={() => onChange(null)}
            >
              {t('complaint.person.unlink')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconSearch size={16} />}
            onClick={() => setDialog('search')}
            data-testid="person-link-search"
          >
            {t('complaint.person.find')}
          </Button>
          {canCreate && (
            <Button
              variant="default"
              leftSection={<IconUserPlus size={16} />}
              onClick={() => setDialog('create')}
              data-testid="person-link-create"
            >
              {t('complaint.person.create')}
            </Button>
          )}
        </Group>
      )}
      <Text size="xs" c={error ? 'red' : 'dimmed'} mt={4}>
        {error ?? t('complaint.person.help')}
      </Text>

      <Modal
        opened={dialog === 'search'}
        onClose={() => setDialog(null)}
        title={t('complaint.person.find')}
        size="lg"
      >
        {dialog === 'search' && (
          <PersonSearch
            mode="pick"
            autoFocus
            onQueryChange={setTyped}
            onOpen={(p) => {
              onChange({ id: p.id, fullName: p.fullName, nik: p.nik });
              setDialog(null);
            }}
            footer={
              canCreate && (
                <Button
                  variant="subtle"
                  leftSection={<IconUserPlus size={16} />}
                  onClick={() => setDialog('create')}
                >
                  {t('complaint.person.noneCreate')}
                </Button>
              )
            }
          />
        )}
      </Modal>
      {dialog === 'create' && (
        <QuickPersonForm
          initialName={typed}
          notes={subject ? t('complaint.person.fromComplaint', { subject }) : ''}
          onCancel={() => setDialog(null)}
          onCreated={(p) => {
            onChange(p);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
