/** Backups and restore (admins): settings, back up now, what a backup holds, restore. */
import { z } from 'zod';
import { method } from './method';
import { empty, isoDateTime, optionalText, text, version } from './schemas';

/** A backup's name as the backup folder shows it (pelita-<UTC stamp>-<kind>). */
export const backupName = z
  .string()
  .regex(/^pelita-\d{8}T\d{9}Z-(auto|manual|safety)$/, { error: 'backup.name_invalid' });

export const backupKind = z.enum(['auto', 'manual', 'safety']);

export const backupRun = z.object({
  kind: backupKind,
  startedAt: isoDateTime,
  ok: z.boolean(),
  name: z.string().nullable(),
  folder: z.string(),
  sizeBytes: z.number().int().nullable(),
  message: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRun>;

export const backupSettings = z.object({
  folder: z.string(),
  /** False while the default folder inside the data folder (the same disk) is in use. */
  folderChosen: z.boolean(),
  auto: z.boolean(),
  intervalHours: z.number().int(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  keepMonthly: z.number().int(),
  updatedAt: isoDateTime,
  version,
});

export const backupStatus = backupSettings.extend({
  lastGood: backupRun.nullable(),
  lastRun: backupRun.nullable(),
  /** No good backup, or the last good one is older than a day. */
  stale: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupCounts = z.object({
  persons: z.number().int(),
  stays: z.number().int(),
  complaints: z.number().int(),
  users: z.number().int(),
  files: z.number().int(),
  auditEntries: z.number().int(),
});

/** What one backup holds, from its manifest. */
export const backupInfo = z.object({
  name: z.string(),
  kind: backupKind,
  createdAt: isoDateTime,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  sizeBytes: z.number().int(),
  counts: backupCounts,
  files: z.number().int(),
  missingFiles: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupSettingsInput = z.strictObject({
  /** An absolute folder (a second disk, a USB drive); empty: the default inside the data folder. */
  folder: optionalText(500),
  auto: z.boolean(),
  intervalHours: z.number().int().min(1).max(168),
  keepDaily: z.number().int().min(1).max(366),
  keepWeekly: z.number().int().min(0).max(520),
  keepMonthly: z.number().int().min(0).max(1200),
  version,
});

const named = z.strictObject({ name: backupName });

export const backupContract = {
  'backup.status': method({
    access: 'backup.manage',
    write: false,
    input: empty,
    output: backupStatus,
  }),
  'backup.updateSettings': method({
    access: 'backup.manage',
    write: true,
    input: backupSettingsInput,
    output: backupStatus,
  }),
  'backup.list': method({
    access: 'backup.manage',
    write: false,
    input: empty,
    output: z.object({ folder: z.string(), backups: z.array(backupInfo) }),
  }),
  'backup.run': method({
    access: 'backup.manage',
    write: true,
    input: empty,
    output: z.object({ backup: backupInfo, removed: z.array(z.string()) }),
  }),
  /** Reads and checks one backup (hash, integrity, audit trail, schema) before a restore. */
  'backup.inspect': method({
    access: 'backup.manage',
    write: false,
    input: named,
    output: z.object({ backup: backupInfo, currentSchema: z.number().int() }),
  }),
  /** Checks again, keeps a safety copy of the current database, swaps and reopens. */
  'backup.restore': method({
    access: 'backup.manage',
    write: true,
    input: named.extend({ confirm: z.literal(true, { error: 'backup.confirm_required' }) }),
    output: z.object({ restored: backupInfo, safetyCopy: z.string() }),
  }),
  /** An age-encrypted copy (passphrase) of one backup, for copies that leave the office. */
  'backup.exportEncrypted': method({
    access: 'backup.manage',
    write: true,
    input: named.extend({ passphrase: text(200), targetFolder: optionalText(500) }),
    output: z.object({ path: z.string(), sizeBytes: z.number().int() }),
  }),
  /** Opens an encrypted copy into the backup folder, where it can be inspected and restored. */
  'backup.importEncrypted': method({
    access: 'backup.manage',
    write: true,
    input: z.strictObject({ path: text(1000), passphrase: text(200) }),
    output: z.object({ backup: backupInfo }),
  }),
};
