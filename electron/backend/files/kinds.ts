/**
 * What a file really is, from its first bytes, and what its name and declared type claim.
 * Only the content decides; a name or type that disagrees with it gets the file refused.
 */
import { FILE_KINDS, type FileKind } from '../../../shared/files';

/** Bytes needed to recognise every kind below. */
export const HEAD_BYTES = 16;

const ascii = (head: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

/**
 * The kind the content starts like, or null. Text has no magic number, so it is taken as CSV
 * only where `accepted` includes CSV: for a photo, text is simply not a file Pelita knows.
 */
export function detectKind(
  head: Uint8Array,
  accepted: readonly FileKind[] = ['csv'],
): FileKind | null {
  if (ascii(head, 0, '%PDF-')) return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'png';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  // "age-encryption.org/v1": exchange packets and key recovery files (packets/, keys/).
  if (ascii(head, 0, 'age-encryption.o')) return 'age';
  if (ascii(head, 0, 'PELITA-KEYCARD-1')) return 'keyCard';
  if (ascii(head, 0, 'PK\u0003\u0004')) return 'xlsx';
  if (accepted.includes('csv') && looksLikeText(head)) return 'csv';
  return null;
}

/**
 * Text with no magic number: printable characters, tabs and line ends, or UTF-8 (a BOM, or
 * bytes of multi-byte sequences). A cut in the middle of a character at the end is allowed.
 */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const b of head) {
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastWhole(head)));
    return true;
  } catch {
    return false;
  }
}

/** Where the last whole UTF-8 character of `bytes` ends. */
function lastWhole(bytes: Uint8Array): number {
  let i = bytes.length;
  let back = 0;
  while (i > 0 && back < 4 && (bytes[i - 1]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i > 0 && bytes[i - 1]! >= 0xc0) {
    const lead = bytes[i - 1]!;
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    return back >= need ? bytes.length : i - 1;
  }
  return bytes.length;
}

/** Types a browser sends when it does not know: they claim nothing. */
const UNSPECIFIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * What the name's extension and the declared MIME type say the file is, as labels for the
 * message ("PNG", "text/plain"), each only when it disagrees with `actual`.
 */
export function contradictions(name: string, declaredType: string, actual: FileKind): string[] {
  const out: string[] = [];
  const type = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!UNSPECIFIC_TYPES.has(type) && type !== FILE_KINDS[actual].mime) {
    const claimed = Object.values(FILE_KINDS).find((k) => k.mime === type);
    out.push(claimed ? claimed.label : type);
  }
  // An extension is letters first ("Surat 12.2026" has none), up to five characters.
  const ext = /\.([a-z][a-z0-9]{1,4})$/i.exec(name)?.[1]?.toLowerCase();
  if (ext && !(FILE_KINDS[actual].ext as readonly string[]).includes(ext)) {
    const claimed = Object.values(FILE_KINDS).find((k) =>
      (k.ext as readonly string[]).includes(ext),
    );
    out.push(claimed ? claimed.label : '.' + ext);
  }
  return out;
}

/** "JPEG, PNG or WebP" style list for messages. */
export function kindList(kinds: readonly FileKind[]): string {
  return kinds.map((k) => FILE_KINDS[k].label).join(', ');
}

/**
 * A file name safe to keep and to offer back: the last path segment, without control
 * characters, trimmed to 200 characters (keeping the extension). Null when nothing is left.
 */
export function cleanFileName(raw: string): string | null {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return null;
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}
