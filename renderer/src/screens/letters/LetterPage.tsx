/**
 * `#/letters/:id`: one letter. A draft is edited here (every placeholder the record could not
 * fill is listed and must be written out); the workflow's steps the user may take are offered;
 * the PDF is previewed (DRAF) or printed (a reprint says SALINAN), each print audited.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { Letter } from '../../../../shared/contract/letters';
import { type LetterPaper } from '../../../../shared/reference/letters';
import { offeredSteps } from '../../../../shared/workflow/engine';
import { letterFlow, type LetterStep } from '../../../../shared/workflow/letters';
import { call, callChecked } from '../../api/rpc';
import { downloadFile } from '../../api/files';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { NotLoaded } from '../../components/PageStates';
import { PdfViewer, pdfToShow, type PdfToShow } from '../../components/PdfViewer';
import { stepColor, StepFields, StepHelp } from '../../components/StepField';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { textsOf, useForm } from '../../lib/form';
import { notify } from '../../lib/notify';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { LetterSetupFields, LetterTextFields } from './LetterSetupFields';
import { LetterStatusBadge } from './StatusBadge';

const TEXTS = [
  'subject',
  'addressee',
  'addresseePlace',
  'sifat',
  'lampiran',
  'body',
  'closing',
  'tembusan',
] as const;

function DraftForm({ letter, onSaved }: { letter: Letter; onSaved: (l: Letter) => void }) {
  const form = useForm(
    {
      ...textsOf(letter, TEXTS),
      paper: letter.paper as LetterPaper,
      classificationId: letter.classificationId as string | null,
      signatoryId: (letter.signatory?.id ?? null) as string | null,
    },
    {
      submit: (v) =>
        callChecked('letters.update', {
          id: letter.id,
          version: letter.version,
          ...v,
          classificationId: v.classificationId ?? '',
        }),
      success: 'letter.saved',
      onSaved,
    },
  );
  return (
    <FormFrame form={form} testId="letter-form">
      <LetterTextFields form={form} korespondensi={letter.layout === 'letter'} />
      <LetterSetupFields form={form} />
      <FormActions busy={form.busy} submitProps={{ 'data-testid': 'letter-save' }} />
    </FormFrame>
  );
}

function StepDialog({
  letter,
  step,
  onDone,
  onCancel,
}: {
  letter: Letter;
  step: LetterStep;
  onDone: (l: Letter) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const def = letterFlow.steps[step];
  const form = useForm(
    { note: '', voidReason: '' },
    {
      submit: (v) =>
        callChecked('letters.transition', {
          id: letter.id,
          version: letter.version,
          to: def.to!,
          note: v.note,
          ...(def.requires?.includes('voidReason') ? { voidReason: v.voidReason } : {}),
        }),
      success: false,
      onSaved: onDone,
    },
  );
  return (
    <FormFrame form={form}>
      <StepHelp def={def} />
      <StepFields names={def.requires ?? []} defs={letterFlow.fields} form={form} blank="" />
      <Textarea label={t('letter.stepNote')} autosize minRows={2} {...form.text('note')} />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ color: stepColor(def.emphasis), 'data-testid': 'step-confirm' }}
      />
    </FormFrame>
  );
}

export function LetterPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const loaded = useQuery(`letter:${id}`, () => call('letters.get', { id }));
  const [fresh, setFresh] = useState<Letter | null>(null);
  const [step, setStep] = useState<LetterStep | null>(null);
  const [printing, setPrinting] = useState(false);
  const [shown, setShown] = useState<PdfToShow | null>(null);
  if (!loaded.data) return <NotLoaded query={loaded} />;
  const l = fresh && fresh.version >= loaded.data.version ? fresh : loaded.data;
  const steps = offeredSteps(letterFlow, l.status, { roles: me.roles, isAssignee: false });
  const canEdit = l.status === 'draft' && me.permissions.includes('letters.write');

  const print = async () => {
    setPrinting(true);
    try {
      const out = await call('letters.pdf', { id: l.id });
      // Shown in the app first: printed from there, or saved.
      const { blob } = await downloadFile(out.fileId);
      setShown(pdfToShow(out.fileId, out.name, blob));
      if (out.copy) notify({ message: t('letter.printedCopy'), color: 'orange' });
      setFresh(await call('letters.get', { id: l.id }));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <PdfViewer pdf={shown} onClose={() => setShown(null)} />
      <Anchor href={href('/letters')} size="sm">
        ← {t('nav.letters')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mt={4} mb="lg" wrap="wrap" gap="md">
        <div>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz={{ base: 22, sm: 26 }} data-testid="letter-title">
              {l.title}
            </Title>
            <LetterStatusBadge status={l.status} size="lg" />
          </Group>
          <Text ff="monospace" fw={600} mt={4} data-testid="letter-number">
            {l.number ?? t('letter.noNumber')}
          </Text>
          <Text c="dimmed" size="sm">
            {t('letter.about')}{' '}
            {l.personId ? (
              <Anchor href={href(`/persons/${l.personId}`)}>{l.sourceLabel}</Anchor>
            ) : (
              l.sourceLabel
            )}
            {l.letterDate ? ` · ${fmt.calendarDate(l.letterDate)}` : ''}
          </Text>
        </div>
        <Group gap="sm">
          {steps.map((s) => (
            <Button
              key={s}
              variant={letterFlow.steps[s].emphasis === 'primary' ? 'filled' : 'light'}
              color={
                letterFlow.steps[s].emphasis === 'danger'
                  ? 'red'
                  : letterFlow.steps[s].emphasis === 'caution'
                    ? 'orange'
                    : undefined
              }
              onClick={() => setStep(s)}
              data-testid={`step-${s}`}
            >
              {t(letterFlow.steps[s].label)}
            </Button>
          ))}
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            loading={printing}
            onClick={() => void print()}
            data-testid="letter-pdf"
          >
            {t(
              l.status === 'issued'
                ? l.prints > 0
                  ? 'letter.reprint'
                  : 'letter.print'
                : 'letter.preview',
            )}
          </Button>
        </Group>
      </Group>

      {l.missing.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          mb="md"
          data-testid="letter-missing"
        >
          {t('letter.missing', { names: l.missing.map((n) => `{{${n}}}`).join(', ') })}
        </Alert>
      )}
      {l.status === 'voided' && (
        <Alert color="red" mb="md" title={t('letter.voidedTitle')}>
          {l.voidReason}
        </Alert>
      )}
      {l.refersTo && (
        <Alert color="blue" mb="md">
          {t('letter.refersTo')}{' '}
          <Anchor href={href(`/letters/${l.refersTo.id}`)}>{l.refersTo.number}</Anchor>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Card withBorder radius="md" style={{ gridColumn: 'span 2' }}>
          {canEdit ? (
            <DraftForm key={l.version} letter={l} onSaved={setFresh} />
          ) : (
            <Stack gap="sm">
              <Field label={t('letter.subject')}>{l.subject}</Field>
              {l.addressee && (
                <Field label={t('letter.addressee')}>
                  {l.addressee}
                  {l.addresseePlace ? ` — di ${l.addresseePlace}` : ''}
                </Field>
              )}
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', tabSize: 12 }}
                data-testid="letter-text"
              >
                {l.body}
              </Text>
              {l.closing && <Text size="sm">{l.closing}</Text>}
            </Stack>
          )}
        </Card>
        <Stack gap="md">
          <Card withBorder radius="md">
            <Stack gap="xs">
              <Field label={t('letter.template')}>{l.templateName}</Field>
              <Field label={t('letter.classification')}>{l.classificationCode}</Field>
              <Field label={t('letter.paper')}>{l.paper}</Field>
              <Field label={t('letter.signatory')}>
                {l.signatory ? `${l.signatory.name} — ${l.signatory.position}` : '—'}
              </Field>
              {l.verificationCode && (
                <Field label={t('letter.verificationCode')}>
                  <Code data-testid="letter-code">{l.verificationCode}</Code>
                </Field>
              )}
              {l.status === 'issued' && (
                <Field label={t('letter.prints')}>{String(l.prints)}</Field>
              )}
            </Stack>
          </Card>
          <Card withBorder radius="md">
            <Text fw={600} mb="xs">
              {t('letter.history')}
            </Text>
            <Stack gap={6}>
              {l.events.map((e) => (
                <Text size="sm" key={e.id}>
                  {fmt.dateTime(e.at)} ·{' '}
                  {e.action
                    ? t(letterFlow.steps[e.action as LetterStep]?.label ?? 'letter.event.edit')
                    : t(`letter.event.${e.kind}` as 'letter.event.edit')}
                  {e.by ? ` · ${e.by.fullName}` : ''}
                  {e.note ? ` — ${e.note}` : ''}
                </Text>
              ))}
            </Stack>
          </Card>
        </Stack>
      </SimpleGrid>

      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(letterFlow.steps[step].label) : ''}
      >
        {step && (
          <StepDialog
            letter={l}
            step={step}
            onCancel={() => setStep(null)}
            onDone={(saved) => {
              setFresh(saved);
              setStep(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
