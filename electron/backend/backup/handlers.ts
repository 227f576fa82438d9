import { isAbsolute, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { backupContract, BackupInfo, BackupRun } from '../../../shared/contract/backup';
import type { DB } from '../db/schema';
import { changeTracked } from '../db/tracked';
import { requireUser, staged, type Ctx, type HandlersOf } from '../dispatch/context';
import { AppError, fieldError } from '../errors';
import { MIGRATIONS } from '../db/migrations';
import { listBackups } from './folder';
import type { Manifest } from './manifest';
import { checkBackup } from './restore';
import { SealedError, sealBackup, unsealBackup } from './sealed';
import { loadSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
const CURRENT_SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));

export function backupInfo(m: Manifest): BackupInfo {
  return {
    name: m.name,
    kind: m.kind,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    sizeBytes: m.sizeBytes,
    counts: m.counts,
    files: m.files.length,
    missingFiles: m.missingFiles,
  };
}

async function lastRun(db: Kysely<DB>, okOnly: boolean): Promise<BackupRun | null> {
  let q = db
    .selectFrom('backup_runs')
    .select(['kind', 'started_at', 'ok', 'name', 'folder', 'size_bytes', 'message'])
    .where('kind', '!=', 'safety');
  if (okOnly) q = q.where('ok', '=', 1);
  const r = await q.orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return r
    ? {
        kind: r.kind,
        startedAt: r.started_at,
        ok: r.ok === 1,
        name: r.name,
        folder: r.folder,
        sizeBytes: r.size_bytes,
        message: r.message,
      }
    : null;
}

/** Settings, the last good and the last backup, and whether the admin home should warn. */
export async function backupStatus(ctx: Ctx) {
  const s = await loadSettings(ctx.db, ctx.dataDir);
  const lastGood = await lastRun(ctx.db, true);
  return {
    folder: s.folder,
    folderChosen: s.folderChosen,
    auto: s.auto,
    intervalHours: s.intervalHours,
    keepDaily: s.policy.daily,
    keepWeekly: s.policy.weekly,
    keepMonthly: s.policy.monthly,
    updatedAt: s.updatedAt,
    version: s.version,
    lastGood,
    lastRun: await lastRun(ctx.db, false),
    stale: !lastGood || ctx.now.getTime() - Date.parse(lastGood.startedAt) > DAY_MS,
  };
}

async function folderOf(ctx: Ctx): Promise<string> {
  return (await loadSettings(ctx.db, ctx.dataDir)).folder;
}

function checked(ctx: Ctx, folder: string, name: string) {
  const b = ctx.backups;
  return checkBackup(folder, name, b.key, CURRENT_SCHEMA, b.nativeBinding);
}

export const backupHandlers: HandlersOf<typeof backupContract> = {
  async 'backup.status'(_input, ctx) {
    return backupStatus(ctx);
  },

  async 'backup.updateSettings'(input, ctx) {
    if (input.folder !== null && !isAbsolute(input.folder))
      throw fieldError(['folder'], 'backup.folder_absolute');
    await changeTracked(
      ctx,
      'backup_settings',
      1,
      input.version,
      {
        folder: input.folder,
        auto: input.auto ? 1 : 0,
        interval_hours: input.intervalHours,
        keep_daily: input.keepDaily,
        keep_weekly: input.keepWeekly,
        keep_monthly: input.keepMonthly,
      },
      { recordType: 'backup_settings' },
    );
    return backupStatus(ctx);
  },

  async 'backup.list'(_input, ctx) {
    const folder = await folderOf(ctx);
    return { folder, backups: listBackups(folder).map(backupInfo) };
  },

  // The copy is made outside the call's transaction (it takes seconds on a large database and
  // the connection must stay free between its steps); the write records the audit entry.
  'backup.run': staged({
    async prepare(_input, ctx) {
      return ctx.backups.run('manual', requireUser(ctx).id);
    },
    async write(_input, ctx, outcome) {
      if (!outcome.ok)
        throw new AppError('INTERNAL', 'backup.failed', { message: outcome.message });
      ctx.audit({ recordType: 'backup', note: outcome.manifest.name });
      return { backup: backupInfo(outcome.manifest), removed: outcome.removed };
    },
  }),

  async 'backup.inspect'(input, ctx) {
    const manifest = await checked(ctx, await folderOf(ctx), input.name);
    return { backup: backupInfo(manifest), currentSchema: CURRENT_SCHEMA };
  },

  'backup.restore': staged({
    async prepare(input, ctx) {
      const folder = await folderOf(ctx);
      const manifest = await checked(ctx, folder, input.name);
      const safety = await ctx.backups.run('safety', requireUser(ctx).id);
      if (!safety.ok)
        throw new AppError('INTERNAL', 'backup.safety_failed', { message: safety.message });
      return { folder, manifest, safetyCopy: safety.manifest.name };
    },
    async write(_input, ctx, { folder, manifest, safetyCopy }) {
      const user = requireUser(ctx);
      ctx.audit({ recordType: 'backup', note: `restore ${manifest.name}; safety ${safetyCopy}` });
      // Carried out by the backend once this call is done (app.ts): close, swap, reopen.
      ctx.backups.requestRestore({
        folder,
        manifest,
        safetyCopy,
        userId: user.id,
        username: user.username,
        sessionId: user.sessionId,
      });
      return { restored: backupInfo(manifest), safetyCopy };
    },
  }),

  'backup.exportEncrypted': staged({
    async prepare(input, ctx) {
      if (input.passphrase.length < 10)
        throw fieldError(['passphrase'], 'backup.passphrase_short', { min: 10 });
      if (input.targetFolder !== null && !isAbsolute(input.targetFolder))
        throw fieldError(['targetFolder'], 'backup.folder_absolute');
      const folder = await folderOf(ctx);
      const manifest = await checked(ctx, folder, input.name);
      return sealBackup(folder, manifest, input.passphrase, input.targetFolder ?? folder);
    },
    async write(input, ctx, sealed) {
      ctx.audit({ recordType: 'backup', note: `encrypted copy of ${input.name}: ${sealed.path}` });
      return sealed;
    },
  }),

  'backup.importEncrypted': staged({
    async prepare(input, ctx) {
      if (!isAbsolute(input.path) || !existsSync(input.path))
        throw fieldError(['path'], 'backup.sealed_not_found');
      try {
        return await unsealBackup(input.path, input.passphrase, await folderOf(ctx));
      } catch (e) {
        if (e instanceof SealedError)
          throw fieldError(
            [e.reason === 'passphrase' ? 'passphrase' : 'path'],
            e.reason === 'passphrase' ? 'backup.passphrase_wrong' : 'backup.sealed_damaged',
          );
        throw e;
      }
    },
    async write(input, ctx, manifest) {
      ctx.audit({ recordType: 'backup', note: `opened ${join(input.path)} as ${manifest.name}` });
      return { backup: backupInfo(manifest) };
    },
  }),
};
