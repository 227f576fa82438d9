/**
 * The file port's backend side: receive an upload streamed past the JSON limit, and hand a stored
 * file back. Both shells call these with the caller's session token, as they call dispatch: the
 * browser host from POST /files/upload and GET /files/<id>, Electron from its IPC relay through
 * the backend process. Sessions, permissions and audit work as in dispatch.
 */
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import {
  FILE_KINDS,
  FILE_METHODS,
  formatBytes,
  GENERATED_PURPOSE,
  isUploadPurpose,
  UPLOAD_PURPOSES,
  uploadLimit,
  type StoredFile,
} from '../../../shared/files';
import type { RpcResponse } from '../../../shared/errors';
import { canAccess, type Access } from '../../../shared/roles';
import { appendAudit, type AuditEntry } from '../audit/chain';
import { openOfficeKey } from '../keys/officeKey';
import { resolveSession, type SessionUser } from '../auth/sessions';
import type { DB } from '../db/schema';
import { inTransaction, rpcError, type SessionChange } from '../dispatch/dispatch';
import { AppError } from '../errors';
import { uuidv7 } from '../lib/ids';
import { cleanFileName, contradictions, detectKind, kindList } from './kinds';
import { blobPath, discard, keep, receive, TooLarge, type Received } from './store';

export interface FilePortDeps {
  db: Kysely<DB>;
  dataDir: string;
  now: () => Date;
}

export interface UploadRequest {
  purpose: string;
  /** The file's name as the user picked it. */
  name: string;
  /** The MIME type the client declares ('' when it does not know). */
  declaredType: string;
  /** The size announced before sending (Content-Length), refused early when too large. */
  declaredSize?: number;
  body: AsyncIterable<Uint8Array>;
}

export interface FileResult {
  response: RpcResponse<StoredFile>;
  session?: SessionChange;
}

export interface DownloadResult extends FileResult {
  /** Where the bytes are, when the response is ok. */
  path?: string;
}

const fail = (e: AppError, session?: SessionChange): FileResult => ({
  response: { ok: false, error: rpcError(e) },
  ...(session ? { session } : {}),
});

