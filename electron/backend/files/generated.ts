/**
 * Files the backend makes for a user to save (PDF letters, XLSX reports, exchange packets): a
 * handler stores the bytes here and returns the file id; the renderer hands it to `saveFile`
 * (renderer/src/api/files.ts), which opens a save dialog in Electron and downloads in a browser.
 * Only the user it was made for can fetch it; the sweep at open removes it after a day.
 */
import { GENERATED_PURPOSE } from '../../../shared/files';
import type { Ctx } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { insertEntry } from '../db/tracked';
import { cleanFileName } from './kinds';
import { storeBytes } from './store';

export interface GeneratedFile {
  bytes: Uint8Array;
  /** The name offered in the save dialog, e.g. "Surat rujukan 045.pdf". */
  name: string;
  /** Its MIME type, e.g. application/pdf. */
  type: string;
}

/** Stores a generated file and returns its id (inside the handler's transaction). */
export async function offerFile(ctx: Ctx, file: GeneratedFile): Promise<string> {
  requireUser(ctx); // made for a signed-in user only: the download checks who made it
  const name = cleanFileName(file.name) ?? 'pelita';
  const sha256 = storeBytes(ctx.dataDir, file.bytes);
  // The handler's own audit entry records what was made; the file row needs none of its own.
  const id = await insertEntry(
    ctx,
    'files',
    {
      sha256,
      type: file.type,
      size: file.bytes.length,
      original_name: name,
      purpose: GENERATED_PURPOSE,
    },
    { recordType: false },
  );
  return id;
}
