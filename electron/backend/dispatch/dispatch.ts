import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import type { RpcError, RpcResponse } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import { canAccess } from '../../../shared/roles';
import { appendAudit } from '../audit/chain';
import { openOfficeKey } from '../keys/officeKey';
import type { OfficeNetwork } from '../network/control';
import type { BackupService } from '../backup/service';
import { newToken, resolveSession, type SessionUser } from '../auth/sessions';
import { SignInThrottle } from '../auth/throttle';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { stagesOf, type Ctx, type Handler, type PendingAudit } from './context';
import { toFieldIssues } from '../../../shared/validation';
import { findBrokenString } from '../../../shared/contract/text';

export type SessionChange = { set: string } | { clear: true };

export interface DispatchResult {
  response: RpcResponse;
  /** For the transport: remember this token (cookie, per-window map) or forget it. */
  session?: SessionChange;
}

export type Handlers = { [M in MethodName]: Handler<M> };

/** While a password must be changed, only these methods are open. */
const OPEN_WHILE_PASSWORD_EXPIRED = new Set<MethodName>([
  'auth.status',
  'auth.me',
  'auth.changePassword',
  'auth.logout',
  'auth.logoutEverywhere',
]);

export function rpcError(e: AppError): RpcError {
  return {
    code: e.code,
    key: e.key,
    ...(e.params ? { params: e.params } : {}),
    ...(e.issues ? { issues: e.issues } : {}),
    message: { id: translate('id', e.key, e.params), en: translate('en', e.key, e.params) },
  };
}

/** Runs `fn` in BEGIN IMMEDIATE … COMMIT on the backend's single connection. */
export async function inTransaction<T>(
  db: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn);
      throw e;
    }
  });
}

export interface DispatcherDeps {
  db: Kysely<DB>;
  /** The connection under `db`, handed to handlers as ctx.sqlite. */
  sqlite?: BetterSqlite3.Database;
  handlers: Handlers;
  now: () => Date;
  dataDir: string;
  /** The backend's backups (app.ts); dispatchers made for a test without one refuse backup calls. */
  backups?: BackupService;
  /** The shell's office host, when the shell can serve the office network. */
  network?: OfficeNetwork;
}

