/**
 * One field a workflow step asks for, drawn from its description (shared/workflow): a line of
 * text, a longer text, or a choice from a list. Every record type's step dialogs use it.
 */
import { Select, Textarea, TextInput } from '@mantine/core';
import type { FieldDef } from '../../../shared/workflow/types';
import { useT } from '../i18n/I18nProvider';

export function StepField({
  def,
  name,
  value,
  onChange,
  error,
  autoFocus,
}: {
  def: FieldDef;
  name: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
  autoFocus?: boolean;
}) {
  const t = useT();
  const common = {
    name,
    label: t(def.label),
    description: def.help ? t(def.help) : undefined,
    // Fields are asked only where the step requires them.
    required: true,
    error,
    'data-autofocus': autoFocus || undefined,
  };
  switch (def.input.kind) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'longText':
      return (
        <Textarea
          {...common}
          minRows={def.input.minRows}
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'choice': {
      const { options, optionLabel } = def.input;
      return (
        <Select
          {...common}
          data={options.map((o) => ({ value: o, label: t(optionLabel(o)) }))}
          value={value}
          onChange={onChange}
        />
      );
    }
  }
}
