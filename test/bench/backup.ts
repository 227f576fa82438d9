/**
 * Backups on the benchmark database: a backup with its checks (online copy, integrity_check and
 * the audit trail's verification on the copy, SHA-256) in MB/s, and the restore drill: back up,
 * change, restore (safety copy, swap, reopen), compare.
 * The generated database's trail is not intact (generate.ts writes entries and users directly,
 * unsigned), so backup.run and backup.restore would rightly refuse it: the same steps run here
 * one level down (makeBackup with its checks run but not enforced, and the backend's own
 * restore path, requested as backup.restore does) into a temporary folder, removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/app';
import { makeBackup } from '../../electron/backend/backup/make';

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
  const backUp = (kind: 'manual' | 'safety') =>
    makeBackup({
      sqlite: b.sqlite,
      dataDir: b.dataDir,
      folder,
      kind,
      at: new Date(),
      key: b.backups.key,
      checked: false,
    });
  try {
    const persons = () => b.sqlite.prepare('SELECT count(*) FROM persons').pluck().get() as number;
    const t0 = performance.now();
    const manifest = await backUp('manual');
    const backupS = (performance.now() - t0) / 1000;
    const mb = manifest.sizeBytes / 1024 / 1024;
    log(`backup + verify: ${mb.toFixed(0)} MB in ${backupS.toFixed(1)} s`);

    const before = persons();
    const t1 = performance.now();
    await call('persons.create', { fullName: 'Latihan Pemulihan', identityStatus: 'stated' });
    if (persons() !== before + 1) throw new Error('the change did not land');
    const r1 = performance.now();
    const safety = await backUp('safety');
    const me = (await call('auth.me', {})) as unknown as { id: string; username: string };
    b.backups.requestRestore({
      folder,
      manifest,
      safetyCopy: safety.name,
      userId: me.id,
      username: me.username,
      sessionId: '',
    });
    // The backend carries a requested restore out after the call that asked for it.
    await call('auth.me', {});
    const restoreS = (performance.now() - r1) / 1000;
    if (persons() !== before) throw new Error('the restore did not bring the backup back');
    const drillS = backupS + (performance.now() - t1) / 1000;
    log(
      `restore (safety copy, swap, reopen): ${restoreS.toFixed(1)} s; drill ${drillS.toFixed(1)} s`,
    );
    return {
      backup_verify_mb_per_s: Number((mb / backupS).toFixed(1)),
      restore_drill_s: Number(drillS.toFixed(1)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
