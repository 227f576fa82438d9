/**
 * The frame every form shares: the `<form>` wired to the form layer (Enter submits), the failure
 * banner on top, and the cancel/submit buttons (busy while saving). `FormModal` puts it in a
 * dialog: Escape or the close button cancel, Ctrl+Enter submits from a text area.
 */
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ButtonProps, MantineSize, ModalProps } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { Form } from '../lib/form';
import { FormFailureAlert } from './FormFailureAlert';

export function FormFrame<T extends object>({
  form,
  children,
  gap = 'md',
  label,
  testId,
}: {
  form: Form<T>;
  children: ReactNode;
  gap?: MantineSize;
  /** Names the form for screen readers where no heading does. */
  label?: string;
  testId?: string;
}) {
  const { attach, onSubmit } = form;
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Enter in a text area is a new line; Ctrl+Enter (Cmd+Enter) sends the form from there too.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !form.busy) {
      e.preventDefault();
      form.onSubmit();
    }
  };
  return (
    <form
      ref={attach}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={label}
      data-testid={testId}
    >
      <Stack gap={gap}>
        <FormFailureAlert form={form} />
        {children}
      </Stack>
    </form>
  );
}

export interface FormActionsProps {
  busy: boolean;
  submitLabel?: string;
  onCancel?: () => void;
  submitProps?: ButtonProps & { 'data-testid'?: string };
  /** Shown at the left of the row (e.g. "Assign to me"). */
  extra?: ReactNode;
  justify?: 'flex-end' | 'flex-start';
}

/** Cancel and submit, right-aligned; the submit shows a spinner and cancel waits while saving. */
export function FormActions({
  busy,
  submitLabel,
  onCancel,
  submitProps,
  extra,
  justify = 'flex-end',
}: FormActionsProps) {
  const t = useT();
  const buttons = (
    <Group justify={justify} gap="sm">
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={busy} {...submitProps}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
  if (!extra) return buttons;
  return (
    <Group justify="space-between" gap="sm">
      {extra}
      {buttons}
    </Group>
  );
}

/** An admin dialog holding one form: title, fields, the failure banner, cancel and submit. */
export function FormModal<T extends object>({
  form,
  title,
  onClose,
  children,
  size,
  submitLabel,
  submitProps,
  extra,
  opened = true,
  centered,
}: {
  form: Form<T>;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: ModalProps['size'];
  submitLabel?: string;
  submitProps?: FormActionsProps['submitProps'];
  extra?: ReactNode;
  opened?: boolean;
  centered?: boolean;
}) {
  // While saving, the dialog stays: closing it would hide the outcome.
  const close = () => {
    if (!form.busy) onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size={size} centered={centered}>
      <FormFrame form={form}>
        {children}
        <FormActions
          busy={form.busy}
          submitLabel={submitLabel}
          onCancel={close}
          submitProps={submitProps}
          extra={extra}
        />
      </FormFrame>
    </Modal>
  );
}
