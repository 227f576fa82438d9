/** Roles and what each may do. Every backend method names one permission (see contract/). */

export const ROLES = [
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'viewer',
  /** Kepala Seksi / Kepala Bidang: approves caseworkers' work. */
  'supervisor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.manage',
  'office.manage',
  'audit.read',
  'persons.read',
  'persons.write',
  'persons.merge',
  'persons.export',
  'shelter.read',
  'shelter.write',
  'shelter.manage',
  'shelter.correct',
  'complaints.read',
  'complaints.write',
  /** Log follow-up on complaints assigned to oneself (caseworkers' visits). */
  'complaints.followUp',
  'complaints.manage',
  'complaints.confidential',
  'calendar.manage',
  /** Letters: read the register and letters; write drafts and submit them. */
  'letters.read',
  'letters.write',
  /** Issue (number and seal) or void letters: the Kepala Seksi/Bidang who signs or approves. */
  'letters.issue',
  /** Letter templates, classification codes, signatories. */
  'letters.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How a method is reached: `public` needs no session (first-run setup, login),
 * `signedIn` needs any active session, otherwise a permission held through a role.
 */
export type Access = 'public' | 'signedIn' | Permission;

/** Admins hold everything; the viewer (pimpinan) reads and sees figures, never edits. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  caseworker: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'complaints.read',
    'complaints.followUp',
    'letters.read',
    'letters.write',
  ],
  shelter_staff: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'shelter.write',
    'letters.read',
    'letters.write',
  ],
  complaint_officer: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'complaints.read',
    'complaints.write',
    'complaints.followUp',
    'complaints.confidential',
  ],
  viewer: ['persons.read', 'shelter.read', 'complaints.read', 'letters.read'],
  supervisor: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'complaints.read',
    'letters.read',
    'letters.write',
    'letters.issue',
  ],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function canAccess(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'signedIn') return true;
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(access));
}
