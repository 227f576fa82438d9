/**
 * One field a workflow step asks for, drawn from its description (shared/workflow): a line of
 * text, a longer text, or a choice from a list. Every record type's step dialogs use it.
 */
import { Select, Text, Textarea, TextInput } from '@mantine/core';
import type { FieldDef, StepDef } from '../../../shared/workflow/types';
import type { Form } from '../lib/form';
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

/** The button colour of a step: red for the danger ones, orange for those to think twice about. */
export function stepColor(emphasis: StepDef['emphasis']): string | undefined {
  return emphasis === 'danger' ? 'red' : emphasis === 'caution' ? 'orange' : undefined;
}

/** A step's explanation, over its fields. */
export function StepHelp({ def }: { def: Pick<StepDef, 'help'> }) {
  const t = useT();
  return def.help ? (
    <Text size="sm" c="dimmed">
      {t(def.help)}
    </Text>
  ) : null;
}

/**
 * The fields a step requires, bound to the dialog's form; the first takes the focus. `blank` is
 * what a cleared choice holds in forms whose values are all text.
 */
export function StepFields<K extends string, T extends Record<K, string | null>>({
  names,
  defs,
  form,
  blank = null,
}: {
  names: readonly K[];
  defs: Record<K, FieldDef>;
  form: Pick<Form<T>, 'values' | 'set' | 'errorText'>;
  blank?: '' | null;
}) {
  return names.map((f, i) => (
    <StepField
      key={f}
      def={defs[f]}
      name={f}
      value={form.values[f]}
      onChange={(value) => form.set(f, (value ?? blank) as T[K])}
      error={form.errorText(f)}
      autoFocus={i === 0}
    />
  ));
}
