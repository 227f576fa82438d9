import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';

/** The Pelita mark: a lamp flame ("pelita" is an oil lamp) and the name. */
export function Brand({ subtitle, inverted }: { subtitle?: string | null; inverted?: boolean }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={38} radius="md" variant={inverted ? 'white' : 'filled'} aria-hidden>
        <IconFlame size={22} />
      </ThemeIcon>
      <div style={{ minWidth: 0, lineHeight: 1.2 }}>
        <Text fw={800} fz="lg" lh={1.1} c={inverted ? 'white' : undefined}>
          Pelita
        </Text>
        {subtitle && (
          <Text size="xs" c={inverted ? 'rgba(255,255,255,0.85)' : 'dimmed'} truncate maw={320}>
            {subtitle}
          </Text>
        )}
      </div>
    </Group>
  );
}
