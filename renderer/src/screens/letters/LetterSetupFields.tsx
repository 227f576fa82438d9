/**
 * The fields a draft and a template share: the letter's texts (korespondensi parts only in that
 * layout), and signatory, classification code and paper.
 */
import {
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { LETTER_PAPERS, type LetterPaper } from '../../../../shared/reference/letters';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import type { Form } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';

interface SetupValues {
  paper: LetterPaper;
  classificationId: string | null;
  signatoryId: string | null;
}

export function LetterSetupFields<T extends SetupValues>({ form }: { form: Form<T> }) {
  const t = useT();
  const codes = useQuery('letter-codes-active', () => call('letters.classifications', {}));
  const signers = useQuery('letter-signers', () => call('letters.signatories', {}));
  const f = form as unknown as Form<SetupValues>;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Select
        label={t('letter.signatory')}
        data={(signers.data?.signatories ?? []).map((s) => ({
          value: s.id,
          label: `${s.prefix ? `${s.prefix} ` : ''}${s.name} — ${s.position}`,
        }))}
        clearable
        data-testid="letter-signatory"
        {...f.field('signatoryId')}
      />
      <Select
        label={t('letter.classification')}
        data={(codes.data?.classifications ?? []).map((c) => ({
          value: c.id,
          label: `${c.code} ${c.name}`,
        }))}
        allowDeselect={false}
        {...f.field('classificationId')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('letter.paper')}
        </Text>
        <SegmentedControl
          data={LETTER_PAPERS.map((p) => ({ value: p, label: p }))}
          {...f.field('paper')}
        />
      </Stack>
    </SimpleGrid>
  );
}

type TextName =
  | 'subject'
  | 'addressee'
  | 'addresseePlace'
  | 'sifat'
  | 'lampiran'
  | 'body'
  | 'closing'
  | 'tembusan';

/** The letter's texts; `afterBody` sits under the body (the template's placeholder list). */
export function LetterTextFields<T extends Record<TextName, string>>({
  form,
  korespondensi,
  afterBody,
}: {
  form: Form<T>;
  korespondensi: boolean;
  afterBody?: ReactNode;
}) {
  const t = useT();
  const f = form as unknown as Form<Record<TextName, string>>;
  return (
    <>
      <TextInput label={t('letter.subject')} {...f.text('subject')} />
      {korespondensi && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea label={t('letter.addressee')} autosize minRows={1} {...f.text('addressee')} />
          <TextInput label={t('letter.addresseePlace')} {...f.text('addresseePlace')} />
          <TextInput label={t('letter.sifat')} {...f.text('sifat')} />
          <TextInput label={t('letter.lampiran')} {...f.text('lampiran')} />
        </SimpleGrid>
      )}
      <Textarea
        label={t('letter.body')}
        description={t('letter.body.help')}
        autosize
        minRows={8}
        maxRows={24}
        {...f.text('body')}
        data-testid="letter-body"
      />
      {afterBody}
      {korespondensi && (
        <Textarea label={t('letter.closing')} autosize minRows={2} {...f.text('closing')} />
      )}
      <Textarea
        label={t('letter.tembusan')}
        description={t('letter.tembusan.help')}
        autosize
        minRows={2}
        {...f.text('tembusan')}
      />
    </>
  );
}
