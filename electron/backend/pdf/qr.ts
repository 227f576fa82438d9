/**
 * A QR code as one SVG path. pdfmake draws its own `qr` node as one filled rectangle per dark
 * module, each with its colour, line and dash state written out: about 800 drawing operations
 * and a third of a letter's render time. The same modules (pdfmake's own encoder, so the code
 * is bit for bit what a `qr` node gives) drawn as one path of row runs print the same and cost
 * one operation. Codes are kept for reprints, a few hundred at most.
 */
import qrModule from 'pdfmake/js/qrEnc.js';
import type { SvgNode } from './types';

interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}
type Measure = (node: { qr: string; fit: number; eccLevel: string }) => {
  _canvas: QrRect[];
  _width: number;
};
// CommonJS from ES modules: Node's import gives the exports object, a bundler its default.
const qrEnc = qrModule as { measure?: Measure; default?: { measure: Measure } };
const measure = (qrEnc.measure ?? qrEnc.default!.measure) as Measure;

const KEEP = 256;
const made = new Map<string, { svg: string; size: number }>();

/** The dark modules as [row][column] booleans, from pdfmake's encoder. */
export function qrModules(text: string, eccLevel: 'L' | 'M' | 'Q' | 'H'): boolean[][] {
  // With fit = n (one unit per module) the canvas's rectangles are the modules themselves.
  const probe = measure({ qr: text, fit: 0, eccLevel });
  const [background, ...dark] = probe._canvas;
  const n = Math.round(background!.w / 5); // module size 5 when no fit is given
  const rows = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of dark) rows[Math.round(r.y / 5)]![Math.round(r.x / 5)] = true;
  return rows;
}

function qrSvg(text: string, fit: number, eccLevel: 'L' | 'M' | 'Q' | 'H') {
  const key = `${eccLevel}${fit}|${text}`;
  const have = made.get(key);
  if (have) return have;
  const rows = qrModules(text, eccLevel);
  const n = rows.length;
  // pdfmake's size: whole points per module, so the modules land on the same grid as before.
  const size = Math.floor(fit / n) * n;
  let d = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < n; x += 1) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < n && row[end + 1]) end += 1;
      d += `M${x} ${y}h${end - x + 1}v1h${x - end - 1}z`;
      x = end;
    }
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${n} ${n}">` +
    `<rect width="${n}" height="${n}" fill="#ffffff"/><path d="${d}" fill="#000000"/></svg>`;
  const out = { svg, size };
  if (made.size >= KEEP) made.delete(made.keys().next().value!);
  made.set(key, out);
  return out;
}

/** A QR code `fit` pt wide (rounded down to whole points per module, as pdfmake does). */
export function qrBlock(
  text: string,
  fit: number,
  eccLevel: 'L' | 'M' | 'Q' | 'H' = 'M',
): SvgNode {
  const { svg, size } = qrSvg(text, fit, eccLevel);
  return { svg, width: size, height: size };
}
