import type { usersContract } from '../../../shared/contract/users';
import { diffRecords } from '../audit/diff';
import { hashPassword, passwordIssues } from '../auth/passwords';
import { assertUpdated, nextVersion } from '../db/versioned';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldError, fieldErrors, notFound } from '../errors';
import { uuidv7 } from '../lib/ids';
import { auditView, countActiveAdmins, listUsers, loadUser, setRoles } from './queries';

const PASSWORD_CHANGE = { password: ['[redacted]', '[redacted]'] as [unknown, unknown] };

export const userHandlers: HandlersOf<typeof usersContract> = {
  async 'users.list'(input, ctx) {
    const { users, total } = await listUsers(ctx.db, input);
    return { users, total, page: input.page, pageSize: input.pageSize ?? Math.max(total, 1) };
  },

  async 'users.create'(input, ctx) {
    const admin = requireUser(ctx);
    const taken = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw fieldError(['username'], 'user.username_taken', { username: input.username });
    const issues = passwordIssues(input.password, input.username, ['password']);
    if (issues.length > 0) throw fieldErrors(issues);

    const id = uuidv7(ctx.now.getTime());
    await ctx.db
      .insertInto('users')
      .values({
        id,
        username: input.username,
        full_name: input.fullName,
        nip: input.nip,
        position: input.position,
        password_hash: await hashPassword(input.password),
        password_changed_at: ctx.nowIso,
        // The admin chose this password, so the user replaces it at first sign-in.
        must_change_password: 1,
        active: 1,
        failed_attempts: 0,
        created_at: ctx.nowIso,
        created_by: admin.id,
        updated_at: ctx.nowIso,
        updated_by: admin.id,
      })
      .execute();
    await setRoles(ctx.db, id, input.roles);
    const created = (await loadUser(ctx.db, id))!;
    ctx.audit({
      recordType: 'user',
      recordId: id,
      changes: { ...diffRecords(null, auditView(created)), password: [null, '[redacted]'] },
    });
    return created;
  },

  async 'users.update'(input, ctx) {
    const admin = requireUser(ctx);
    const before = await loadUser(ctx.db, input.id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw new AppError('CONFLICT', 'error.conflict_stale');
    const losesAdmin = before.roles.includes('admin') && !input.roles.includes('admin');
    if (losesAdmin && before.active && (await countActiveAdmins(ctx.db)) <= 1) {
      throw fieldError(['roles'], 'user.last_admin');
    }
    const result = await ctx.db
      .updateTable('users')
      .set({
        full_name: input.fullName,
        nip: input.nip,
        position: input.position,
        updated_at: ctx.nowIso,
        updated_by: admin.id,
        version: nextVersion,
      })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    await setRoles(ctx.db, input.id, input.roles);
    const after = (await loadUser(ctx.db, input.id))!;
    ctx.audit({
      recordType: 'user',
      recordId: input.id,
      changes: diffRecords(auditView(before), auditView(after)),
    });
    return after;
  },

  async 'users.setActive'(input, ctx) {
    const admin = requireUser(ctx);
    const before = await loadUser(ctx.db, input.id);
    if (!before) throw notFound();
    if (!input.active && input.id === admin.id)
      throw fieldError(['active'], 'user.cannot_disable_self');
    if (
      !input.active &&
      before.active &&
      before.roles.includes('admin') &&
      (await countActiveAdmins(ctx.db)) <= 1
    ) {
      throw fieldError(['active'], 'user.last_admin');
    }
    const result = await ctx.db
      .updateTable('users')
      .set({
        active: input.active ? 1 : 0,
        updated_at: ctx.nowIso,
        updated_by: admin.id,
        version: nextVersion,
      })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    if (!input.active)
      await ctx.db.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    const after = (await loadUser(ctx.db, input.id))!;
    ctx.audit({
      recordType: 'user',
      recordId: input.id,
      changes: diffRecords(auditView(before), auditView(after)),
    });
    return after;
  },

  async 'users.resetPassword'(input, ctx) {
    const admin = requireUser(ctx);
    const user = await loadUser(ctx.db, input.id);
    if (!user) throw notFound();
    const issues = passwordIssues(input.newPassword, user.username, ['newPassword']);
    if (issues.length > 0) throw fieldErrors(issues);
    await ctx.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(input.newPassword),
        password_changed_at: ctx.nowIso,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        updated_at: ctx.nowIso,
        updated_by: admin.id,
        version: nextVersion,
      })
      .where('id', '=', input.id)
      .execute();
    await ctx.db.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    const changes: Record<string, [unknown, unknown]> = { ...PASSWORD_CHANGE };
    if (user.lockedUntil) changes.locked_until = [user.lockedUntil, null];
    ctx.audit({ recordType: 'user', recordId: input.id, changes });
    return (await loadUser(ctx.db, input.id))!;
  },
};
