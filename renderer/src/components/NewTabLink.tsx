/**
 * A link that opens a page in a new tab, offered in a browser only: the desktop app opens no
 * second window (a `target="_blank"` link does nothing there), and following it in the same
 * window would lose what the form holds, so the desktop shows the text alone.
 */
import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { inDesktopApp } from '../lib/platform';

export function NewTabLink({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  if (inDesktopApp())
    return (
      <Text fw={600} data-testid={testId}>
        {children}
      </Text>
    );
  return (
    <Anchor href={href} target="_blank" fw={600} data-testid={testId}>
      {children}
    </Anchor>
  );
}
