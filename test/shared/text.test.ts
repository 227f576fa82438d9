import { describe, expect, it } from 'vitest';
import { longText, optionalText, text } from '../../shared/contract/schemas';
import { findBrokenString } from '../../shared/contract/text';
import { checkInput } from '../../shared/validation';

const keys = (schema: Parameters<typeof checkInput>[0], value: unknown) =>
  checkInput(schema, value).map((i) => i.key);

describe('contract text fields', () => {
  it('refuse lone surrogates, NUL and controls with their own messages', () => {
    expect(keys(text(), 'cek \ud800')).toEqual(['validation.text_encoding']);
    expect(keys(text(), '\udfff')).toEqual(['validation.text_encoding']);
    expect(keys(text(), '\u0000')).toEqual(['validation.text_control']);
    expect(keys(optionalText(), 'a\u0085b')).toEqual(['validation.text_control']);
    expect(keys(text(), 'satu\ndua')).toEqual(['validation.text_single_line']);
    expect(keys(longText(), 'satu\ndua\tok')).toEqual([]);
    expect(keys(longText(), 'satu\u0007')).toEqual(['validation.text_control']);
  });

  it('normalise to NFC before measuring, and keep emoji and RTL marks', () => {
    expect(text(3).parse('e\u0301e\u0301e\u0301')).toBe('ééé');
    expect(text().parse(' 👩‍👩‍👧 ')).toBe('👩‍👩‍👧');
    expect(text().parse('\u200fأحمد')).toBe('\u200fأحمد');
    expect(longText().parse('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('bound the length, however long the input', () => {
    expect(keys(longText(4000), 'x'.repeat(100_000))).toEqual(['validation.too_long']);
  });

  it('find a broken string anywhere in a request, keys included', () => {
    expect(findBrokenString({ a: [{ b: 'ok' }, { c: 'x\ud800' }] })).toEqual({
      path: ['a', 1, 'c'],
      key: 'validation.text_encoding',
    });
    expect(findBrokenString({ 'k\u0000': 1 })?.key).toBe('validation.text_control');
    expect(findBrokenString({ a: 'fine 😀', b: [1, null, true] })).toBeNull();
  });
});
