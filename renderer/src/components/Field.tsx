/** One labelled value of a detail view (person, stay, complaint): small caps label, value under it. */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Field({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <div className="pelita-field-value">{children}</div>
    </div>
  );
}

/** The "—" of a field without a value. */
export function NoValue() {
  return (
    <Text size="sm" c="dimmed" span>
      —
    </Text>
  );
}
