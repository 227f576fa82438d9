/**
 * The body of a workflow step's dialog, drawn from the step's description (shared/workflow): what
 * the step means, exactly the fields it requires (StepField), a note, and the confirm button in
 * the step's own colour. The dialog keeps only what is its own: its form's submit, a heading, a
 * field shown on a condition.
 */
import { Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import type { FieldDef, StepDef } from '../../../shared/workflow/types';
import { useT } from '../i18n/I18nProvider';
import type { Form } from '../lib/form';
import { FormActions, FormFrame } from './FormModal';
import { stepColor, StepField, StepHelp } from './StepField';

export function StepForm<T extends object>({
  form,
  def,
  fields,
  note,
  issuesAt = [],
  header,
  children,
  onCancel,
  confirmTestId,
}: {
  form: Form<T>;
  def: StepDef;
  /** The flow's field descriptions; the step's `requires` picks from them. */
  fields: Readonly<Record<string, FieldDef>>;
  /** The free-text note every step may carry (left out when the step requires that field). */
  note: { name: keyof T & string; label: MessageKey };
  /** Checks of the step that land on no input (a missing assessment): shown as text. */
  issuesAt?: readonly string[];
  header?: ReactNode;
  /** Inputs particular to this record type, after the required fields. */
  children?: ReactNode;
  onCancel: () => void;
  confirmTestId: string;
}) {
  const t = useT();
  const required = def.requires ?? [];
  const values = form.values as Record<string, unknown>;
  const set = form.set as (name: string, value: unknown) => void;
  return (
    <FormFrame form={form}>
      {header}
      <StepHelp def={def} />
      {required.map((f, i) => (
        <StepField
          key={f}
          def={fields[f]!}
          name={f}
          value={(values[f] as string | null) ?? null}
          onChange={(value) => set(f, value)}
          error={form.errorText(f)}
          autoFocus={i === 0}
        />
      ))}
      {children}
      {issuesAt.map((name) =>
        form.errorText(name) ? (
          <Text key={name} size="sm" c="red">
            {form.errorText(name)}
          </Text>
        ) : null,
      )}
      {!required.includes(note.name) && (
        <Textarea
          label={t(note.label)}
          data-autofocus={required.length === 0 || undefined}
          {...form.text(note.name)}
        />
      )}
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ color: stepColor(def.emphasis), 'data-testid': confirmTestId }}
      />
    </FormFrame>
  );
}
