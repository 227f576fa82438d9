import { describe, expect, it } from 'vitest';
import { letterheadBlock } from '../../../electron/backend/pdf/letterhead';
import { governmentLine, unitName } from '../../../electron/backend/pdf/officeLetterhead';
import {
  contentWidth,
  LETTER_MARGINS,
  PAPER,
  type PaperSize,
} from '../../../electron/backend/pdf/paper';
import { renderPdf } from '../../../electron/backend/pdf/render';
import { pageSizes, pdfText } from './pdfTools';

const HEAD = {
  government: 'PEMERINTAH KOTA BANJARBARU',
  office: 'DINAS SOSIAL',
  address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru 70711',
  phone: '(0511) 4772000',
  email: 'dinsos@banjarbarukota.go.id',
};
const INFO = { title: 'Uji', author: 'Dinas Sosial', createdAt: new Date('2026-11-30T02:00:00Z') };

function page(size: PaperSize) {
  return { size, margins: LETTER_MARGINS, font: 'Serif' as const, fontSize: 12 };
}

describe('the PDF engine', () => {
  it.each(['A4', 'F4'] as const)('makes %s pages within 1 pt of the paper size', async (size) => {
    const bytes = await renderPdf(page(size), INFO, [
      letterheadBlock(HEAD, contentWidth(size, LETTER_MARGINS)),
      'Isi surat.',
    ]);
    const [first] = pageSizes(bytes);
    expect(first!.width).toBeCloseTo(PAPER[size].width, 0);
    expect(first!.height).toBeCloseTo(PAPER[size].height, 0);
    // F4 is 215 × 330 mm, taller than A4's 297 mm.
    expect(PAPER.F4.height - PAPER.A4.height).toBeGreaterThan(90);
  });

  it('writes the letterhead and body as text, in order, with Indonesian letters intact', async () => {
    const bytes = await renderPdf(page('A4'), INFO, [
      letterheadBlock(HEAD, contentWidth('A4', LETTER_MARGINS)),
      'Yth. Kepala Dinas Sosial Kabupaten Banjar — “rujukan” pemulangan ke daerah asal.',
    ]);
    const text = pdfText(bytes);
    const order = [
      'PEMERINTAH KOTA BANJARBARU',
      'DINAS SOSIAL',
      'Jl. Pangeran Suriansyah No. 5',
      'Telepon (0511) 4772000',
      'Yth. Kepala Dinas Sosial Kabupaten Banjar — “rujukan”',
    ];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }
  });

  it('gives the same bytes for the same document and time', async () => {
    const make = () => renderPdf(page('F4'), INFO, ['Sama.']);
    expect(Buffer.from(await make()).equals(Buffer.from(await make()))).toBe(true);
  });

  it('never reads a file or URL a document names', async () => {
    const doc = { image: '/etc/passwd', width: 10 };
    await expect(renderPdf(page('A4'), INFO, [doc])).rejects.toThrow();
    const remote = { image: 'https://example.org/logo.png', width: 10 };
    await expect(renderPdf(page('A4'), INFO, [remote])).rejects.toThrow();
  });
});

describe('the office letterhead', () => {
  it('reads the government and the unit from the profile', () => {
    expect(governmentLine('KOTA BANJARBARU')).toBe('PEMERINTAH KOTA BANJARBARU');
    expect(governmentLine('KAB. BANJAR')).toBe('PEMERINTAH KABUPATEN BANJAR');
    expect(unitName('Dinas Sosial Kota Banjarbaru', 'KOTA BANJARBARU')).toBe('Dinas Sosial');
    expect(unitName('Dinas Sosial Kabupaten Banjar', 'KAB. BANJAR')).toBe('Dinas Sosial');
    expect(unitName('Dinas Sosial', 'KOTA BANJARBARU')).toBe('Dinas Sosial');
  });
});
