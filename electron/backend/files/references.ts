/**
 * Which records point at stored files, and what happens to a file nothing points at any more.
 *
 * The rule: a file row lives while a record references it. When a record lets go of a file
 * (a replaced or removed photo), `releaseFile` deletes the row in the same transaction if no other
 * record still uses it (a merged person may share its photo), and after the commit the blob goes
 * too if no other row has the same content. Uploads never attached to a record and generated
 * files are removed by the sweep at open after a day (sweep.ts).
 */
import { readFile } from 'node:fs/promises';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { UploadPurposeName } from '../../../shared/files';
import type { Ctx } from '../dispatch/context';
import { inTransaction } from '../dispatch/dispatch';
import type { DB } from '../db/schema';
import { fieldError } from '../errors';
import { blobPath, removeBlob } from './store';

/** Every column that holds a files.id. A domain that keeps files adds its columns here. */
export const FILE_REFERENCES: readonly { table: keyof DB; column: string }[] = [
  { table: 'persons', column: 'photo_file_id' },
  { table: 'dtsen_lists', column: 'file_id' },
  { table: 'case_attachments', column: 'file_id' },
  { table: 'office', column: 'logo_file_id' },
];

/** Rows of `files` that no record references, as a SQL condition on `files.id`. */
export const unreferenced = sql<SqlBool>`${sql.join(
  FILE_REFERENCES.map(
    (r) =>
      sql`NOT EXISTS (SELECT 1 FROM ${sql.table(r.table)} WHERE ${sql.ref(`${r.table}.${r.column}`)} = files.id)`,
  ),
  sql` AND `,
)}`;

/**
 * Checks that `fileId` is an upload for `purpose` that this user may attach, before a record
 * points at it. `path` names the input field for the error.
 */
export async function attachableFile(
  ctx: Ctx,
  fileId: string,
  purpose: UploadPurposeName,
  path: string[],
): Promise<void> {
  const row = await ctx.db
    .selectFrom('files')
    .select('purpose')
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw fieldError(path, 'file.missing');
  if (row.purpose !== purpose) throw fieldError(path, 'file.wrong_purpose');
}

/** The bytes of an upload for `purpose` (a packet, a key card), after `attachableFile`'s checks. */
export async function uploadedBytes(
  ctx: Ctx,
  fileId: string,
  purpose: UploadPurposeName,
  path: string[],
): Promise<Uint8Array> {
  await attachableFile(ctx, fileId, purpose, path);
  const row = await ctx.db
    .selectFrom('files')
    .select('sha256')
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return readFile(blobPath(ctx.dataDir, row.sha256));
}

/** Removes a blob whose content no row uses any more; serialised with uploads by the transaction. */
export async function removeIfUnused(db: Kysely<DB>, dataDir: string, sha256: string) {
  await inTransaction(db, async (trx) => {
    const used = await trx
      .selectFrom('files')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!used) removeBlob(dataDir, sha256);
  });
}

/** A record stopped pointing at `fileId`: see the rule above. */
export async function releaseFile(ctx: Ctx, fileId: string | null): Promise<void> {
  if (!fileId) return;
  const gone = await ctx.db
    .deleteFrom('files')
    .where('id', '=', fileId)
    .where(unreferenced)
    .returning('sha256')
    .executeTakeFirst();
  if (!gone) return;
  ctx.afterCommit((db) =>
    removeIfUnused(db, ctx.dataDir, gone.sha256).catch((e: unknown) => {
      // The sweep at the next start removes it instead.
      console.error('[pelita] could not remove a released file', e);
    }),
  );
}
