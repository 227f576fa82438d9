/** Roles and what each may do. Every backend method names one permission (see contract/). */

export const ROLES = [
  'admin',
  'caseworker',
  'shelter_staff',
  'complaint_officer',
  'viewer',
  /** Kepala Seksi / Kepala Bidang: approves caseworkers' work. */
  'supervisor',
  /**
   * Kelurahan social staff or TKSK signed in to the office host: reports findings for one
   * kelurahan (users.kelurahan_code) and sees only that kelurahan's findings and counts.
   */
  'kelurahan_operator',
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
  /** Report figures (each report also needs its domain's read permission). */
  'reports.read',
  /** Register listings with names and NIK as XLSX: personal data leaving Pelita. */
  'reports.exportPersonal',
  /** Backups: settings, back up now, restore (admins only). */
  'backup.manage',
  /** The office's exchange keys and its partner offices' key cards. */
  'packets.keys',
  /** Export packets to partner offices and import theirs (UU PDP: answerable, registered). */
  'packets.exchange',
  /** Report findings (laporan temuan) and read them; a kelurahan operator only its own. */
  'findings.report',
  /** Read every kelurahan's findings (the city's queue). */
  'findings.read',
  /** Triage findings and record what was done. */
  'findings.triage',
  /** The PPKS rekap; a kelurahan operator sees its own kelurahan only. */
  'rekap.read',
  /** Counts-only additions to the rekap (people known but not in the registry). */
  'rekap.addCounts',
  /** Import DTSEN lists, review their matches, export the proposal (usulan) list. */
  'dtsen.manage',
  /** PPKS case files: read non-sensitive parts of every case. */
  'cases.read',
  /** Open cases and work on them: caseworkers only on cases assigned to them. */
  'cases.write',
  /** Approve assessments, plans and closures; reassign; edit any case (supervisors). */
  'cases.approve',
  /** Read sensitive case notes of every case (the assigned caseworker reads their own). */
  'cases.sensitive',
  /** Case numbering, due days and the list of service types. */
  'cases.manage',
  /** Letters: read the register and letters; write drafts and submit them. */
  'letters.read',
  'letters.write',
  /** Issue (number and seal) or void letters: the Kepala Seksi/Bidang who signs or approves. */
  'letters.issue',
  /** Letter templates, classification codes, signatories. */
  'letters.manage',
  /** The office network: serve this PC to the office (TLS host) or connect it to the host. */
  'office.network',
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
    'cases.read',
    'cases.write',
    'findings.report',
    'findings.read',
    'findings.triage',
    'rekap.read',
    'letters.read',
    'letters.write',
  ],
  shelter_staff: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'shelter.write',
    'reports.read',
    'findings.report',
    'findings.read',
    'rekap.read',
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
    'reports.read',
    'findings.report',
    'findings.read',
    'findings.triage',
    'rekap.read',
    'dtsen.manage',
  ],
  viewer: [
    'persons.read',
    'shelter.read',
    'complaints.read',
    'cases.read',
    'letters.read',
    'reports.read',
    'findings.read',
    'rekap.read',
  ],
  supervisor: [
    'persons.read',
    'persons.write',
    'shelter.read',
    'complaints.read',
    'cases.read',
    'cases.write',
    'cases.approve',
    'cases.sensitive',
    'letters.read',
    'letters.write',
    'letters.issue',
    'reports.read',
    'reports.exportPersonal',
    'findings.read',
    'findings.triage',
    'rekap.read',
  ],
  kelurahan_operator: ['findings.report', 'findings.read', 'rekap.read', 'rekap.addCounts'],
};

/** Roles scoped to one kelurahan: held alone, with the user's kelurahan set. */
export const KELURAHAN_ROLES: readonly Role[] = ['kelurahan_operator'];

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
