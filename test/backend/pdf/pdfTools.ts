/**
 * PDF checks without a browser, with poppler-utils (installed by .ci/run): page sizes from
 * `pdfinfo`, text in reading order from `pdftotext -layout`, page images from `pdftoppm`, fonts
 * from `pdffonts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool, saying plainly what is missing when poppler-utils is not installed. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `${tool} not found: the PDF checks need poppler-utils (Debian: apt-get install poppler-utils; macOS: brew install poppler; .ci/run installs it)`,
      );
    throw e;
  }
}

function tempPdf(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pelita-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** Each page's size in points, from pdfinfo. */
export function pageSizes(bytes: Uint8Array): { width: number; height: number }[] {
  const file = tempPdf(bytes);
  const info = poppler('pdfinfo', ['-f', '1', '-l', '999', file]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** The text of the document (pages separated by form feeds), laid out as printed. */
export function pdfText(bytes: Uint8Array): string {
  const file = tempPdf(bytes);
  return poppler('pdftotext', ['-layout', file, '-']);
}

/** The base names of the fonts the document uses (subset prefixes dropped), from pdffonts. */
export function pdfFonts(bytes: Uint8Array): string[] {
  const file = tempPdf(bytes);
  const lines = poppler('pdffonts', [file]).split('\n').slice(2);
  const names = lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).filter(Boolean);
  return [...new Set(names)].sort();
}

/** Renders every page to PNG at `dpi` and returns the files' paths, first page first. */
export function pageImages(bytes: Uint8Array, dpi = 100, outDir?: string): string[] {
  const file = tempPdf(bytes);
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'pelita-png-'));
  poppler('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}
