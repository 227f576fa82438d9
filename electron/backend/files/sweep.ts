/**
 * Housekeeping when the backend opens (nothing else runs yet): uploads never attached to a
 * record and generated files older than a day lose their rows, then blobs no row uses and
 * temporary files left by an interrupted upload are removed. See references.ts for the rule.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { FILE_REFERENCES } from './references';
import { clearTemp, listBlobs, removeBlob } from './store';

export const UNATTACHED_KEEP_MS = 24 * 60 * 60 * 1000;

export function sweepFiles(sqlite: BetterSqlite3.Database, dataDir: string, now: Date) {
  clearTemp(dataDir);
  const unreferenced = FILE_REFERENCES.map(
    (r) => `NOT EXISTS (SELECT 1 FROM "${r.table}" WHERE "${r.column}" = files.id)`,
  ).join(' AND ');
  const cutoff = new Date(now.getTime() - UNATTACHED_KEEP_MS).toISOString();
  const dropped = sqlite
    .prepare(`DELETE FROM files WHERE created_at < ? AND ${unreferenced}`)
    .run(cutoff).changes;
  const used = new Set(
    (sqlite.prepare('SELECT DISTINCT sha256 FROM files').all() as { sha256: string }[]).map(
      (r) => r.sha256,
    ),
  );
  let removed = 0;
  for (const sha256 of listBlobs(dataDir)) {
    if (used.has(sha256)) continue;
    removeBlob(dataDir, sha256);
    removed++;
  }
  return { dropped, removed };
}
