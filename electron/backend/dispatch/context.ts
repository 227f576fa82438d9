import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Contract, MethodName, ParsedInput } from '../../../shared/contract';
import type { AuditEntry } from '../audit/chain';
import type { BackupService } from '../backup/service';
import type { SessionUser } from '../auth/sessions';
import type { SignInThrottle } from '../auth/throttle';
import type { DB } from '../db/schema';
import type { OfficeNetwork } from '../network/control';

/** What the handler of a change records; dispatch adds who, when and which method. */
export interface AuditRecord {
  recordType?: string;
  recordId?: string;
  changes?: Record<string, [unknown, unknown]>;
  outcome?: 'ok' | 'denied';
  note?: string;
  /** The tracked row written (db/tracked.ts): its content hash is stored with the entry. */
  row?: { table: string; id: unknown };
  /** For calls made before anyone is signed in (setup, failed sign-in). */
  actor?: { id: string | null; username: string | null };
}

export interface Ctx {
  /** Inside a write: the transaction. Everything the handler does commits or rolls back together. */
  db: Kysely<DB>;
  /**
   * The same connection as `db` (so inside the same transaction), for bulk work that reuses
   * prepared statements (a 200,000-row list import); absent in dispatchers made for a test.
   */
  sqlite?: BetterSqlite3.Database;
  user: SessionUser | null;
  now: Date;
  nowIso: string;
  method: MethodName;
  /** The data folder (photos and other files kept beside the database). */
  dataDir: string;
  /** Where the call came from (a host client's address, an Electron window), when known. */
  source: string | null;
  /** This backend's count of failed sign-ins (auth/throttle.ts). */
  signIns: SignInThrottle;
  /** This backend's backups: they need its live connection, and a restore reopens it. */
  backups: BackupService;
  /** The shell's office host (network/control.ts); absent where no shell serves the network. */
  network?: OfficeNetwork;
  audit(record: AuditRecord): void;
  /**
   * Inside a write: appends the entries queued so far to the trail now, in the same transaction,
   * so a call writing hundreds of thousands of records (an applied packet) never holds all their
   * entries at once. A row's hash is read when its entry is appended; a later change of the row
   * in the same call is audited by its own, later entry.
   */
  flushAudit?(): Promise<void>;
  /** Signs `userId` in on this transport; the token never reaches the renderer. */
  startSession(userId: string): Promise<void>;
  /** Ends this session, or every session of the signed-in user. */
  endSession(scope: 'this' | 'all'): Promise<void>;
  /**
   * Runs `fn` once the call's writes are committed (never after a rollback), with the backend's
   * own connection: for work outside the database that must follow a commit, like removing a
   * released file.
   */
  afterCommit(fn: (db: Kysely<DB>) => Promise<void>): void;
}

/** The signed-in user, for handlers whose access already guarantees one. */
export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error(`${ctx.method} reached without a session`);
  return ctx.user;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: Ctx,
) => Promise<z.input<Contract[M]['output']>>;

/**
 * A write whose slow part must not hold the database: `prepare` runs first, outside any
 * transaction (each query takes the connection only for itself, so other callers go on while it
 * awaits a password hash) and only reads; `write` then runs in the call's transaction with what
 * prepare found, and must re-check anything that may have changed in between.
 */
export interface Staged<M extends MethodName, P> {
  prepare(input: ParsedInput<M>, ctx: Ctx): Promise<P>;
  write(input: ParsedInput<M>, ctx: Ctx, prepared: P): ReturnType<Handler<M>>;
}

const STAGES = Symbol('stages');
type StagedHandler<M extends MethodName> = Handler<M> & {
  [STAGES]: Staged<M, unknown>;
};

/** A handler in two stages (above); called directly, it runs both in a row on the same ctx. */
export function staged<M extends MethodName, P>(stages: Staged<M, P>): Handler<M> {
  const run: Handler<M> = async (input, ctx) =>
    stages.write(input, ctx, await stages.prepare(input, ctx));
  return Object.assign(run, { [STAGES]: stages as Staged<M, unknown> });
}

export function stagesOf<M extends MethodName>(h: Handler<M>): Staged<M, unknown> | undefined {
  return (h as Partial<StagedHandler<M>>)[STAGES];
}

/** One domain's handlers: exactly the methods of its part of the contract. */
export type HandlersOf<C> = { [M in keyof C & MethodName]: Handler<M> };

export type PendingAudit = Omit<AuditEntry, 'at'>;
