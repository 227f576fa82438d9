/** Reference lists of the exchange packets (issue 12), for both sides. */

export const KEY_PROTECTIONS = ['os', 'passphrase'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];

export const PARTNER_STATUSES = ['active', 'blocked'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/**
 * An office's code in key cards and packets: a kabupaten/kota (63.72), or a kelurahan running in
 * kelurahan mode (63.72.01.1001) that sends its findings to its city.
 */
export const OFFICE_CODE = /^\d{2}\.\d{2}(\.\d{2}\.\d{4})?$/;

export const PACKET_KINDS = ['data', 'ack'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

export const PACKET_MODES = ['full', 'changes'] as const;
export type PacketMode = (typeof PACKET_MODES)[number];

/** What a staged record would do if accepted. */
export const STAGED_ACTIONS = [
  'new',
  'updated',
  'unchanged',
  'older',
  'deleted',
  'merged',
  'conflict',
] as const;
export type StagedAction = (typeof STAGED_ACTIONS)[number];

export const DECISIONS = ['pending', 'accept', 'link', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export const CONSENT_VALUES = ['given', 'refused'] as const;
export type ConsentValue = (typeof CONSENT_VALUES)[number];

/**
 * Legal bases for sharing (UU PDP 27/2022 art. 20): `consent` sends only persons who agreed;
 * the others cover persons without consent (not those who refused).
 */
export const LEGAL_BASES = ['consent', 'vital_interest', 'public_task'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The packet format this build writes and reads. */
export const PACKET_FORMAT = 1;
