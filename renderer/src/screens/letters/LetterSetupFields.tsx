/** Signatory, classification code and paper: the same three choices on a draft and a template. */
import { SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
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
