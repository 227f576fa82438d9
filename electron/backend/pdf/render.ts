/**
 * The one PDF engine (letters, reports, receipts): pdfmake in the backend, so the Electron app
 * and the browser host produce the same bytes. Documents are plain data (pdfmake's document
 * definition); fonts come from the app's own files through pdfmake's virtual file system, and
 * every file and URL access is refused, so nothing a user typed can read the disk or the network.
 */
import pdfmake from 'pdfmake';
import { fontFiles, fontTable, type FontFamily } from './fonts';
import { PAPER, type PaperSize } from './paper';
import { shareParsedFonts } from './sharedFonts';
import { serveSvgFonts } from './svgFonts';
import type { Content, DocDefinition } from './types';

let ready = false;
function prepare(): void {
  if (ready) return;
  for (const [name, bytes] of fontFiles()) pdfmake.virtualfs.writeFileSync(name, bytes);
  pdfmake.setFonts(fontTable());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  shareParsedFonts();
  serveSvgFonts(fontFiles());
  ready = true;
}

export interface PdfPage {
  size: PaperSize;
  landscape?: boolean;
  margins: [number, number, number, number];
  font: FontFamily;
  /** Base font size in pt (letters 12, reports 9–10). */
  fontSize: number;
}

export interface PdfInfo {
  title: string;
  /** Who made it: the office name. */
  author: string;
  /** When it was made; fixed by the caller so the same input gives the same bytes. */
  createdAt: Date;
}

/** Lays out `content` on the page and returns the PDF's bytes. */
export async function renderPdf(
  page: PdfPage,
  info: PdfInfo,
  content: Content,
  extra: Pick<DocDefinition, 'header' | 'footer' | 'styles' | 'watermark'> = {},
): Promise<Uint8Array> {
  prepare();
  const { width, height } = PAPER[page.size];
  const doc: DocDefinition = {
    pageSize: { width, height },
    pageOrientation: page.landscape ? 'landscape' : 'portrait',
    pageMargins: page.margins,
    info: {
      title: info.title,
      author: info.author,
      creator: 'Pelita',
      producer: 'Pelita',
      creationDate: info.createdAt,
    },
    defaultStyle: { font: page.font, fontSize: page.fontSize, lineHeight: 1.15 },
    ...extra,
    content,
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
