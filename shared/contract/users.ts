import { z } from 'zod';
import { method } from './method';
import { roleSchema, password, username } from './auth';
import { id, isoDateTime, optionalNip, optionalText, text, version } from './schemas';

export const userRow = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version,
});
export type UserRow = z.infer<typeof userRow>;

const roles = z.array(roleSchema).min(1, { error: 'user.roles_required' });
const profile = {
  fullName: text(120),
  nip: optionalNip,
  position: optionalText(120),
  roles,
};

export const usersContract = {
  'users.list': method({
    access: 'users.manage',
    write: false,
    input: z.strictObject({ includeInactive: z.boolean().default(true) }),
    output: z.object({ users: z.array(userRow) }),
  }),
  'users.create': method({
    access: 'users.manage',
    write: true,
    input: z.strictObject({ username, password, ...profile }),
    output: userRow,
  }),
  'users.update': method({
    access: 'users.manage',
    write: true,
    input: z.strictObject({ id, version, ...profile }),
    output: userRow,
  }),
  /** Disabling ends the user's sessions; the last active admin cannot be disabled. */
  'users.setActive': method({
    access: 'users.manage',
    write: true,
    input: z.strictObject({ id, version, active: z.boolean() }),
    output: userRow,
  }),
  /** Sets a new password, lifts a lockout, ends sessions; the user must change it at next sign-in. */
  'users.resetPassword': method({
    access: 'users.manage',
    write: true,
    input: z.strictObject({ id, newPassword: password }),
    output: userRow,
  }),
};
