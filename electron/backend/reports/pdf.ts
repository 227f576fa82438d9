/**
 * A report printed: the office letterhead, the title and period, the headline figures, then each
 * table under its chart (drawn here as SVG), in Bahasa Indonesia, with page numbers.
 */
import type { Report } from '../../../shared/contract/reports';
import { formatDateTime } from '../../../shared/format';
import { formatFigure } from '../../../shared/reports/figures';
import { periodLabel } from '../../../shared/reports/period';
import { letterheadBlock, type Letterhead } from '../pdf/letterhead';
import { contentWidth, REPORT_MARGINS, type PaperSize } from '../pdf/paper';
import { renderPdf } from '../pdf/render';
import type { Content, TableLayout } from '../pdf/types';
import { chartSvg } from './chartSvg';

const GRID: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#adb5bd',
  vLineColor: () => '#adb5bd',
  fillColor: (row) => (row === 0 ? '#e9ecef' : null),
};

export interface PrintedBy {
  office: string;
  letterhead: Letterhead | null;
  user: string;
  timeZone: string;
}

export function reportTitle(r: Report): string {
  return `${r.title[0]} – ${periodLabel(r.from, r.to, 'id')}`;
}

export async function reportPdf(r: Report, paper: PaperSize, by: PrintedBy): Promise<Uint8Array> {
  const width = contentWidth(paper, REPORT_MARGINS);
  const madeAt = new Date(r.madeAt);
  const content: Content[] = [];
  if (by.letterhead) content.push(letterheadBlock(by.letterhead, width));
  content.push(
    { text: r.title[0].toUpperCase(), bold: true, fontSize: 13, alignment: 'center' },
    {
      text: `Periode: ${periodLabel(r.from, r.to, 'id')}`,
      alignment: 'center',
      margin: [0, 2, 0, 0],
    },
    {
      text: `Dibuat ${formatDateTime(madeAt, { locale: 'id', timeZone: by.timeZone })} oleh ${by.user}`,
      alignment: 'center',
      fontSize: 8,
      color: '#495057',
      margin: [0, 2, 0, 10],
    },
    {
      table: {
        widths: ['*', 90],
        body: r.figures.map((f) => [
          f.label[0],
          { text: formatFigure(f.value, f.format, 'id'), alignment: 'right', bold: true },
        ]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
  );
  for (const t of r.tables) {
    const block: Content[] = [{ text: t.title[0], bold: true, fontSize: 11, margin: [0, 8, 0, 4] }];
    if (t.rows.length === 0) {
      block.push({ text: 'Tidak ada data pada periode ini.', italics: true, color: '#495057' });
      content.push({ stack: block, unbreakable: true });
      continue;
    }
    if (t.chart && t.chartColumns.length > 0) block.push({ svg: chartSvg(t, width), width });
    const body: Content[][] = [
      [
        { text: t.head[0], bold: true },
        ...t.columns.map((c) => ({ text: c.label[0], bold: true, alignment: 'right' as const })),
      ],
      ...t.rows.map((row) => [
        row.label[0],
        ...row.values.map((v, i) => ({
          text: formatFigure(v, t.columns[i]!.format, 'id', false),
          alignment: 'right' as const,
        })),
      ]),
    ];
    content.push({ stack: block, unbreakable: true });
    content.push({
      table: { widths: ['*', ...t.columns.map(() => 70)], headerRows: 1, body },
      layout: GRID,
      fontSize: 8.5,
    });
    if (t.note)
      content.push({ text: t.note[0], fontSize: 7.5, color: '#495057', margin: [0, 2, 0, 0] });
  }
  return renderPdf(
    { size: paper, margins: REPORT_MARGINS, font: 'Sans', fontSize: 9 },
    { title: reportTitle(r), author: by.office, createdAt: madeAt },
    content,
    {
      footer: (page, pages) => ({
        text: `${reportTitle(r)} · Halaman ${page} dari ${pages}`,
        fontSize: 7.5,
        color: '#495057',
        alignment: 'center',
        margin: [0, 14, 0, 0],
      }),
    },
  );
}
