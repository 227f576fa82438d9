import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { migrate } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { openDatabase } from './db/open';
import type { DB } from './db/schema';
import { checkpointIfSigned } from './audit/signatures';
import { createDispatcher, inTransaction, type Dispatch } from './dispatch/dispatch';
import { openOfficeKey } from './keys/officeKey';
import {
  createFilePort,
  type DownloadResult,
  type FileResult,
  type UploadRequest,
} from './files/port';
import { sweepFiles } from './files/sweep';
import { handlers } from './handlers';
import { tightenDataDir } from './lib/privateFiles';
import { startPersonReindex } from './persons/reindex';
import { startDuplicateScan, type Scan } from './persons/reviewScan';
import { adoptLegacyPhotos } from './persons/photo';
import { ensureRegions } from './regions/load';

export type { Dispatch, DispatchResult } from './dispatch/dispatch';
export type { DownloadResult, FileResult, UploadRequest } from './files/port';

export const DATABASE_FILE = 'pelita.sqlite';

/**
 * What Pelita keeps in the data folder, tightened to owner-only at every open (lib/privateFiles.ts):
 * a domain that keeps something new there adds its name.
 */
export const DATA_ENTRIES = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
  `${DATABASE_FILE}-journal`,
  'files',
  'photos',
  'keys',
  'demo-accounts.txt',
] as const;

export interface Backend {
  /** `source` names the caller for limits on failed sign-ins (`host:<address>`, `window:<id>`). */
  dispatch: Dispatch;
  /** The file port (files/port.ts): an upload streamed in, a stored file handed back. */
  upload(token: string | null, request: UploadRequest): Promise<FileResult>;
  download(token: string | null, fileId: unknown): Promise<DownloadResult>;
  close(): Promise<void>;
  /** For the demo seeder, benchmarks and tests; the shells use dispatch only. */
  readonly db: Kysely<DB>;
  readonly sqlite: BetterSqlite3.Database;
  readonly dataDir: string;
  /** The backend's clock (tests move it). */
  now(): Date;
  /** Resolves when work started in the background (a name index rebuild) is finished. */
  readonly background: Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  /** Path of a better-sqlite3 build for another runtime (the Electron build, when packaged). */
  nativeBinding?: string;
  /** The clock; tests move it to check lockouts and session expiry. */
  now?: () => Date;
  /** Progress lines of background work (the host's console); silent when not given. */
  log?: (line: string) => void;
  /** The review queue's background scan for duplicates (on unless false: the benchmark times it alone). */
  duplicateScan?: boolean;
}

/** Opens (creating if needed) the data folder's database, migrates it and loads reference data. */
export async function openBackend(opts: BackendOptions): Promise<Backend> {
  const { sqlite, db } = openDatabase(join(opts.dataDir, DATABASE_FILE), {
    nativeBinding: opts.nativeBinding,
  });
  try {
    const tightened = tightenDataDir(opts.dataDir, DATA_ENTRIES);
    if (tightened > 0)
      opts.log?.(`Data folder: ${tightened} files and folders made readable by their owner only.`);
    const now = opts.now ?? (() => new Date());
    migrate(sqlite, MIGRATIONS, now);
    ensureRegions(sqlite);
    // After a change of the name spelling rules: rebuilt in the background, in batches.
    const reindex = startPersonReindex(sqlite, { log: opts.log });
    // Then the review queue's scan for duplicates, which reads the rebuilt keys.
    let scan: Scan | null = null;
    let closing = false;
    const scanned = (reindex?.finished ?? Promise.resolve()).then(() => {
      if (closing || opts.duplicateScan === false) return;
      scan = startDuplicateScan(sqlite, { now, log: opts.log });
      return scan.caughtUp;
    });
    adoptLegacyPhotos(sqlite, opts.dataDir, now());
    sweepFiles(sqlite, opts.dataDir, now());
    const dispatch = createDispatcher({ db, handlers, now, dataDir: opts.dataDir });
    // The trail's head is signed at start and stop (audit/signatures.ts).
    const key = openOfficeKey(opts.dataDir);
    const checkpoint = (reason: 'start' | 'stop') =>
      inTransaction(db, (trx) => checkpointIfSigned(trx, key, reason, now().toISOString()));
    await checkpoint('start');
    const files = createFilePort({ db, dataDir: opts.dataDir, now });
    return {
      dispatch,
      upload: files.upload,
      download: files.download,
      db,
      sqlite,
      dataDir: opts.dataDir,
      now,
      background: scanned,
      async close() {
        if (closing) return;
        closing = true;
        await reindex?.stop();
        await (scan as Scan | null)?.stop();
        await checkpoint('stop');
        await db.destroy();
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
