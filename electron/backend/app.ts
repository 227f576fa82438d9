import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { migrate } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { DATABASE_FILE, openDatabase } from './db/open';
import type { DB } from './db/schema';
import { checkpointIfSigned } from './audit/signatures';
import {
  createDispatcher,
  inTransaction,
  rpcError,
  type Dispatch,
  type DispatchResult,
} from './dispatch/dispatch';
import { appendAudit } from './audit/chain';
import { BackupService, type RestoreRequest } from './backup/service';
import { swapIn } from './backup/restore';
import { AppError } from './errors';
import { openOfficeKey, type OfficeKey } from './keys/officeKey';
import {
  createFilePort,
  type DownloadResult,
  type FileResult,
  type UploadRequest,
} from './files/port';
import { sweepFiles } from './files/sweep';
import { handlers } from './handlers';
import type { OfficeNetwork } from './network/control';
import { tightenDataDir } from './lib/privateFiles';
import { startPersonReindex } from './persons/reindex';
import { startDuplicateScan, type Scan } from './persons/reviewScan';
import { adoptLegacyPhotos } from './persons/photo';
import { ensureRegions } from './regions/load';

export type { Dispatch, DispatchResult } from './dispatch/dispatch';
export type { DownloadResult, FileResult, UploadRequest } from './files/port';

export { DATABASE_FILE };

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
  'backups',
  'demo-accounts.txt',
  'office-tls',
  'office-serve.json',
  'office-host.json',
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
  /** Backups of this data folder (backup/service.ts); a restore reopens the database. */
  readonly backups: BackupService;
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
  /** Automatic backups at start-up and every few hours (on unless false: tests make their own). */
  autoBackup?: boolean;
  /** The shell's office host (network/control.ts): the office network screen drives it. */
  network?: OfficeNetwork;
}

interface OpenState {
  dispatch: Dispatch;
  upload: Backend['upload'];
  download: Backend['download'];
  db: Kysely<DB>;
  sqlite: BetterSqlite3.Database;
  background: Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating if needed) the data folder's database, migrates it and loads reference data. */
export async function openBackend(opts: BackendOptions): Promise<Backend> {
  const now = opts.now ?? (() => new Date());
  let state: OpenState | null = null;
  const live = () => {
    if (!state) throw new Error('the database is closed');
    return state;
  };
  const backups = new BackupService({
    live,
    dataDir: opts.dataDir,
    key: openOfficeKey(opts.dataDir),
    nativeBinding: opts.nativeBinding,
    now,
    log: opts.log,
  });
  state = await openState(opts, now, backups);
  if (opts.autoBackup !== false) backups.startSchedule();

  // Calls wait while a restore has the database closed; a restore waits for calls under way.
  let gate: Promise<void> | null = null;
  let inflight = 0;
  let idle: (() => void) | null = null;
  async function enter() {
    while (gate) await gate;
    inflight += 1;
  }
  function leave() {
    inflight -= 1;
    if (inflight === 0) idle?.();
  }
  async function guarded<T>(fn: (s: OpenState) => Promise<T>): Promise<T> {
    await enter();
    try {
      return await fn(live());
    } finally {
      leave();
    }
  }

  /** Closes the database, puts the backup in its place, reopens, and records who did it. */
  async function carryOutRestore(request: RestoreRequest, result: DispatchResult) {
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    try {
      if (inflight > 0) await new Promise<void>((r) => (idle = r));
      idle = null;
      await backups.stop();
      const session = live()
        .sqlite.prepare('SELECT * FROM sessions WHERE id = ?')
        .get(request.sessionId) as Record<string, unknown> | undefined;
      await live().close();
      state = null;
      try {
        await swapIn(opts.dataDir, request.folder, request.manifest);
      } finally {
        // The backup's database, or the current one untouched when the swap failed early.
        state = await openState(opts, now, backups);
      }
      await recordRestore(live(), request, session, backups.key, now());
      if (opts.autoBackup !== false) backups.startSchedule();
      opts.log?.(`Restored backup ${request.manifest.name}.`);
      return result;
    } catch (e) {
      console.error('[pelita] restore failed', e);
      const message = e instanceof Error ? e.message : String(e);
      return {
        response: {
          ok: false as const,
          error: rpcError(new AppError('INTERNAL', 'backup.restore_failed', { message })),
        },
      };
    } finally {
      gate = null;
      release();
    }
  }

  return {
    async dispatch(token, method, input, source) {
      const result = await guarded((s) => s.dispatch(token, method, input, source));
      const restore = backups.takeRestore();
      return restore && result.response.ok ? carryOutRestore(restore, result) : result;
    },
    upload: (token, request) => guarded((s) => s.upload(token, request)),
    download: (token, fileId) => guarded((s) => s.download(token, fileId)),
    get db() {
      return live().db;
    },
    get sqlite() {
      return live().sqlite;
    },
    dataDir: opts.dataDir,
    now,
    get background() {
      return live().background;
    },
    backups,
    async close() {
      if (!state) return;
      await backups.stop();
      await state.close();
    },
  };
}

/** The restored database's trail says who restored which backup; their session carries on. */
async function recordRestore(
  s: OpenState,
  request: RestoreRequest,
  session: Record<string, unknown> | undefined,
  key: OfficeKey,
  at: Date,
) {
  await inTransaction(s.db, async (trx) => {
    await appendAudit(
      trx,
      [
        {
          at: at.toISOString(),
          userId: request.userId,
          username: request.username,
          method: 'backup.restore',
          outcome: 'ok',
          note: `${request.manifest.name} (${request.manifest.createdAt}); safety copy ${request.safetyCopy}`,
        },
      ],
      key,
    );
  });
  if (session)
    s.sqlite
      .prepare(
        `INSERT OR IGNORE INTO sessions (id, user_id, created_at, last_seen_at)
         SELECT @id, @user_id, @created_at, @last_seen_at WHERE EXISTS
           (SELECT 1 FROM users WHERE id = @user_id AND active = 1)`,
      )
      .run(session);
}

async function openState(
  opts: BackendOptions,
  now: () => Date,
  backups: BackupService,
): Promise<OpenState> {
  const { sqlite, db } = openDatabase(join(opts.dataDir, DATABASE_FILE), {
    nativeBinding: opts.nativeBinding,
  });
  try {
    const tightened = tightenDataDir(opts.dataDir, DATA_ENTRIES);
    if (tightened > 0)
      opts.log?.(`Data folder: ${tightened} files and folders made readable by their owner only.`);
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
    const dispatch = createDispatcher({
      db,
      sqlite,
      handlers,
      now,
      dataDir: opts.dataDir,
      backups,
      network: opts.network,
    });
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
