/**
 * Person photos live in the file store (files/): the renderer shrinks the picture, uploads it
 * for the `personPhoto` purpose and passes the file id to persons.setPhoto; the page shows it
 * through the file port's download (audited). A replaced or removed photo is released
 * (files/references.ts): gone unless another record, such as a merged one, still shows it.
 *
 * Photos saved before migration 0009 sit in <data>/photos/, named by `persons.photo_file`.
 * `adoptLegacyPhotos` moves each into the store when the backend opens, points the person at it
 * and removes the old files, replaced ones included; a photo that cannot be read stays where it
 * is (and on the record), with a log line.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { FILE_KINDS } from '../../../shared/files';
import { detectKind } from '../files/kinds';
import { storeBytes } from '../files/store';
import { uuidv7 } from '../lib/ids';

const LEGACY_NAME = /^[0-9a-f-]+\.(jpg|png)$/;

export function adoptLegacyPhotos(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  now: Date,
): number {
  const rows = sqlite
    .prepare(
      `SELECT id, photo_file, updated_by FROM persons
       WHERE photo_file IS NOT NULL AND photo_file_id IS NULL`,
    )
    .all() as { id: string; photo_file: string; updated_by: string | null }[];
  const dir = join(dataDir, 'photos');
  if (rows.length === 0 && !existsSync(dir)) return 0;
  const insert = sqlite.prepare(`INSERT INTO files
    (id, sha256, type, size, original_name, purpose, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, 'personPhoto', ?, ?)`);
  const point = sqlite.prepare(
    'UPDATE persons SET photo_file_id = ?, photo_file = NULL WHERE id = ?',
  );
  // A merged record shares its photo file with the record it was merged into: one row for both.
  const adopted = new Map<string, string>();
  let moved = 0;
  sqlite.transaction(() => {
    for (const row of rows) {
      const path = join(dir, row.photo_file);
      let fileId = adopted.get(row.photo_file);
      if (!fileId) {
        if (!LEGACY_NAME.test(row.photo_file) || !existsSync(path)) {
          console.error(`[pelita] photo of person ${row.id} not found: ${path}`);
          continue;
        }
        const bytes = readFileSync(path);
        const kind = detectKind(bytes.subarray(0, 16));
        if (!kind) {
          console.error(`[pelita] photo of person ${row.id} is not an image: ${path}`);
          continue;
        }
        fileId = uuidv7(now.getTime());
        const sha256 = storeBytes(dataDir, bytes);
        const createdBy = sqlite.prepare('SELECT 1 FROM users WHERE id = ?').get(row.updated_by)
          ? row.updated_by
          : null;
        insert.run(
          fileId,
          sha256,
          FILE_KINDS[kind].mime,
          bytes.length,
          row.photo_file,
          now.toISOString(),
          createdBy,
        );
        adopted.set(row.photo_file, fileId);
      }
      point.run(fileId, row.id);
      moved++;
    }
  })();
  // Only after the rows are committed: adopted files are now copies, and the photos replaced
  // before 0009 (kept until now) are orphans. Files not adopted are still referenced: kept.
  const stillNamed = new Set(
    (
      sqlite.prepare('SELECT photo_file FROM persons WHERE photo_file IS NOT NULL').all() as {
        photo_file: string;
      }[]
    ).map((r) => r.photo_file),
  );
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (LEGACY_NAME.test(name) && !stillNamed.has(name)) rmSync(join(dir, name), { force: true });
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return moved;
}
