import { usersContract } from '../../../shared/contract/users';
import { checkedPasswordHash, passwordColumns } from '../auth/passwords';
import { rolesOf } from '../auth/sessions';

import { findRow } from '../db/lookup';
import { insertTracked, loadForChange, updateVersioned } from '../db/tracked';
import { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser, staged } from '../dispatch/context';
import { fieldError } from '../errors';
import { checkKelurahanRole } from '../kelurahan/scope';
import { auditView, countActiveAdmins, listUsers, loadUser, rolesDiff, setRoles } from './queries';

const AS_USER = { recordType: 'user', view: auditView };

async function refuseTaken(ctx: Ctx, username: string): Promise<void> {
  if (await findRow(ctx.db, 'users', { username }))
    throw fieldError(['username'], 'user.username_taken', { username });
}

export const userHandlers: HandlersOf<typeof usersContract> = {
  async 'users.list'(input, ctx) {
    const { users, total } = await listUsers(ctx.db, input);
    return { users, total, page: input.page, pageSize: input.pageSize ?? Math.max(total, 1) };
  },

  'users.create': staged<'users.create', string>({
    // The password's strength and hash before the transaction: hashing holds no connection.
    async prepare(input, ctx) {
      await refuseTaken(ctx, input.username);
      return checkedPasswordHash(input.password, input.username, ['password']);
    },

    async write(input, ctx, passwordHash) {
      // Again: another admin may have taken the name while the password was hashed.
      await refuseTaken(ctx, input.username);
      await checkKelurahanRole(ctx.db, input);
      const id = await insertTracked(
        ctx,
        'users',
        {
          username: input.username,
          full_name: input.fullName,
          nip: input.nip,
          position: input.position,
          kelurahan_code: input.kelurahanCode,
          ...passwordColumns(ctx, passwordHash),
          // The admin chose this password, so the user replaces it at first sign-in.
          must_change_password: 1,
          active: 1,
          failed_attempts: 0,
        },
        { ...AS_USER, extra: rolesDiff(null, input.roles) },
      );
      await setRoles(ctx.db, id, input.roles);
      return (await loadUser(ctx.db, id))!;
    },
  }),

  async 'users.update'(input, ctx) {
    const before = await loadForChange(ctx.db, 'users', input.id, input.version);
    const roles = await rolesOf(ctx.db, input.id);
    const losesAdmin = roles.includes('admin') && !input.roles.includes('admin');
    if (losesAdmin && before.active && (await countActiveAdmins(ctx.db)) <= 1) {
      throw fieldError(['roles'], 'user.last_admin');
    }
    await checkKelurahanRole(ctx.db, input);
    await updateVersioned(
      ctx,
      'users',
      before,
      {
        full_name: input.fullName,
        nip: input.nip,
        position: input.position,
        kelurahan_code: input.kelurahanCode,
      },
      { ...AS_USER, extra: rolesDiff(roles, input.roles) },
    );
    await setRoles(ctx.db, input.id, input.roles);
    return (await loadUser(ctx.db, input.id))!;
  },

  async 'users.setActive'(input, ctx) {
    const admin = requireUser(ctx);
    const before = await loadForChange(ctx.db, 'users', input.id, input.version);
    if (!input.active && input.id === admin.id)
      throw fieldError(['active'], 'user.cannot_disable_self');
    if (
      !input.active &&
      before.active &&
      (await rolesOf(ctx.db, input.id)).includes('admin') &&
      (await countActiveAdmins(ctx.db)) <= 1
    ) {
      throw fieldError(['active'], 'user.last_admin');
    }
    await updateVersioned(ctx, 'users', before, { active: input.active ? 1 : 0 }, AS_USER);
    if (!input.active)
      await ctx.db.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    return (await loadUser(ctx.db, input.id))!;
  },

  'users.resetPassword': staged<'users.resetPassword', string>({
    async prepare(input, ctx) {
      const { username } = await loadForChange(ctx.db, 'users', input.id);
      return checkedPasswordHash(input.newPassword, username, ['newPassword']);
    },

    async write(input, ctx, passwordHash) {
      const before = await loadForChange(ctx.db, 'users', input.id);
      await updateVersioned(
        ctx,
        'users',
        before,
        {
          ...passwordColumns(ctx, passwordHash),
          must_change_password: 1,
          failed_attempts: 0,
          locked_until: null,
        },
        AS_USER,
      );
      await ctx.db.deleteFrom('sessions').where('user_id', '=', input.id).execute();
      // The reset also lifts a block on the name after failed sign-ins.
      ctx.signIns.clear(before.username);
      return (await loadUser(ctx.db, input.id))!;
    },
  }),
};
