/**
 * XLSX workbooks, written in a worker thread: a 100,000-row register is about 100 MB of sheet
 * XML to compress, which must not stall the backend that serves every window. An XLSX file is a
 * zip of XML parts; the worker writes the sheet XML itself (inline strings, one style per column
 * kind) and deflates it as it goes with Node's zlib (native: several times faster than fflate's
 * JavaScript deflate here), so neither thread ever holds the whole sheet's XML: the main thread
 * hands rows over in chunks, one chunk at a time as the worker asks for it, and the worker keeps
 * only the compressed bytes. (write-excel-file built the whole workbook as objects first: 27 s
 * and 665 MB for 100k rows.) NIK and codes are text (Excel would round a 16-digit number),
 * counts have thousands separators, percentages are fractions with a percent format, dates are
 * Excel dates.
 */
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

/** What the worker used: its own V8 heap at its peak (the process's RSS is shared). */
export interface WorkerStats {
  heapPeakMb: number;
}

/** Rows per message: small enough that a chunk in flight costs a few MB. */
const CHUNK_ROWS = 2000;

// Plain CommonJS run with `eval`: no build step has to know about a second entry file.
// Messages in: {sheet} starts a sheet, {rows} adds rows to it, {end} closes it, {finish} ends
// the zip. After each message the worker posts {more} (or, after finish, the file's bytes).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const { once } = require('node:events');
const zlib = require('node:zlib');
const offsetMs = workerData.offsetMinutes * 60000;
const LEVEL = 6;

// The zip container: each part's local header goes in front of its data once the data's CRC
// and sizes are known (the whole file is sent back in one piece anyway), then the directory.
const parts = [];
const entries = [];
let offset = 0;
let heapPeak = 0;
function put(buf) { parts.push(buf); offset += buf.length; }
function localHeader(e) {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0x0800, 6); h.writeUInt16LE(8, 8);
  h.writeUInt16LE(0, 10); h.writeUInt16LE(0x21, 12); h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.csize, 18); h.writeUInt32LE(e.usize, 22); h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}
function beginPart(name) {
  const e = { name, at: offset, slot: parts.length, crc: 0, csize: 0, usize: 0 };
  parts.push(null);
  const headerSize = 30 + Buffer.byteLength(name);
  offset += headerSize;
  e.deflate = zlib.createDeflateRaw({ level: LEVEL });
  e.deflate.on('data', (d) => { put(d); e.csize += d.length; });
  e.ended = once(e.deflate, 'end');
  return e;
}
async function write(e, text) {
  const buf = Buffer.from(text);
  e.crc = zlib.crc32(buf, e.crc);
  e.usize += buf.length;
  if (!e.deflate.write(buf)) await once(e.deflate, 'drain');
}
async function endPart(e) {
  e.deflate.end();
  await e.ended;
  parts[e.slot] = localHeader(e);
  entries.push(e);
}
async function part(name, text) {
  const e = beginPart(name);
  await write(e, text);
  await endPart(e);
}
function finishZip() {
  const dirAt = offset;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(20, 6); h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(8, 10); h.writeUInt16LE(0, 12); h.writeUInt16LE(0x21, 14); h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.csize, 20); h.writeUInt32LE(e.usize, 24); h.writeUInt16LE(name.length, 28);
    h.writeUInt32LE(e.at, 42);
    put(h); put(name);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - dirAt, 12); end.writeUInt32LE(dirAt, 16);
  put(end);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
// Styles (cellXfs): 0 plain, 1 bold, 2 bold wrapped (headers), then one per column kind.
const STYLE = { text: 3, int: 4, decimal: 5, percent: 6, date: 7, datetime: 8 };
const STYLES = HEAD + '<styleSheet ' + NS + '>' +
  '<numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/>' +
  '<numFmt numFmtId="166" formatCode="dd/mm/yyyy"/><numFmt numFmtId="167" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
