import { Selectable, Updateable } from 'kysely';
import { permissionsOf } from '../../../shared/roles';
import { authContract, Me } from '../../../shared/contract/auth';
import { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser, staged } from '../dispatch/context';
import { AppError, fieldErrors } from '../errors';
import { uuidv7 } from '../lib/ids';
import { UsersTable } from '../db/schema';

import { insertTracked, loadForChange, updateBookkeeping } from '../db/tracked';
import { insertOffice, officeTimeZone } from '../office/store';
import { auditView, rolesDiff, setRoles } from '../users/queries';
import {
  checkedPasswordHash,
  DUMMY_PASSWORD_HASH,
  passwordColumns,
  verifyPassword,
} from './passwords';
import { rolesOf } from './sessions';
import { signInKeys } from './throttle';

async function meOf(ctx: Ctx, userId: string): Promise<Me> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'must_change_password'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = await rolesOf(ctx.db, userId);
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: u.must_change_password === 1,
  };
}

function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** What the password check before the transaction found (see auth.login). */
interface LoginCheck {
  userId: string | null;
  hash: string;
  passwordOk: boolean;
}

/** A refused sign-in's answer; its counts and audit row are kept although the call fails. */
const denied = (
  key: 'auth.error.invalid' | 'auth.error.disabled' | 'auth.error.tooMany',
  params?: Record<string, string | number>,
) => new AppError('UNAUTHENTICATED', key, params, undefined, true);

/** "Try again in N minutes": the same for a real account, an unknown name and a busy source. */
async function tooMany(ctx: Ctx, until: number): Promise<AppError> {
  const untilIso = new Date(until).toISOString();
  return denied('auth.error.tooMany', {
    minutes: Math.max(1, Math.ceil((until - ctx.now.getTime()) / 60_000)),
    until: clockTime(untilIso, await officeTimeZone(ctx.db)),
    untilIso,
  });
}

/**
 * The trail row of a refused sign-in. Nobody is signed in, and the typed name may be a password
 * typed into the wrong box: the row names the account (its id and its own username) when one
 * has that name, and for an unknown name only the note says so; never the typed text.
 */
function failedSignIn(
  ctx: Ctx,
  user: Pick<UsersTable, 'id' | 'username'> | undefined,
  note:
    | 'unknown_user'
    | 'wrong_password'
    | 'lockout_started'
    | 'source_held'
    | 'throttled'
    | 'disabled',
  changes?: Record<string, [unknown, unknown]>,
): void {
  ctx.audit({
    recordType: 'user',
    recordId: user?.id,
    outcome: 'denied',
    note,
    ...(changes ? { changes } : {}),
    // Not the account owner's own action: no user id, so "my activity" does not list it.
    actor: { id: null, username: user?.username ?? null },
  });
}

/**
 * Sign-in bookkeeping (failed attempts, lock, last sign-in): not an edit of the account, so no
 * new version; the sign-in's own audit entry says what happened.
 */
function signInState(
  ctx: Ctx,
  user: Selectable<UsersTable>,
  values: Pick<Updateable<UsersTable>, 'failed_attempts' | 'locked_until' | 'last_login_at'>,
): Promise<void> {
  return updateBookkeeping(ctx, 'users', user, values, { recordType: false });
}

/** First-run setup happens once: any account means it is done. */
async function refuseIfSetUp(ctx: Pick<Ctx, 'db'>): Promise<void> {
  const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) throw new AppError('CONFLICT', 'auth.error.setupDone');
}

