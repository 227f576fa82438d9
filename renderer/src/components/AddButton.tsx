/**
 * The "add / new" button of lists and pages: a plus icon and a label, either opening a dialog
 * (`onClick`) or going to a form's address (`to`, a path inside the app).
 */
import { Button, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { href } from '../lib/router';

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
  const icon = <IconPlus size={props.size === 'compact-sm' ? 14 : 18} />;
  if (to)
    return (
      <Button
        component="a"
        href={href(to)}
        leftSection={icon}
        title={title}
        data-testid={testId}
        {...props}
      >
        {children}
      </Button>
    );
  return (
    <Button onClick={onClick} leftSection={icon} title={title} data-testid={testId} {...props}>
      {children}
    </Button>
  );
}
