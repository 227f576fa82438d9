/**
 * Checkpoints an admin asks for, lists, prints or exports (signatures.ts signs them). The
 * exported text is what the office keeps outside this PC: with it, a trail shortened or
 * rewritten later no longer matches, even by someone who holds the database and the key.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Checkpoint } from '../../../shared/contract/audit';
import { formatDateTime } from '../../../shared/format';
import { translate } from '../../../shared/i18n';
import type { Ctx } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import type { AuditCheckpointsTable, DB } from '../db/schema';
import { AppError } from '../errors';
import type { GeneratedFile } from '../files/generated';
import type { OfficeKey } from '../keys/officeKey';
import { loadOffice } from '../office/store';
import { insertCheckpoint, trailHead } from './signatures';

function toCheckpoint(r: Selectable<AuditCheckpointsTable>): Checkpoint {
  return {
    id: r.id,
    seq: r.seq,
    hash: r.hash,
    at: r.at,
    reason: r.reason,
    keyId: r.key_id,
    signature: r.signature,
  };
}

export async function listCheckpoints(db: Kysely<DB>, limit: number): Promise<Checkpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCheckpoint);
}

export async function latestCheckpoint(db: Kysely<DB>): Promise<Checkpoint | null> {
  return (await listCheckpoints(db, 1))[0] ?? null;
}

/** Signs the trail's head now, for the admin who asked (inside the call's transaction). */
export async function signCheckpointNow(ctx: Ctx, key: OfficeKey): Promise<Checkpoint> {
  const me = requireUser(ctx);
  const head = await trailHead(ctx.db);
  if (!head) throw new AppError('CONFLICT', 'audit.checkpoint_empty');
  await insertCheckpoint(ctx.db, key, { ...head, at: ctx.nowIso }, 'admin', me.id);
  return (await latestCheckpoint(ctx.db))!;
}

/**
 * The checkpoint as a plain text page (Bahasa Indonesia, then English), with everything needed
 * to check it later: entry number, hash, time, the office key and the signature.
 */
export async function checkpointFile(
  db: Kysely<DB>,
  cp: Checkpoint,
  key: OfficeKey,
): Promise<GeneratedFile> {
  const office = await loadOffice(db);
  const tz = office?.timeZone;
  const lines = [
    `${translate('id', 'audit.checkpoint.fileTitle')} / ${translate('en', 'audit.checkpoint.fileTitle')}`,
    office?.name ?? '',
    '',
    `${translate('id', 'audit.checkpoint.seq')}: ${cp.seq}`,
    `${translate('id', 'audit.checkpoint.hash')}: ${cp.hash}`,
    `${translate('id', 'audit.checkpoint.at')}: ${formatDateTime(cp.at, { locale: 'id', timeZone: tz })} (${cp.at})`,
    `${translate('id', 'audit.checkpoint.reason')}: ${translate('id', `audit.checkpoint.reason.${cp.reason}`)}`,
    `${translate('id', 'audit.checkpoint.key')}: ${cp.keyId}`,
    `${translate('id', 'audit.checkpoint.publicKey')}: ${key.publicKey}`,
    `${translate('id', 'audit.checkpoint.signature')}: ${cp.signature}`,
    '',
    translate('id', 'audit.checkpoint.fileHelp'),
    translate('en', 'audit.checkpoint.fileHelp'),
    '',
  ];
  return {
    bytes: Buffer.from(lines.join('\n'), 'utf8'),
    name: `pelita-checkpoint-${cp.seq}.txt`,
    type: 'text/plain',
  };
}