/**
 * The one entry point both shells use. Order: known method → session → permission → input
 * → handler (writes in one transaction with their audit rows) → output shape. Nothing reaches
 * a handler unless every earlier step passed.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const { db, handlers } = deps;
  const signIns = new SignInThrottle();

  const key = openOfficeKey(deps.dataDir);
  const refusals = refusalBudget();

  async function auditNow(entries: PendingAudit[], at: string): Promise<void> {
    await inTransaction(db, (trx) =>
      appendAudit(
        trx,
        entries.map((e) => ({ ...e, at })),
        key,
      ),
    );
  }

  /**
   * A write the handler refused (a bed already taken, a stale version) is recorded too: who,
   * which method, which record (its id only) and the error key, never the refused input. At
   * most REFUSALS_PER_MINUTE a user, so a client retrying in a loop cannot flood the trail.
   */
  async function recordRefusal(
    method: MethodName,
    user: SessionUser | null,
    input: unknown,
    e: AppError,
    now: Date,
  ) {
    if (!user || !refusals(user.id, now.getTime())) return;
    const id = (input as { id?: unknown } | null)?.id;
    await auditNow(
      [
        {
          userId: user.id,
          username: user.username,
          method,
          ...(typeof id === 'string' && UUID.test(id)
            ? { recordType: REFUSED_RECORD_TYPES[method.split('.')[0]!] ?? null, recordId: id }
            : {}),
          outcome: 'refused',
          // The reason as a message key: the first field's, else the error's own.
          note: e.issues?.[0]?.key ?? e.key,
        },
      ],
      now.toISOString(),
    );
  }

  return async function dispatch(
    token: string | null,
    method: string,
    input: unknown,
    /** Where the call came from, for limits on failed sign-ins (`host:<address>`, `window:<id>`). */
    source: string | null = null,
  ): Promise<DispatchResult> {
    let session: SessionChange | undefined;
    const fail = (e: AppError): DispatchResult => ({
      response: { ok: false, error: rpcError(e) },
      ...(session ? { session } : {}),
    });
    try {
      if (typeof method !== 'string' || !isMethodName(method)) {
        return fail(
          new AppError('NOT_FOUND', 'error.unknown_method', {
            method: String(method).slice(0, 80),
          }),
        );
      }
      const def = contract[method];
      const now = deps.now();
      const nowIso = now.toISOString();
      const user = await resolveSession(db, token, now);
      if (token && !user) session = { clear: true };

      if (def.access !== 'public' && !user) {
        return fail(new AppError('UNAUTHENTICATED', 'error.unauthenticated'));
      }
      if (!canAccess(def.access, user?.roles ?? null)) {
        await auditNow(
          [
            {
              userId: user?.id ?? null,
              username: user?.username ?? null,
              method,
              outcome: 'denied',
              note: 'forbidden',
            },
          ],
          nowIso,
        );
        return fail(new AppError('FORBIDDEN', 'error.forbidden'));
      }
      if (user?.mustChangePassword && !OPEN_WHILE_PASSWORD_EXPIRED.has(method)) {
        return fail(new AppError('FORBIDDEN', 'auth.mustChange'));
      }
      // Any string the field rules do not cover (a record key, a cursor) is still checked.
      const broken = findBrokenString(input);
      if (broken) {
        return fail(new AppError('VALIDATION', 'error.validation', undefined, [broken]));
      }
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail(
          new AppError(
            'VALIDATION',
            'error.validation',
            undefined,
            toFieldIssues(parsed.error.issues, input),
          ),
        );
      }

      const pending: PendingAudit[] = [];
      let flushed = 0;
      const afterCommit: ((db: Kysely<DB>) => Promise<void>)[] = [];
      const committed = async () => {
        for (const fn of afterCommit) await fn(db);
      };
      let pendingSession: SessionChange | undefined;
      const makeCtx = (conn: Kysely<DB>): Ctx => ({
        db: conn,
        sqlite: deps.sqlite,
        user,
        now,
        nowIso,
        method,
        dataDir: deps.dataDir,
        source,
        signIns,
        get backups(): BackupService {
          if (!deps.backups) throw new Error('this dispatcher has no backups');
          return deps.backups;
        },
        network: deps.network,
        audit(record) {
          pending.push({
            userId: record.actor ? record.actor.id : (user?.id ?? null),
            username: record.actor ? record.actor.username : (user?.username ?? null),
            method,
            recordType: record.recordType ?? null,
            recordId: record.recordId ?? null,
            outcome: record.outcome ?? 'ok',
            changes: record.changes ?? null,
            note: record.note ?? null,
            row: record.row ?? null,
          });
        },
        async flushAudit() {
          // Only in the call's transaction: entries appended there commit or roll back with the writes.
          if (conn === db || pending.length === 0) return;
          const entries = pending.splice(0).map((e) => ({ ...e, at: nowIso }));
          flushed += entries.length;
          await appendAudit(conn, entries, key);
        },
        async startSession(userId) {
          const { token: fresh, id } = newToken();
          await conn
            .insertInto('sessions')
            .values({ id, user_id: userId, created_at: nowIso, last_seen_at: nowIso })
            .execute();
          pendingSession = { set: fresh };
        },
        async endSession(scope) {
          const u = user as SessionUser;
          if (scope === 'all')
            await conn.deleteFrom('sessions').where('user_id', '=', u.id).execute();
          else await conn.deleteFrom('sessions').where('id', '=', u.sessionId).execute();
          pendingSession = { clear: true };
        },
        afterCommit(fn) {
          afterCommit.push(fn);
        },
      });
      const handler = handlers[method] as Handler<MethodName>;

      if (!def.write) {
        const out = def.output.parse(await handler(parsed.data as never, makeCtx(db)));
        if (pending.length > 0) await auditNow(pending, nowIso);
        await committed();
        return { response: { ok: true, data: out }, ...(session ? { session } : {}) };
      }

      // A staged write's slow part (a password hash) runs before the transaction, holding nothing.
      const stages = stagesOf(handler);
      let prepared: unknown;
      if (stages) {
        try {
          prepared = await stages.prepare(parsed.data as never, makeCtx(db));
        } catch (e) {
          if (e instanceof AppError && e.commit && pending.length > 0)
            await auditNow(pending, nowIso);
          throw e;
        }
      }

      let kept: AppError | null = null;
      const run = inTransaction(db, async (trx) => {
        try {
          const ctx = makeCtx(trx);
          const result = def.output.parse(
            await (stages
              ? stages.write(parsed.data as never, ctx, prepared)
              : handler(parsed.data as never, ctx)),
          );
          if (pending.length === 0 && flushed === 0) {
            pending.push({
              userId: user?.id ?? null,
              username: user?.username ?? null,
              method,
              outcome: 'ok',
            });
          }
          await appendAudit(
            trx,
            pending.map((e) => ({ ...e, at: nowIso })),
            key,
          );
          return result;
        } catch (e) {
          if (!(e instanceof AppError && e.commit)) throw e;
          // Keep what the handler wrote (attempt counters, audit) and still report the error.
          await appendAudit(
            trx,
            pending.map((p) => ({ ...p, at: nowIso })),
            key,
          );
          kept = e;
          return null;
        }
      });
      const out = await run.catch(async (e: unknown) => {
        if (e instanceof AppError) await recordRefusal(method, user, parsed.data, e, now);
        throw e;
      });
      await committed();
      const keptError = kept as AppError | null;
      if (keptError) return fail(keptError);
      if (pendingSession) session = pendingSession;
      return { response: { ok: true, data: out }, ...(session ? { session } : {}) };
    } catch (e) {
      if (e instanceof AppError) return fail(e);
      console.error(`[pelita] ${String(method)} failed:`, e);
      return fail(new AppError('INTERNAL', 'error.internal'));
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFUSALS_PER_MINUTE = 20;
/** The record a refused call's `id` names, by the method's domain, so the screen can name it. */
const REFUSED_RECORD_TYPES: Record<string, string> = {
  persons: 'person',
  complaints: 'complaint',
  stays: 'stay',
  users: 'user',
};

/** Per user, how many refusals may still be recorded this minute. */
function refusalBudget() {
  const used = new Map<string, { minute: number; count: number }>();
  return (userId: string, now: number): boolean => {
    const minute = Math.floor(now / 60_000);
    const u = used.get(userId);
    if (!u || u.minute !== minute) {
      if (used.size > 1000) used.clear();
      used.set(userId, { minute, count: 1 });
      return true;
    }
    u.count += 1;
    return u.count <= REFUSALS_PER_MINUTE;
  };
}
