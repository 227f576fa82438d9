/**
 * A report table's chart as SVG for the PDF (the printed report is made here, not from the
 * screen): grouped bars or a line, axis with round steps, a legend when more than one series.
 * Text uses the PDF's own Sans font family.
 */
import type { ReportTable } from '../../../shared/contract/reports';

export const CHART_COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00'];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round step (1, 2 or 5 × 10^n) giving about four grid lines up to `max`. */
function niceStep(max: number, whole: boolean): number {
  const raw = Math.max(max, 1) / 4;
  if (whole && raw <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

/** The SVG of `t`'s chart, `width` × `height` pt, labels in the language at `lang` (0 id, 1 en). */
export function chartSvg(t: ReportTable, width: number, height = 170, lang: 0 | 1 = 0): string {
  const series = t.chartColumns;
  const values = t.rows.map((r) => series.map((c) => r.values[c] ?? 0));
  const max = Math.max(0, ...values.flat());
  const step = niceStep(
    max,
    series.every((c) => t.columns[c]!.format === 'int'),
  );
  const top = Math.max(step, Math.ceil(max / step) * step);
  const legend = series.length > 1 ? 16 : 0;
  const left = 34;
  const bottom = 30;
  const plotW = width - left - 6;
  const plotH = height - bottom - legend - 6;
  const y = (v: number) => legend + 6 + plotH - (v / top) * plotH;
  const parts: string[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#dee2e6" stroke-width="0.5"/>`,
      `<text x="${left - 4}" y="${y(v) + 3}" font-size="7" text-anchor="end" font-family="Sans">${Number(v.toFixed(1))}</text>`,
    );
  }
  const slot = plotW / Math.max(1, t.rows.length);
  // Long label lists (30 nights) show every few labels only.
  const every = Math.ceil(t.rows.length / Math.max(1, Math.floor(plotW / 34)));
  t.rows.forEach((r, i) => {
    if (i % every !== 0) return;
    const text = r.label[lang].length > 16 ? `${r.label[lang].slice(0, 15)}…` : r.label[lang];
    parts.push(
      `<text x="${left + slot * (i + 0.5)}" y="${height - bottom + 12}" font-size="7" text-anchor="middle" font-family="Sans">${esc(text)}</text>`,
    );
  });
  if (t.chart === 'line') {
    series.forEach((_, s) => {
      const points = values.map((v, i) => `${left + slot * (i + 0.5)},${y(v[s]!)}`).join(' ');
      parts.push(
        `<polyline points="${points}" fill="none" stroke="${CHART_COLORS[s % 5]}" stroke-width="1.5"/>`,
      );
    });
  } else {
    const barW = (slot * 0.7) / Math.max(1, series.length);
    values.forEach((v, i) =>
      v.forEach((value, s) => {
        const x = left + slot * i + slot * 0.15 + barW * s;
        parts.push(
          `<rect x="${x}" y="${y(value)}" width="${barW}" height="${y(0) - y(value)}" fill="${CHART_COLORS[s % 5]}"/>`,
        );
      }),
    );
  }
  series.forEach((c, s) => {
    const x = left + s * 110;
    parts.push(
      `<rect x="${x}" y="2" width="8" height="8" fill="${CHART_COLORS[s % 5]}"/>`,
      `<text x="${x + 11}" y="9" font-size="7.5" font-family="Sans">${esc(t.columns[c]!.label[lang])}</text>`,
    );
  });
  if (legend === 0) parts.splice(parts.length - series.length * 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
