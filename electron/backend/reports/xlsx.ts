/**
 * XLSX workbooks with write-excel-file, built in a worker thread: a 100,000-row register takes
 * seconds of CPU and hundreds of MB, which must not stall the backend that serves every window.
 * The main thread sends plain data (cells as strings and numbers, a kind per column); the worker
 * turns it into typed, formatted cells: NIK and codes as text (Excel would round a 16-digit
 * number), counts with thousands separators, percentages as percentages, dates as dates.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'date' | 'datetime';
export type Cell = string | number | null;

export interface SheetSpec {
  /** The sheet's tab name (Excel allows 31 characters). */
  name: string;
  /** Lines above the table: office, report and period, when made. The first is bold. */
  title: string[];
  columns: { header: string; kind: ColumnKind; width?: number }[];
  rows: Cell[][];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Office-zone offset, for date-times (stored UTC) shown as office wall-clock time. */
  offsetMinutes: number;
}

// Plain CommonJS run with `eval`: no build step has to know about a second entry file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const writeXlsxFile = require(workerData.module).default;
const { sheets, offsetMinutes } = workerData.spec;
const FORMATS = { int: '#,##0', decimal: '#,##0.0', percent: '0.0%', date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' };
function cell(kind, v) {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'text') return { value: String(v), type: String, format: '@' };
  if (kind === 'date') return { value: new Date(v + 'T00:00:00Z'), type: Date, format: FORMATS.date };
  if (kind === 'datetime')
    return { value: new Date(Date.parse(v) + offsetMinutes * 60000), type: Date, format: FORMATS.datetime };
  if (kind === 'percent') return { value: v / 100, type: Number, format: FORMATS.percent };
  return { value: v, type: Number, format: FORMATS[kind] };
}
const data = sheets.map((s) => {
  const span = s.columns.length;
  const pad = (first) => [first, ...new Array(span - 1).fill(null)];
  const out = s.title.map((t, i) =>
    pad({ value: t, type: String, columnSpan: span, fontWeight: i === 0 ? 'bold' : undefined }));
  out.push(pad(null));
  out.push(s.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold', wrap: true })));
  const kinds = s.columns.map((c) => c.kind);
  for (const row of s.rows) out.push(row.map((v, i) => cell(kinds[i], v)));
  return out;
});
writeXlsxFile(
  sheets.map((s, i) => ({
    data: data[i],
    sheet: s.name,
    columns: s.columns.map((c) => ({ width: c.width || 14 })),
    stickyRowsCount: s.title.length + 2,
  })),
)
  .toBuffer()
  .then((buffer) => parentPort.postMessage(buffer, [buffer.buffer]))
  .catch((e) => { throw e; });
`;

const writerModule = createRequire(import.meta.url).resolve('write-excel-file/node');

/** The workbook's bytes, made off the main thread. */
export function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: writerModule, spec },
    });
    worker.once('message', (buffer: Uint8Array) => {
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`XLSX worker stopped with code ${code}`));
    });
  });
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(text: string, taken: Set<string>): string {
  const base =
    text
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
