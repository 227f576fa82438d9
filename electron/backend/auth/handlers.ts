import type { Selectable, Updateable } from 'kysely';
import { permissionsOf } from '../../../shared/roles';
import type { authContract, Me } from '../../../shared/contract/auth';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldErrors } from '../errors';
import { uuidv7 } from '../lib/ids';
import type { UsersTable } from '../db/schema';
import { findRow } from '../db/lookup';
import { insertTracked, loadForChange, updateBookkeeping } from '../db/tracked';
import { insertOffice, officeTimeZone } from '../office/store';
import { auditView, rolesDiff, setRoles } from '../users/queries';
import { dummyPasswordHash, passwordColumns, verifyPassword } from './passwords';
import { rolesOf } from './sessions';

/** After this many wrong passwords in a row the account locks for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

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

  async 'auth.setup'(input, ctx) {
    const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) throw new AppError('CONFLICT', 'auth.error.setupDone');
    const { username, password: chosen } = input.admin;
    const password = await passwordColumns(ctx, chosen, username, ['admin', 'password']);

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

  async 'auth.login'(input, ctx) {
    const user = await findRow(ctx.db, 'users', { username: input.username });
    const deny = (
      note: string,
      key: 'auth.error.invalid' | 'auth.error.locked' | 'auth.error.disabled',
      params?: Record<string, string>,
    ) => {
      ctx.audit({
        recordType: 'user',
        recordId: user?.id,
        outcome: 'denied',
        note,
        // Nobody is signed in: the attempt is not the account owner's own action, so it is filed
        // under the name typed, with the targeted account as the record.
        actor: { id: null, username: input.username },
      });
      return new AppError('UNAUTHENTICATED', key, params, undefined, true);
    };
    if (!user) {
      await verifyPassword(input.password, await dummyPasswordHash());
      throw deny('unknown_user', 'auth.error.invalid');
    }
    const timeZone = await officeTimeZone(ctx.db);
    const lockedNow = user.locked_until !== null && user.locked_until > ctx.nowIso;
    const passwordOk = await verifyPassword(input.password, user.password_hash);
    if (lockedNow) {
      throw deny('locked', 'auth.error.locked', {
        until: clockTime(user.locked_until!, timeZone),
        untilIso: user.locked_until!,
      });
    }
    if (!passwordOk) {
      // An expired lock starts a fresh count.
      const attempts = (user.locked_until ? 0 : user.failed_attempts) + 1;
      if (attempts >= MAX_FAILED_ATTEMPTS) {
        const until = new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000).toISOString();
        await signInState(ctx, user, { failed_attempts: attempts, locked_until: until });
        throw deny('lockout_started', 'auth.error.locked', {
          until: clockTime(until, timeZone),
          untilIso: until,
        });
      }
      await signInState(ctx, user, { failed_attempts: attempts, locked_until: null });
      throw deny('wrong_password', 'auth.error.invalid');
    }
    if (user.active !== 1) throw deny('disabled', 'auth.error.disabled');

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

  async 'auth.changePassword'(input, ctx) {
    const me = requireUser(ctx);
    const row = await loadForChange(ctx.db, 'users', me.id);
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      throw fieldErrors([{ path: ['currentPassword'], key: 'auth.error.wrongCurrent' }]);
    }
    if (input.currentPassword === input.newPassword) {
      throw fieldErrors([{ path: ['newPassword'], key: 'auth.error.sameAsOld' }]);
    }
    const password = await passwordColumns(ctx, input.newPassword, me.username, ['newPassword']);
    // The owner's own change: an admin's open edit of the profile does not go stale.
    await updateBookkeeping(
      ctx,
      'users',
      row,
      { ...password, must_change_password: 0 },
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
};
