/** A civil servant's NIP (18 digits): typed as numbers, shown in the monospace face. */
import { TextInput, type TextInputProps } from '@mantine/core';

export function NipInput(props: TextInputProps) {
  return (
    <TextInput
      inputMode="numeric"
      maxLength={18}
      classNames={{ input: 'pelita-mono' }}
      {...props}
    />
  );
}