export const authHandlers: HandlersOf<typeof authContract> = {
  async 'auth.status'(_input, ctx) {
    const office = await ctx.db
      .selectFrom('office')
      .select(['name', 'time_zone'])
      .executeTakeFirst();
    const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return {
      setupDone: Boolean(office && anyUser),
      officeName: office?.name ?? null,
      timeZone: office?.time_zone ?? 'Asia/Makassar',
    };
  },

  'auth.setup': staged<'auth.setup', string>({
    // The hash before the transaction, holding no connection (quitting meanwhile loses nothing).
    async prepare(input, ctx) {
      await refuseIfSetUp(ctx);
      return checkedPasswordHash(input.admin.password, input.admin.username, ['admin', 'password']);
    },

    async write(input, ctx, passwordHash) {
      // Again inside the transaction: two first-run screens may race.
      await refuseIfSetUp(ctx);
      const password = passwordColumns(ctx, passwordHash);

      // The admin being set up is the actor of both records: nobody is signed in yet.
      const actor = { id: uuidv7(ctx.now.getTime()), username: input.admin.username };
      await insertOffice(ctx, input.office, actor, ['office']);
      const id = await insertTracked(
        ctx,
        'users',
        {
          id: actor.id,
          username: input.admin.username,
          full_name: input.admin.fullName,
          nip: null,
          position: null,
          ...password,
          must_change_password: 0,
          active: 1,
          failed_attempts: 0,
        },
        { recordType: 'user', view: auditView, extra: rolesDiff(null, ['admin']), actor },
      );
      await setRoles(ctx.db, id, ['admin']);
      await ctx.startSession(id);
      return meOf(ctx, id);
    },
  }),

  'auth.login': staged<'auth.login', LoginCheck>({
    // Before the transaction: the block check and the password hash, holding no connection.
    async prepare(input, ctx) {
      const keys = signInKeys(input.username, ctx.source);
      const user = await ctx.db
        .selectFrom('users')
        .select(['id', 'username', 'password_hash', 'locked_until'])
        .where('username', '=', input.username)
        .executeTakeFirst();
      // A block (per name, known or not, and per source) answers before any password check.
      const now = ctx.now.getTime();
      // A block the account row still holds from before a restart of the backend.
      if (user?.locked_until && user.locked_until > ctx.nowIso)
        ctx.signIns.restore(input.username, Date.parse(user.locked_until), now);
      const until = ctx.signIns.blockedUntil(keys, now);
      if (until !== null) {
        const refused = ctx.signIns.refused(keys, now);
        // Bounded rows: the 1st, 10th, 100th … refused attempt of a block, with the count.
        if (refused !== null)
          failedSignIn(ctx, user, 'throttled', { refused_attempts: [null, refused] });
        throw await tooMany(ctx, until);
      }
      const hash = user?.password_hash ?? DUMMY_PASSWORD_HASH;
      return {
        userId: user?.id ?? null,
        hash,
        passwordOk: await verifyPassword(input.password, hash),
      };
    },

    // In the transaction: record the outcome against the row as it is now.
    async write(input, ctx, check) {
      const keys = signInKeys(input.username, ctx.source);
      const user = check.userId
        ? await ctx.db
            .selectFrom('users')
            .selectAll()
            .where('id', '=', check.userId)
            .executeTakeFirst()
        : undefined;
      // The password changed while this one was being checked: it was checked against the old.
      const passwordOk = check.passwordOk && user?.password_hash === check.hash;
      if (!user || !passwordOk) {
        const started = ctx.signIns.failed(keys, ctx.now.getTime());
        if (user) {
          // The account row mirrors the name's count and block, for the admin's user list
          // (a block of the source is not the account's).
          const expired = user.locked_until !== null && user.locked_until <= ctx.nowIso;
          await signInState(ctx, user, {
            failed_attempts: (expired ? 0 : user.failed_attempts) + 1,
            locked_until: started.name ? new Date(started.name).toISOString() : null,
          });
        }
        const note = started.name
          ? 'lockout_started'
          : started.source
            ? 'source_held'
            : user
              ? 'wrong_password'
              : 'unknown_user';
        failedSignIn(ctx, user, note);
        const until = Math.max(started.name ?? 0, started.source ?? 0);
        if (until > 0) throw await tooMany(ctx, until);
        throw denied('auth.error.invalid');
      }
      // Only a caller who knows the password learns that the account is disabled.
      if (user.active !== 1) {
        failedSignIn(ctx, user, 'disabled');
        throw denied('auth.error.disabled');
      }

      ctx.signIns.clear(input.username);
      await signInState(ctx, user, {
        failed_attempts: 0,
        locked_until: null,
        last_login_at: ctx.nowIso,
      });
      await ctx.startSession(user.id);
      ctx.audit({
        recordType: 'user',
        recordId: user.id,
        actor: { id: user.id, username: user.username },
      });
      return meOf(ctx, user.id);
    },
  }),

  async 'auth.me'(_input, ctx) {
    return meOf(ctx, requireUser(ctx).id);
  },

  async 'auth.logout'(_input, ctx) {
    await ctx.endSession('this');
    return { ok: true };
  },

  async 'auth.logoutEverywhere'(_input, ctx) {
    await ctx.endSession('all');
    return { ok: true };
  },

  'auth.changePassword': staged<'auth.changePassword', { seen: string; newHash: string }>({
    // Both hashes before the transaction, holding no connection.
    async prepare(input, ctx) {
      const me = requireUser(ctx);
      const row = await loadForChange(ctx.db, 'users', me.id);
      if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
        throw fieldErrors([{ path: ['currentPassword'], key: 'auth.error.wrongCurrent' }]);
      }
      if (input.currentPassword === input.newPassword) {
        throw fieldErrors([{ path: ['newPassword'], key: 'auth.error.sameAsOld' }]);
      }
      const newHash = await checkedPasswordHash(input.newPassword, me.username, ['newPassword']);
      return { seen: row.password_hash, newHash };
    },

    async write(_input, ctx, { seen, newHash }) {
      const me = requireUser(ctx);
      const row = await loadForChange(ctx.db, 'users', me.id);
      // Changed meanwhile (another PC, an admin's reset): the current password checked is stale.
      if (row.password_hash !== seen) {
        throw fieldErrors([{ path: ['currentPassword'], key: 'auth.error.wrongCurrent' }]);
      }
      // The owner's own change: an admin's open edit of the profile does not go stale.
      await updateBookkeeping(
        ctx,
        'users',
        row,
        { ...passwordColumns(ctx, newHash), must_change_password: 0 },
        { recordType: 'user', view: auditView },
      );
      // Other PCs where this account is still signed in must sign in with the new password.
      await ctx.db
        .deleteFrom('sessions')
        .where('user_id', '=', me.id)
        .where('id', '!=', me.sessionId)
        .execute();
      return { ok: true };
    },
  }),
};
