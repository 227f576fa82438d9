import { z } from 'zod';
import { method } from './method';
import { roleSchema, password, username } from './auth';
import {
  id,
  isoDateTime,
  optionalNip,
  optionalText,
  pageInput,
  pageOutput,
  regionCode,
  searchText,
  text,
  version,
} from './schemas';

export const userRow = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  roles: z.array(roleSchema),
  /** The kelurahan a kelurahan operator works for (code and name); null for office staff. */
  kelurahan: z.object({ code: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version,
});
export type UserRow = z.infer<typeof userRow>;

/** Sort keys for the users list: username, name (each either way) and latest sign-in first. */
export const USER_SORTS = ['username', 'username_desc', 'name', 'name_desc', 'last_login'] as const;

const roles = z.array(roleSchema).min(1, { error: 'user.roles_required' });
const profile = {
  fullName: text(120),
  nip: optionalNip,
  position: optionalText(120),
  roles,
  /** Required with the kelurahan operator role (which is held alone), refused without it. */
  kelurahanCode: regionCode.nullish().transform((v) => v ?? null),
};

export const usersContract = {
  /**
   * Users, filtered, sorted and paged by the server. Without `pageSize` every matching user comes
   * back in one page (pickers need them all; an office has a few dozen accounts).
   */
  'users.list': method({
    access: 'users.manage',
    write: false,
    input: z.strictObject({
      includeInactive: z.boolean().default(true),
      /** Part of the username, full name, NIP or position. */
      q: searchText(100).optional(),
      role: roleSchema.optional(),
      sort: z.enum(USER_SORTS).default('username'),
      page: pageInput.page,
      pageSize: pageInput.pageSize.removeDefault().optional(),
    }),
    output: z.object({ users: z.array(userRow), ...pageOutput }),
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
