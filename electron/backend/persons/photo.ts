import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fieldError } from '../errors';
import { uuidv7 } from '../lib/ids';

const MAX_BYTES = 600 * 1024;
const KINDS = {
  jpeg: { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  png: { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
} as const;

/** Decodes a data URL and checks it really is a JPEG or PNG of acceptable size. */
export function decodePhoto(dataUrl: string): { bytes: Buffer; ext: string } {
  const m = /^data:image\/(jpeg|png);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) throw fieldError(['dataUrl'], 'person.photo_invalid');
  const kind = KINDS[m[1] as keyof typeof KINDS];
  const bytes = Buffer.from(m[2]!, 'base64');
  if (
    bytes.length === 0 ||
    bytes.length > MAX_BYTES ||
    !kind.magic.every((b, i) => bytes[i] === b)
  ) {
    throw fieldError(['dataUrl'], 'person.photo_invalid');
  }
  return { bytes, ext: kind.ext };
}

/**
 * Writes the photo under <data>/photos with a fresh name, before the record points at it: if the
 * transaction then fails, the record still points at the previous photo. Old photos are kept.
 */
export function storePhoto(
  dataDir: string,
  personId: string,
  photo: { bytes: Buffer; ext: string },
): string {
  const dir = join(dataDir, 'photos');
  mkdirSync(dir, { recursive: true });
  const name = `${personId}-${uuidv7()}.${photo.ext}`;
  writeFileSync(join(dir, name), photo.bytes, { mode: 0o600 });
  return name;
}

export function readPhoto(dataDir: string, file: string): string | null {
  const path = join(dataDir, 'photos', file);
  if (!/^[0-9a-f-]+\.(jpg|png)$/.test(file) || !existsSync(path)) return null;
  const mime = file.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return `data:${mime};base64,${readFileSync(path).toString('base64')}`;
}
