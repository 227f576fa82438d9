/**
 * Findings (laporan temuan PPKS) reported from the kelurahan: who reports, where a finding stands,
 * and what the city did with it. The outcome kinds are the acted-on steps of the workflow
 * (shared/workflow/findings.ts); a PPKS case opened from a finding becomes one more kind once
 * case files land.
 */
export const REPORTER_ROLES = [
  'kelurahan_staff',
  'tksk',
  'psm',
  'rt_rw',
  'police',
  'community',
] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

export const FINDING_STATUSES = ['received', 'triaged', 'acted_on', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_OUTCOMES = [
  'shelter_checkin',
  'complaint_linked',
  'referred',
  'no_action',
] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];

/** How a finding reached the city: typed in over the office host, or (later) from a packet. */
export const FINDING_SOURCES = ['direct', 'packet'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** Working days to triage and to act, by urgency; emergencies the same day. */
export const FINDING_DEADLINE_DAYS = {
  emergency: { triage: 0, act: 0 },
  high: { triage: 1, act: 2 },
  normal: { triage: 2, act: 5 },
} as const;
