/**
 * The parts of pdfmake (0.3) that sharedFonts.ts and qr.ts change or reuse, loaded with
 * `require` so they are the very module objects pdfmake itself uses (an ES import of a
 * CommonJS module gives a copy of its exports, which pdfmake would never see).
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** pdfmake's pdfkit document class (font loading). */
export const pdfmakeDocument = (
  load('pdfmake/js/PDFDocument.js') as { default: { prototype: object } }
).default;

export interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** pdfmake's QR encoder: the modules of a `qr` node as rectangles. */
export const qrEncoder = (
  load('pdfmake/js/qrEnc.js') as {
    default: {
      measure(node: { qr: string; fit: number; eccLevel: string }): { _canvas: QrRect[] };
    };
  }
).default;

/** pdfmake's helpers; `offsetVector` moves a canvas vector to where it is placed. */
export const pdfmakeTools = load('pdfmake/js/helpers/tools.js') as {
  offsetVector(vector: { type: string }, x: number, y: number): void;
};
