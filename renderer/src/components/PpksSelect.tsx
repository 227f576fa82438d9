/** Multi-select of the 26 PPKS categories, searchable by name or number. */
import { MultiSelect } from '@mantine/core';
import type { PpksCode } from '../../../shared/reference/ppks';
import { useI18n, useT } from '../i18n/I18nProvider';
import { ppksOptions } from '../lib/ppks';

export function PpksSelect({
  value,
  onChange,
  error,
  required,
  label,
  description,
  testId = 'ppks-select',
}: {
  value: string[];
  onChange: (v: PpksCode[]) => void;
  error?: string;
  required?: boolean;
  /** The check-in's wording unless a screen says otherwise. */
  label?: string;
  description?: string;
  testId?: string;
}) {
  const t = useT();
  const { locale } = useI18n();
  return (
    <MultiSelect
      label={label ?? t('checkin.ppks')}
      description={description ?? t('checkin.ppks.help')}
      placeholder={value.length ? undefined : t('checkin.ppks.placeholder')}
      data={ppksOptions(locale)}
      value={value}
      onChange={(v) => onChange(v as PpksCode[])}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('common.noResults')}
      maxDropdownHeight={320}
      required={required}
      error={error}
      data-testid={testId}
    />
  );
}
