/**
 * Backups on the benchmark database: back up now (online copy, integrity_check and the audit
 * trail verified on the copy) in MB/s, and the restore drill: back up, change, restore, compare.
 * Backups go to a temporary folder, removed afterwards, and the setting is put back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/app';

type Call = (method: string, input: unknown) => Promise<Record<string, never>>;

export interface BackupFigures {
  backup_verify_mb_per_s: number;
  restore_drill_s: number;
}

export async function benchBackup(
  b: Backend,
  call: Call,
  log: (line: string) => void,
): Promise<BackupFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'pelita-bench-backup-'));
  const settings = (await call('backup.status', {})) as unknown as Record<string, unknown>;
  const put = (f: string | null, version: number) =>
    call('backup.updateSettings', {
      folder: f,
      auto: settings.auto,
      intervalHours: settings.intervalHours,
      keepDaily: settings.keepDaily,
      keepWeekly: settings.keepWeekly,
      keepMonthly: settings.keepMonthly,
      version,
    }) as unknown as Promise<{ version: number }>;
  try {
    await put(folder, settings.version as number);
    const persons = () => b.sqlite.prepare('SELECT count(*) FROM persons').pluck().get() as number;

    const t0 = performance.now();
    const { backup } = (await call('backup.run', {})) as unknown as {
      backup: { name: string; sizeBytes: number };
    };
    const backupS = (performance.now() - t0) / 1000;
    const mb = backup.sizeBytes / 1024 / 1024;
    log(`backup + verify: ${mb.toFixed(0)} MB in ${backupS.toFixed(1)} s`);

    // The drill: change, restore, compare.
    const before = persons();
    const t1 = performance.now();
    await call('persons.create', { fullName: 'Latihan Pemulihan', identityStatus: 'stated' });
    if (persons() !== before + 1) throw new Error('the change did not land');
    const r1 = performance.now();
    await call('backup.restore', { name: backup.name, confirm: true });
    const restoreS = (performance.now() - r1) / 1000;
    if (persons() !== before) throw new Error('the restore did not bring the backup back');
    const drillS = backupS + (performance.now() - t1) / 1000;
    log(
      `restore (check, safety copy, swap, reopen): ${restoreS.toFixed(1)} s; drill ${drillS.toFixed(1)} s`,
    );

    const { version } = (await call('backup.status', {})) as unknown as { version: number };
    await put((settings.folderChosen as boolean) ? (settings.folder as string) : null, version);
    return {
      backup_verify_mb_per_s: Number((mb / backupS).toFixed(1)),
      restore_drill_s: Number(drillS.toFixed(1)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
