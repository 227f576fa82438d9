/** A report figure as text, the same on screen and in the PDF: "1.234", "3,5 hari", "45,2%". */
import type { Locale } from '../i18n';
import type { FigureFormat } from '../reference/reports';

const numbers = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}${decimals}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      minimumFractionDigits: 0,
      maximumFractionDigits: decimals,
    });
    numbers.set(key, f);
  }
  return f;
}

export function formatFigure(
  value: number | null,
  format: FigureFormat,
  locale: Locale,
  withUnit = true,
): string {
  if (value === null) return '–';
  if (format === 'int') return numberFormat(locale, 0).format(value);
  const text = numberFormat(locale, 1).format(value);
  if (format === 'percent') return `${text}%`;
  return withUnit ? `${text} ${locale === 'en' ? 'days' : 'hari'}` : text;
}
