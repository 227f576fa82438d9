import { describe, expect, it } from 'vitest';
import { qrBlock, qrModules } from '../../../electron/backend/pdf/qr';
import { pdfmakeTools } from '../../../electron/backend/pdf/pdfmakeInternals';
import { LETTER_MARGINS } from '../../../electron/backend/pdf/paper';
import { renderPdf } from '../../../electron/backend/pdf/render';
import type { CanvasPath } from '../../../electron/backend/pdf/types';
import { decodeQr } from '../letters/fixtures';

const TEXT = `PELITA-SURAT-1|400.9/0001/Dinsos/2026|2026-11-27|63.72|${'a'.repeat(64)}|${'B'.repeat(86)}`;
const INFO = { title: 'Uji', author: 'Dinas Sosial', createdAt: new Date('2026-11-30T02:00:00Z') };

describe('the QR code as one path', () => {
  it('covers exactly the dark modules of pdfmake’s own QR code', () => {
    const modules = qrModules(TEXT, 'M');
    const n = modules.length;
    const block = qrBlock(TEXT, n * 2, 'M'); // 2 pt per module
    const path = block.canvas[1] as CanvasPath;
    const painted = modules.map((row) => row.map(() => 0));
    for (const [, x, y, w, h] of path.d.matchAll(/M(\d+) (\d+)h(\d+)v(\d+)h-\d+z/g)) {
      for (let r = Number(y) / 2; r < (Number(y) + Number(h)) / 2; r += 1)
        for (let c = Number(x) / 2; c < (Number(x) + Number(w)) / 2; c += 1) painted[r]![c]! += 1;
    }
    expect(painted).toEqual(modules.map((row) => row.map((dark) => (dark ? 1 : 0))));
  });

  it('moves with the canvas; a shallow copy moves without moving the original', () => {
    const path = qrBlock(TEXT, 78, 'M').canvas[1] as CanvasPath;
    const first = /^M(\d+) (\d+)/.exec(path.d)!.slice(1).map(Number);
    const copy = { ...path };
    pdfmakeTools.offsetVector(copy, 100, 200);
    expect(/^M(\d+) (\d+)/.exec(copy.d)!.slice(1).map(Number)).toEqual([
      first[0]! + 100,
      first[1]! + 200,
    ]);
    pdfmakeTools.offsetVector(path, 1, 2);
    expect(/^M(\d+) (\d+)/.exec(path.d)!.slice(1).map(Number)).toEqual([
      first[0]! + 1,
      first[1]! + 2,
    ]);
  });

  it('lands where the canvas is laid out, also inside an unbreakable block, and decodes', async () => {
    const page = {
      size: 'A4' as const,
      margins: LETTER_MARGINS,
      font: 'Serif' as const,
      fontSize: 12,
    };
    const pdf = await renderPdf(page, INFO, [
      { text: 'Isi surat.\n'.repeat(30) },
      {
        columns: [
          { stack: [qrBlock(TEXT, 78)], margin: [0, 40, 12, 0], width: '*' },
          'Tanda tangan',
        ],
        unbreakable: true,
      },
    ]);
    expect(decodeQr(pdf)).toBe(TEXT);
  });
});
