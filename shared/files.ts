/**
 * The file port, as both sides see it: the kinds of file Pelita checks by content, what each
 * upload purpose accepts and who may send or read it, and the shapes the transports return.
 * The bytes never travel through the JSON contract: see electron/backend/files/.
 */
import type { Permission } from './roles';

/** Kinds recognised from their first bytes (magic numbers). */
export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', ext: ['pdf'], label: 'PDF' },
  jpeg: { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], label: 'JPEG' },
  png: { mime: 'image/png', ext: ['png'], label: 'PNG' },
  webp: { mime: 'image/webp', ext: ['webp'], label: 'WebP' },
  /** An age-encrypted file: an exchange packet (.pelita) or a key recovery file (.age). */
  age: { mime: 'application/vnd.pelita.packet', ext: ['age'], label: 'age (.pelita)' },
  /** An office's public key card (.pelitakey), a text file with a fixed first line. */
  keyCard: { mime: 'application/vnd.pelita.keycard', ext: ['pelitakey'], label: 'Kartu kunci' },
  /** An Office Open XML workbook (a zip); which sheet it holds is the reader's business. */
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    label: 'XLSX',
  },
  /** Plain text in UTF-8, comma-, semicolon- or tab-separated. */
  csv: { mime: 'text/csv', ext: ['csv', 'txt'], label: 'CSV' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** Uploads larger than this are refused unless a purpose says otherwise. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface UploadPurpose {
  /** Who may upload for this purpose. */
  access: Permission;
  /** Who may read (download) a file stored for it. */
  read: Permission;
  /** Kinds accepted, checked against the content. */
  kinds: readonly FileKind[];
  /** Largest accepted size; DEFAULT_MAX_UPLOAD_BYTES when not given (may be larger or smaller). */
  maxBytes?: number;
}

/**
 * Every purpose an upload can be for. A domain adds its own entry here, then takes the returned
 * file id in one of its contract methods (persons.setPhoto takes `fileId`).
 */
export const UPLOAD_PURPOSES = {
  /** A person's photo, already shrunk in the browser (resizePhoto.ts). */
  personPhoto: {
    access: 'persons.write',
    read: 'persons.read',
    kinds: ['jpeg', 'png', 'webp'],
    maxBytes: 600 * 1024,
  },
  /** A packet from a partner office (or an acknowledgement), opened by packets.open. */
  exchangePacket: {
    access: 'packets.exchange',
    read: 'packets.exchange',
    kinds: ['age'],
    maxBytes: 256 * 1024 * 1024,
  },
  /** A partner office's key card, read by packets.readCard. */
  exchangeKeyCard: {
    access: 'packets.keys',
    read: 'packets.keys',
    kinds: ['keyCard'],
    maxBytes: 64 * 1024,
  },
  /** This office's key recovery file, read by packets.restoreKeys. */
  exchangeRecovery: {
    access: 'packets.keys',
    read: 'packets.keys',
    kinds: ['age'],
    maxBytes: 1024 * 1024,
  },
  /** A DTSEN list exported from SIKS-NG (a city's list runs to a few hundred thousand rows). */
  dtsenList: {
    access: 'dtsen.manage',
    read: 'dtsen.manage',
    kinds: ['csv', 'xlsx'],
    maxBytes: 80 * 1024 * 1024,
  },
  /** Scans and photos of a case's documents (KTP, KK, letters, signed consent). */
  caseAttachment: {
    access: 'cases.write',
    read: 'cases.read',
    kinds: ['pdf', 'jpeg', 'png'],
  },
  /** The coat of arms or office logo on the letterhead (kop surat). */
  officeLogo: {
    access: 'office.manage',
    read: 'office.manage',
    kinds: ['png', 'jpeg'],
    maxBytes: 2 * 1024 * 1024,
  },
} as const satisfies Record<string, UploadPurpose>;
export type UploadPurposeName = keyof typeof UPLOAD_PURPOSES;

/**
 * Files the backend generates for a user to save (PDF letters, XLSX, packets) are stored with
 * this purpose and can be read only by the user they were made for.
 */
export const GENERATED_PURPOSE = 'generated';

export function isUploadPurpose(name: string): name is UploadPurposeName {
  return Object.prototype.hasOwnProperty.call(UPLOAD_PURPOSES, name);
}

/** The largest upload any purpose takes: what a transport lets through at all. */
export const MAX_UPLOAD_BYTES = Math.max(
  DEFAULT_MAX_UPLOAD_BYTES,
  ...Object.values(UPLOAD_PURPOSES).map((p: UploadPurpose) => p.maxBytes ?? 0),
);

/** The size limit of an upload for `purpose`. */
export function uploadLimit(purpose: UploadPurposeName): number {
  const rule: UploadPurpose = UPLOAD_PURPOSES[purpose];
  return rule.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
}

/** What an upload and a download answer with (besides the bytes). */
export interface StoredFile {
  fileId: string;
  name: string;
  /** The checked MIME type. */
  type: string;
  size: number;
}

/** Names of the file port's transport methods (not in the JSON contract; audited by name). */
export const FILE_METHODS = {
  upload: 'files.upload',
  download: 'files.download',
  save: 'files.save',
} as const;

/** "25 MB", "600 kB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} kB`;
}
