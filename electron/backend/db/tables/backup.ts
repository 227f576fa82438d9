/** Kysely types of migration 0017 (backups). */
import type { Tracked } from './tracked';

export interface BackupSettingsTable extends Tracked {
  id: number;
  /** null: the default folder beside the data folder (backup/settings.ts). */
  folder: string | null;
  auto: number;
  interval_hours: number;
  keep_daily: number;
  keep_weekly: number;
  keep_monthly: number;
}

/** One backup attempt, written once. */
export interface BackupRunsTable {
  id: string;
  kind: 'auto' | 'manual' | 'safety';
  started_at: string;
  finished_at: string;
  ok: number;
  name: string | null;
  folder: string;
  size_bytes: number | null;
  audit_seq: number | null;
  message: string | null;
  user_id: string | null;
}

export interface BackupTables {
  backup_settings: BackupSettingsTable;
  backup_runs: BackupRunsTable;
}
