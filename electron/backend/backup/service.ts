/**
 * The backend's backups: one at a time, automatic ones at start-up and every few hours when the
 * audit trail moved on since the last good one, each run recorded in `backup_runs` (good or
 * failed) and followed by rotation. A restore is checked here and carried out by the backend
 * (app.ts), which closes the database, calls `swapIn` and reopens.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { inTransaction } from '../dispatch/dispatch';
import type { DB } from '../db/schema';
import { uuidv7 } from '../lib/ids';
import type { OfficeKey } from '../keys/officeKey';
import { listBackups, pruneBlobs } from './folder';
import { BackupCheckFailed, makeBackup } from './make';
import type { BackupKind, Manifest } from './manifest';
import { toRemove } from './rotation';
import { loadSettings } from './settings';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export interface LiveDatabase {
  sqlite: BetterSqlite3.Database;
  db: Kysely<DB>;
}

export interface BackupHostOptions {
  /** The backend's open database now (it changes after a restore). */
  live(): LiveDatabase;
  dataDir: string;
  key: OfficeKey;
  nativeBinding?: string;
  now(): Date;
  log?: (line: string) => void;
}

export type RunOutcome =
  { ok: true; manifest: Manifest; removed: string[] } | { ok: false; message: string };

/** A restore a handler asked for; the backend carries it out once that call is done. */
export interface RestoreRequest {
  folder: string;
  manifest: Manifest;
  userId: string;
  username: string;
  sessionId: string;
  /** The copy of the current database made just before. */
  safetyCopy: string;
}

const CHECK_EVERY_MS = 10 * 60 * 1000;
const START_DELAY_MS = 5 * 1000;

export class BackupService {
  private running: Promise<RunOutcome> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private requested: RestoreRequest | null = null;

  constructor(private readonly host: BackupHostOptions) {}

  get dataDir(): string {
    return this.host.dataDir;
  }
  get key(): OfficeKey {
    return this.host.key;
  }
  get nativeBinding(): string | undefined {
    return this.host.nativeBinding;
  }

  /** Makes a backup now, or waits for the one already running and makes the next. */
  async run(kind: BackupKind, userId: string | null = null): Promise<RunOutcome> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.runOnce(kind, userId);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private async runOnce(kind: BackupKind, userId: string | null): Promise<RunOutcome> {
    const { db, sqlite } = this.host.live();
    const settings = await loadSettings(db, this.host.dataDir);
    const startedAt = this.host.now();
    let outcome: RunOutcome;
    try {
      const manifest = await makeBackup({
        sqlite,
        dataDir: this.host.dataDir,
        folder: settings.folder,
        kind,
        at: startedAt,
        key: this.host.key,
        nativeBinding: this.host.nativeBinding,
        checked: kind !== 'safety',
      });
      outcome = { ok: true, manifest, removed: this.rotate(settings.folder, settings.policy) };
    } catch (e) {
      const message =
        e instanceof BackupCheckFailed ? e.message : e instanceof Error ? e.message : String(e);
      this.host.log?.(`Backup failed: ${message}`);
      outcome = { ok: false, message };
    }
    const m = outcome.ok ? outcome.manifest : null;
    await inTransaction(this.host.live().db, (trx) =>
      trx
        .insertInto('backup_runs')
        .values({
          id: uuidv7(startedAt.getTime()),
          kind,
          started_at: startedAt.toISOString(),
          finished_at: this.host.now().toISOString(),
          ok: outcome.ok ? 1 : 0,
          name: m?.name ?? null,
          folder: settings.folder,
          size_bytes: m?.sizeBytes ?? null,
          audit_seq: m?.auditHeadSeq ?? null,
          message: outcome.ok ? null : outcome.message,
          user_id: userId,
        })
        .execute(),
    );
    return outcome;
  }

  private rotate(folder: string, policy: Parameters<typeof toRemove>[1]): string[] {
    const all = listBackups(folder);
    const timeZone = this.timeZone();
    const removed = toRemove(all, policy, timeZone);
    for (const name of removed) rmSync(join(folder, name), { recursive: true, force: true });
    pruneBlobs(
      folder,
      all.filter((m) => !removed.includes(m.name)),
    );
    return removed;
  }

  private timeZone(): string {
    const row = this.host
      .live()
      .sqlite.prepare('SELECT time_zone FROM office WHERE id = 1')
      .get() as { time_zone: string } | undefined;
    return row?.time_zone ?? 'Asia/Makassar';
  }

  /** True when the trail has entries the last good backup does not hold. */
  /** The audit trail's last sequence number: 0 while the database holds nothing yet. */
  private async auditHead(): Promise<number> {
    const head = await this.host
      .live()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(head?.seq ?? 0);
  }

  async changedSinceLastGood(): Promise<boolean> {
    const { db } = this.host.live();
    const seq = await this.auditHead();
    if (seq === 0) return false;
    const last = await db
      .selectFrom('backup_runs')
      .select(['audit_seq'])
      .where('ok', '=', 1)
      .where('kind', '!=', 'safety')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return !last || (last.audit_seq ?? -1) < seq;
  }

  /** Whether an automatic backup is due now: on, changed, and the interval has passed. */
  async due(startUp: boolean): Promise<boolean> {
    const { db } = this.host.live();
    const settings = await loadSettings(db, this.host.dataDir);
    if (!settings.auto || !(await this.changedSinceLastGood())) return false;
    if (startUp) return true;
    const last = await db
      .selectFrom('backup_runs')
      .select('started_at')
      .where('kind', '=', 'auto')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return true;
    return (
      this.host.now().getTime() - Date.parse(last.started_at) >= settings.intervalHours * 3.6e6
    );
  }

  /** Automatic backups: one shortly after start-up, then a look every ten minutes. */
  startSchedule(): void {
    const tick = (startUp: boolean) => {
      if (this.requested || this.running) return;
      this.due(startUp)
        .then(async (due) => {
          if (due) return this.run('auto');
          // A database still empty (first run, before setup): the start-up backup waits for
          // the first record, a few seconds after setup, instead of for the next 10-minute look.
          if (startUp && (await this.auditHead()) === 0) later(() => tick(true), START_DELAY_MS);
          return null;
        })
        .catch((e: unknown) => this.host.log?.(`Backup check failed: ${String(e)}`));
    };
    const later = (fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    const first = setTimeout(() => tick(true), START_DELAY_MS);
    const every = setInterval(() => tick(false), CHECK_EVERY_MS);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /** Stops the schedule and waits for a running backup (before the database closes). */
  async stop(): Promise<void> {
    for (const t of this.timers.splice(0)) clearTimeout(t);
    await this.running?.catch(() => undefined);
  }

  requestRestore(request: RestoreRequest): void {
    this.requested = request;
  }

  takeRestore(): RestoreRequest | null {
    const r = this.requested;
    this.requested = null;
    return r;
  }
}
