/**
 * A refusal for a field that is a whole panel (the chosen person, the bed board), shown as a red
 * notice; `data-field-error` lets the form focus it like any marked field.
 */
import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function FieldAlert({ testId, ...props }: AlertProps & { testId: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      role="alert"
      data-testid={testId}
      data-field-error
      {...props}
    />
  );
}
