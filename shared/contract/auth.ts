import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../roles';
import { method } from './method';
import { empty, id, ok, text } from './schemas';
import { officeInput } from './office';
import { cleanString, secretString } from './text';

export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);

export const username = cleanString()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'user.username_format' });

/** Strength is checked by the backend (it needs the username); here only the length bounds. */
export const password = secretString.min(1).max(200);

export const me = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const authContract = {
  /** What the first screen needs before anyone signs in. */
  'auth.status': method({
    access: 'public',
    write: false,
    input: empty,
    output: z.object({
      setupDone: z.boolean(),
      officeName: z.string().nullable(),
      timeZone: z.string(),
    }),
  }),
  /** First run only: office profile and the first admin account. */
  'auth.setup': method({
    access: 'public',
    write: true,
    session: 'start',
    input: z.strictObject({
      office: officeInput,
      admin: z.strictObject({ username, fullName: text(120), password }),
    }),
    output: me,
  }),
  'auth.login': method({
    access: 'public',
    write: true,
    session: 'start',
    input: z.strictObject({ username, password }),
    output: me,
  }),
  'auth.me': method({ access: 'signedIn', write: false, input: empty, output: me }),
  'auth.logout': method({
    access: 'signedIn',
    write: true,
    session: 'end',
    input: empty,
    output: ok,
  }),
  /** Ends every session of the signed-in user, on every PC. */
  'auth.logoutEverywhere': method({
    access: 'signedIn',
    write: true,
    session: 'end',
    input: empty,
    output: ok,
  }),
  'auth.changePassword': method({
    access: 'signedIn',
    write: true,
    input: z.strictObject({ currentPassword: password, newPassword: password }),
    output: ok,
  }),
};
