/**
 * A button that goes to a page of the app (a link, so it can open in a new window): `to` is a
 * path inside the app with an optional `query`; `icon` is a Tabler icon sized to the button.
 */
import { Button, type ButtonProps } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { href } from '../lib/router';

/** The icon size that suits a button size. */
export function buttonIconSize(size: ButtonProps['size']): number {
  return size === 'compact-sm' || size === 'xs' ? 14 : 18;
}

export function LinkButton({
  to,
  query,
  icon: Icon,
  children,
  ...props
}: {
  to: string;
  query?: Record<string, string | null | undefined>;
  icon?: TablerIcon;
  title?: string;
  children: ReactNode;
} & Omit<ButtonProps, 'leftSection'>) {
  return (
    <Button
      component="a"
      href={href(to, query)}
      leftSection={Icon && <Icon size={buttonIconSize(props.size)} />}
      {...props}
    >
      {children}
    </Button>
  );
}