export function createFilePort(deps: FilePortDeps) {
  const { db, dataDir } = deps;
  const key = openOfficeKey(dataDir);

  async function audit(entries: Omit<AuditEntry, 'at'>[], at: string) {
    await inTransaction(db, (trx) =>
      appendAudit(
        trx,
        entries.map((e) => ({ ...e, at })),
        key,
      ),
    );
  }

  /** Session and permission, as dispatch checks them; `access` null: decided by the caller. */
  async function admit(
    token: string | null,
    method: string,
    access: Access,
    now: Date,
  ): Promise<{ user: SessionUser } | { error: FileResult }> {
    const user = await resolveSession(db, token, now);
    const session: SessionChange | undefined = token && !user ? { clear: true } : undefined;
    if (!user)
      return { error: fail(new AppError('UNAUTHENTICATED', 'error.unauthenticated'), session) };
    if (user.mustChangePassword)
      return { error: fail(new AppError('FORBIDDEN', 'auth.mustChange')) };
    if (!canAccess(access, user.roles)) {
      await audit(
        [
          {
            userId: user.id,
            username: user.username,
            method,
            outcome: 'denied',
            note: 'forbidden',
          },
        ],
        now.toISOString(),
      );
      return { error: fail(new AppError('FORBIDDEN', 'error.forbidden')) };
    }
    return { user };
  }

  /**
   * Streams the upload into the store: refused before reading when the session, purpose or
   * announced size is wrong; while reading when it grows past the purpose's limit; after reading
   * when the content is not an accepted kind or not what its name and type say. A refused or
   * aborted upload leaves no file and no row.
   */
  async function upload(token: string | null, req: UploadRequest): Promise<FileResult> {
    const now = deps.now();
    const nowIso = now.toISOString();
    if (!isUploadPurpose(req.purpose))
      return fail(new AppError('VALIDATION', 'file.unknown_purpose'));
    const purpose = UPLOAD_PURPOSES[req.purpose];
    const admitted = await admit(token, FILE_METHODS.upload, purpose.access, now);
    if ('error' in admitted) return admitted.error;
    const { user } = admitted;

    const name = cleanFileName(req.name);
    if (!name) return fail(new AppError('VALIDATION', 'file.bad_name'));
    const maxBytes = uploadLimit(req.purpose);
    const tooLarge = () =>
      fail(new AppError('VALIDATION', 'file.too_large', { name, max: formatBytes(maxBytes) }));
    if ((req.declaredSize ?? 0) > maxBytes) return tooLarge();

    let received: Received;
    try {
      received = await receive(dataDir, req.body, maxBytes);
    } catch (e) {
      if (e instanceof TooLarge) return tooLarge();
      return fail(new AppError('VALIDATION', 'file.aborted'));
    }
    const refuse = (
      key: 'file.empty' | 'file.unknown_kind' | 'file.kind_not_allowed' | 'file.kind_mismatch',
      declared?: string,
    ) => {
      discard(received);
      const allowed = kindList(purpose.kinds);
      return fail(
        new AppError('VALIDATION', key, { name, allowed, ...(declared ? { declared } : {}) }),
      );
    };
    if (received.size === 0) return refuse('file.empty');
    const kind = detectKind(received.head, purpose.kinds);
    if (!kind) return refuse('file.unknown_kind');
    const claims = contradictions(name, req.declaredType, kind);
    if (claims.length > 0) return refuse('file.kind_mismatch', claims[0]);
    if (!(purpose.kinds as readonly string[]).includes(kind))
      return refuse('file.kind_not_allowed');

    const stored: StoredFile = {
      fileId: uuidv7(now.getTime()),
      name,
      type: FILE_KINDS[kind].mime,
      size: received.size,
    };
    try {
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('files')
          .values({
            id: stored.fileId,
            sha256: received.sha256,
            type: stored.type,
            size: stored.size,
            original_name: name,
            purpose: req.purpose,
            created_at: nowIso,
            created_by: user.id,
          })
          .execute();
        await appendAudit(
          trx,
          [
            {
              at: nowIso,
              userId: user.id,
              username: user.username,
              method: FILE_METHODS.upload,
              recordType: 'file',
              recordId: stored.fileId,
              outcome: 'ok',
              changes: {
                name: [null, name],
                type: [null, stored.type],
                size: [null, stored.size],
                sha256: [null, received.sha256],
              },
              note: req.purpose,
            },
          ],
          key,
        );
        // Inside the transaction: a blob is never removed between its row and its rename.
        keep(dataDir, received);
      });
    } catch (e) {
      discard(received);
      console.error('[pelita] storing an upload failed', e);
      return fail(new AppError('INTERNAL', 'error.internal'));
    }
    return { response: { ok: true, data: stored } };
  }

  /**
   * A stored file for the caller to view or save: readable by the purpose's `read` permission,
   * a generated file only by the user it was made for. Every hand-over is audited (UU PDP).
   */
  async function download(token: string | null, fileId: unknown): Promise<DownloadResult> {
    const now = deps.now();
    const admitted = await admit(token, FILE_METHODS.download, 'signedIn', now);
    if ('error' in admitted) return admitted.error;
    const { user } = admitted;
    const row =
      typeof fileId === 'string' && fileId.length <= 64
        ? await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst()
        : undefined;
    if (!row) return fail(new AppError('NOT_FOUND', 'error.not_found'));
    const allowed =
      row.purpose === GENERATED_PURPOSE
        ? row.created_by === user.id
        : isUploadPurpose(row.purpose) && canAccess(UPLOAD_PURPOSES[row.purpose].read, user.roles);
    const entry = {
      userId: user.id,
      username: user.username,
      method: FILE_METHODS.download,
      recordType: 'file',
      recordId: row.id,
    };
    if (!allowed) {
      await audit([{ ...entry, outcome: 'denied', note: 'forbidden' }], now.toISOString());
      return fail(new AppError('FORBIDDEN', 'error.forbidden'));
    }
    const path = blobPath(dataDir, row.sha256);
    if (!existsSync(path)) {
      console.error(`[pelita] file ${row.id} has no blob at ${path}`);
      return fail(new AppError('NOT_FOUND', 'file.missing'));
    }
    await audit(
      [{ ...entry, outcome: 'ok', note: `${row.purpose}: ${row.original_name}` }],
      now.toISOString(),
    );
    return {
      response: {
        ok: true,
        data: { fileId: row.id, name: row.original_name, type: row.type, size: row.size },
      },
      path,
    };
  }

  return { upload, download };
}

export type FilePort = ReturnType<typeof createFilePort>;
