/**
 * The "add / new" button of lists and pages: a plus icon and a label, either opening a dialog
 * (`onClick`) or going to a form's address (`to`, a path inside the app).
 */
import { Button, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { buttonIconSize, LinkButton } from './LinkButton';

export function AddButton({
  children,
  onClick,
  to,
  title,
  testId,
  ...props
}: {
  children: ReactNode;
  onClick?: () => void;
  to?: string;
  title?: string;
  testId?: string;
} & Omit<ButtonProps, 'leftSection'>) {
  if (to)
    return (
      <LinkButton to={to} icon={IconPlus} title={title} data-testid={testId} {...props}>
        {children}
      </LinkButton>
    );
  const icon = <IconPlus size={buttonIconSize(props.size)} />;
  return (
    <Button onClick={onClick} leftSection={icon} title={title} data-testid={testId} {...props}>
      {children}
    </Button>
  );
}