// Most text needs no escaping: test once, replace only when needed.
const SPECIAL = /[&<>"\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]/;
function esc(s) {
  return !SPECIAL.test(s) ? s : s
    .replace(/[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function letters(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
// Days since Excel's epoch (30 Dec 1899) of a UTC instant in milliseconds.
const serial = (ms) => ms / 86400000 + 25569;
const EDGE_SPACE = /^\\s|\\s$/;
function text(ref, style, v) {
  const s = String(v);
  return '<c r="' + ref + '" s="' + style + '" t="inlineStr"><is><t' +
    (EDGE_SPACE.test(s) ? ' xml:space="preserve">' : '>') + esc(s) + '</t></is></c>';
}
function cell(ref, kind, v) {
  if (v === null || v === undefined || v === '') return '';
  let n = v;
  if (kind === 'text' || typeof v === 'string' && kind !== 'date' && kind !== 'datetime') return text(ref, STYLE.text, v);
  if (kind === 'date') n = serial(Date.parse(v + 'T00:00:00Z'));
  else if (kind === 'datetime') n = serial(Date.parse(v) + offsetMs);
  else if (kind === 'percent') n = v / 100;
  if (!Number.isFinite(n)) return text(ref, STYLE.text, v);
  return '<c r="' + ref + '" s="' + STYLE[kind] + '"><v>' + n + '</v></c>';
}
const sheets = workerData.sheets;
let current = null;
async function startSheet(i) {
  const s = sheets[i];
  const refs = s.columns.map((_, j) => letters(j));
  const kinds = s.columns.map((c) => c.kind);
  const file = beginPart('xl/worksheets/sheet' + (i + 1) + '.xml');
  const frozen = s.title.length + 2;
  let xml = HEAD + '<worksheet ' + NS + ' xmlns:r="' + REL + '">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="' + frozen + '" topLeftCell="A' + (frozen + 1) +
    '" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>' +
    s.columns.map((c, j) => '<col min="' + (j + 1) + '" max="' + (j + 1) + '" width="' + (c.width || 14) + '" customWidth="1"/>').join('') +
    '</cols><sheetData>';
  s.title.forEach((t, j) => (xml += '<row r="' + (j + 1) + '">' + text('A' + (j + 1), j === 0 ? 1 : 0, t) + '</row>'));
  const header = frozen;
  xml += '<row r="' + header + '">' + s.columns.map((c, j) => text(refs[j] + header, 2, c.header)).join('') + '</row>';
  current = { s, file, refs, kinds, next: header + 1, last: refs[refs.length - 1] };
  await write(file, xml);
}
async function addRows(rows) {
  const { refs, kinds } = current;
  let xml = '';
  for (const row of rows) {
    const r = current.next++;
    xml += '<row r="' + r + '">';
    for (let j = 0; j < refs.length; j++) xml += cell(refs[j] + r, kinds[j], row[j]);
    xml += '</row>';
  }
  await write(current.file, xml);
}
async function endSheet() {
  const { s, last, file } = current;
  const merges = s.title.map((_, j) => '<mergeCell ref="A' + (j + 1) + ':' + last + (j + 1) + '"/>');
  await write(file, '</sheetData>' +
    (s.columns.length > 1 ? '<mergeCells count="' + merges.length + '">' + merges.join('') + '</mergeCells>' : '') +
    '</worksheet>');
  await endPart(file);
  current = null;
}
// The workbook's fixed parts first ([Content_Types].xml leads, as Excel writes it).
async function begin() {
  const ids = sheets.map((_, i) => i + 1);
  await part('[Content_Types].xml', HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    ids.map((n) => '<Override PartName="/xl/worksheets/sheet' + n + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join('') +
    '</Types>');
  await part('_rels/.rels', HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  await part('xl/workbook.xml', HEAD + '<workbook ' + NS + ' xmlns:r="' + REL + '"><sheets>' +
    sheets.map((s, i) => '<sheet name="' + esc(s.name) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join('') +
    '</sheets></workbook>');
  await part('xl/_rels/workbook.xml.rels', HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    ids.map((n) => '<Relationship Id="rId' + n + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + n + '.xml"/>').join('') +
    '<Relationship Id="rId' + (ids.length + 1) + '" Type="' + REL + '/styles" Target="styles.xml"/></Relationships>');
  await part('xl/styles.xml', STYLES);
}
function finish() {
  const out = finishZip();
  parentPort.postMessage({ bytes: out, heapPeakMb: Math.round(heapPeak / 1048576) }, [out.buffer]);
}
parentPort.on('message', async (m) => {
  if (m.sheet !== undefined) await startSheet(m.sheet);
  else if (m.rows) await addRows(m.rows);
  else if (m.end) await endSheet();
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  if (m.finish) finish();
  else parentPort.postMessage({ more: true });
});
begin().then(() => parentPort.postMessage({ more: true }));
`;

/** The messages that carry a workbook to the worker, rows in chunks. */
function* messages(spec: WorkbookSpec) {
  for (const [i, s] of spec.sheets.entries()) {
    yield { sheet: i };
    for (let at = 0; at < s.rows.length; at += CHUNK_ROWS)
      yield { rows: s.rows.slice(at, at + CHUNK_ROWS) };
    yield { end: true };
  }
  yield { finish: true };
}

/** The workbook's bytes, made off the main thread. */
export function writeWorkbook(
  spec: WorkbookSpec,
  onStats?: (stats: WorkerStats) => void,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        offsetMinutes: spec.offsetMinutes,
        sheets: spec.sheets.map(({ name, title, columns }) => ({ name, title, columns })),
      },
    });
    const queue = messages(spec);
    worker.on('message', (m: { more?: true; bytes?: Uint8Array; heapPeakMb?: number }) => {
      if (m.more) {
        worker.postMessage(queue.next().value);
        return;
      }
      const bytes = m.bytes!;
      onStats?.({ heapPeakMb: m.heapPeakMb! });
      resolve(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
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
