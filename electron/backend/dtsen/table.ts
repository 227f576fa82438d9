/**
 * Reads an uploaded DTSEN list into a header and rows of text, whatever it came as: CSV (comma,
 * semicolon or tab, as Excel in an Indonesian locale saves it; quoted fields; a BOM) or the
 * first sheet of an XLSX workbook. Dates in XLSX cells become YYYY-MM-DD.
 */
import { readSheet } from 'read-excel-file/node';

export interface SheetTable {
  headers: string[];
  rows: string[][];
}

/** Splits CSV text; `"` quotes a field, `""` inside it is one quote. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // A NIK typed as a number loses nothing below 2^53, but never shows as 6.372E+15.
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  return String(v);
}

export async function readTable(bytes: Buffer, mime: string): Promise<SheetTable> {
  const all =
    mime === 'text/csv'
      ? parseCsv(new TextDecoder('utf-8').decode(bytes))
      : (await readSheet(bytes)).map((r) => r.map(cellText));
  const [head = [], ...rows] = all;
  return { headers: head.map((h) => h.trim()), rows };
}
