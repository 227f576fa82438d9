import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './Brand';
import { LanguageSwitch, ThemeToggle } from './Toggles';

/** Frame for the screens before the shell: setup, sign-in, forced password change. */
export function PublicLayout({
  children,
  officeName,
  size = 'sm',
  hideBrand,
}: {
  children: ReactNode;
  officeName?: string | null;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  hideBrand?: boolean;
}) {
  return (
    <Box mih="100vh" bg="var(--pelita-page-bg)">
      <Container size="lg" py="md">
        <Group justify={hideBrand ? 'flex-end' : 'space-between'}>
          {!hideBrand && <Brand subtitle={officeName} />}
          <Group gap="sm">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </Group>
      </Container>
      <Container size={size} pb={48} pt={{ base: 'md', sm: 'xl' }} component="main" id="main">
        {children}
      </Container>
    </Box>
  );
}
