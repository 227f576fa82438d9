/** The admin's backup settings (one row, migration 17). */
import { isAbsolute, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RotationPolicy } from './rotation';

export interface BackupSettings {
  folder: string;
  /** False while the default folder inside the data folder (same disk) is used. */
  folderChosen: boolean;
  auto: boolean;
  intervalHours: number;
  policy: RotationPolicy;
  updatedAt: string;
  version: number;
}

/** Until the admin chooses one: inside the data folder, which guards against mistakes, not disks. */
export function defaultFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

export async function loadSettings(db: Kysely<DB>, dataDir: string): Promise<BackupSettings> {
  const row = await db
    .selectFrom('backup_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const chosen = row.folder !== null && isAbsolute(row.folder);
  return {
    folder: chosen ? row.folder! : defaultFolder(dataDir),
    folderChosen: chosen,
    auto: row.auto === 1,
    intervalHours: row.interval_hours,
    policy: { daily: row.keep_daily, weekly: row.keep_weekly, monthly: row.keep_monthly },
    updatedAt: row.updated_at,
    version: row.version,
  };
}
