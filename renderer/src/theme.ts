import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm government blue. */
const pelita: MantineColorsTuple = [
  '#ebf3fc',
  '#d7e5f6',
  '#aac9ee',
  '#7aabe6',
  '#5491df',
  '#3c80db',
  '#2f77da',
  '#2265c2',
  '#1959ad',
  '#034c99',
];

const BELOW: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

export const theme = createTheme({
  primaryColor: 'pelita',
  primaryShade: { light: 7, dark: 5 },
  colors: { pelita },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '700',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    // Help text under the field, so inputs side by side stay aligned.
    TextInput: { defaultProps: { inputWrapperOrder: BELOW } },
    PasswordInput: { defaultProps: { inputWrapperOrder: BELOW } },
    Select: { defaultProps: { inputWrapperOrder: BELOW } },
    // Every number typed in Pelita counts whole things (days, beds, years of age, an order).
    NumberInput: {
      defaultProps: { inputWrapperOrder: BELOW, allowDecimal: false, allowNegative: false },
    },
    // Notes grow with their text; two rows say "more than a line fits here".
    Textarea: { defaultProps: { inputWrapperOrder: BELOW, autosize: true, minRows: 2 } },
    // Notices sit on a light tint; a strong (filled) one says so where it is used.
    Alert: { defaultProps: { variant: 'light' } },
    Modal: { defaultProps: { radius: 'lg', overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    // Badges carry short labels (roles, status): never cut them to "Petugas Rum…".
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } },
    },
  },
});
