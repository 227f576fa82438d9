/**
 * A QR code as one filled path. pdfmake draws its own `qr` node as one filled rectangle per
 * dark module, each with its colour, line and dash state written out: about 800 drawing
 * operations and a third of a letter's render time (an SVG path costs as much again in
 * svg-to-pdfkit's parser). Here the same modules (pdfmake's own encoder, so the code is bit for
 * bit what a `qr` node gives), merged into rectangles, are one canvas `path`: one fill, and
 * rendered as cleanly as the separate rectangles. pdfmake does not move a `path` to where the
 * canvas lands, so `offsetVector` is taught to, for these vectors only. Codes are kept for
 * reprints, a few hundred at most.
 */
import { pdfmakeTools, qrEncoder } from './pdfmakeInternals';
import type { CanvasNode, CanvasPath } from './types';

type EccLevel = 'L' | 'M' | 'Q' | 'H';
type Rect = [number, number, number, number]; // x, y, w, h in modules

/** The dark modules as [row][column] booleans, from pdfmake's encoder. */
export function qrModules(text: string, eccLevel: EccLevel): boolean[][] {
  // Without `fit` pdfmake draws 5 units per module and no quiet zone: rectangle = module.
  const [background, ...dark] = qrEncoder.measure({ qr: text, fit: 0, eccLevel })._canvas;
  const n = Math.round(background!.w / 5);
  const rows = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of dark) rows[Math.round(r.y / 5)]![Math.round(r.x / 5)] = true;
  return rows;
}

/** Row runs, a run the same as the one above it growing that one's rectangle downwards. */
function darkRects(rows: boolean[][]): Rect[] {
  const open = new Map<string, Rect>(); // "x,w" → the rectangle still growing
  const rects: Rect[] = [];
  rows.forEach((row, y) => {
    const seen = new Set<string>();
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end += 1;
      const key = `${x},${end - x + 1}`;
      const above = open.get(key);
      if (above && above[1] + above[3] === y) above[3] += 1;
      else {
        const rect: Rect = [x, y, end - x + 1, 1];
        rects.push(rect);
        open.set(key, rect);
      }
      seen.add(key);
      x = end;
    }
    for (const key of open.keys()) if (!seen.has(key)) open.delete(key);
  });
  return rects;
}

const KEEP = 256;
const made = new Map<string, { rects: Rect[]; n: number }>();

function qrRects(text: string, eccLevel: EccLevel) {
  const key = `${eccLevel}|${text}`;
  const have = made.get(key);
  if (have) return have;
  const rows = qrModules(text, eccLevel);
  const out = { rects: darkRects(rows), n: rows.length };
  if (made.size >= KEEP) made.delete(made.keys().next().value!);
  made.set(key, out);
  return out;
}

/** A QR path vector: its rectangles (in points) and where the canvas has been placed. */
interface QrPath extends CanvasPath {
  qrRects: Rect[];
  qrAt: { x: number; y: number };
}

function pathData(rects: Rect[], at: { x: number; y: number }): string {
  let d = '';
  for (const [x, y, w, h] of rects) d += `M${x + at.x} ${y + at.y}h${w}v${h}h${-w}z`;
  return d;
}

let taught = false;
function teachOffset(): void {
  if (taught) return;
  taught = true;
  const original = pdfmakeTools.offsetVector;
  pdfmakeTools.offsetVector = (vector, x, y) => {
    const qr = vector as Partial<QrPath>;
    if (vector.type !== 'path' || !qr.qrRects || !qr.qrAt) return original(vector, x, y);
    // A new object: pdfmake copies vectors shallowly (unbreakable blocks) and moves the copy.
    qr.qrAt = { x: qr.qrAt.x + x, y: qr.qrAt.y + y };
    qr.d = pathData(qr.qrRects, qr.qrAt);
  };
}

/** A QR code `fit` pt wide (whole points per module, as pdfmake's own `qr` node). */
export function qrBlock(text: string, fit: number, eccLevel: EccLevel = 'M'): CanvasNode {
  teachOffset();
  const { rects, n } = qrRects(text, eccLevel);
  const m = Math.floor(fit / n);
  const size = m * n;
  const scaled: Rect[] = rects.map(([x, y, w, h]) => [x * m, y * m, w * m, h * m]);
  const at = { x: 0, y: 0 };
  const path: QrPath = {
    type: 'path',
    d: pathData(scaled, at),
    color: '#000000',
    qrRects: scaled,
    qrAt: at,
  };
  return {
    canvas: [{ type: 'rect', x: 0, y: 0, w: size, h: size, color: '#ffffff', lineWidth: 0 }, path],
  };
}
