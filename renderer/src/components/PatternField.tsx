/**
 * A register's number pattern (complaint tickets, case numbers): the input in a fixed-width font,
 * the first problem the shared pattern check finds shown at the field as the admin types, and the
 * codes the pattern may use listed under it.
 */
import { Code, Stack, Text, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { PatternProblem } from '../../../shared/registers/pattern';
import { useT } from '../i18n/I18nProvider';

export function PatternField({
  label,
  tokensLabel,
  tokens,
  problems,
  maxLength,
  input,
}: {
  label: string;
  /** "Codes you can use:" in the screen's words. */
  tokensLabel: string;
  tokens: readonly string[];
  problems: readonly PatternProblem[];
  maxLength: number;
  /** The form's binding (form.text('numberPattern')); a server's message wins over the local check. */
  input: {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
    name: string;
  };
}) {
  const t = useT();
  return (
    <Stack gap="md">
      <TextInput
        label={label}
        required
        maxLength={maxLength}
        classNames={{ input: 'pelita-mono' }}
        {...input}
        error={input.error ?? (problems.length > 0 ? t(problems[0]!) : undefined)}
      />
      <Text size="xs" c="dimmed">
        {tokensLabel}{' '}
        {tokens.map((tok) => (
          <Code key={tok} mr={4}>
            {tok}
          </Code>
        ))}
      </Text>
    </Stack>
  );
}
