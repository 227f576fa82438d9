/**
 * The office network screen's methods. The settings are files in the data folder (the shells
 * read them before any database is open), changed only by an admin sitting at this PC, and each
 * change is recorded in the audit trail.
 */
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { NetworkStatus, networkContract } from '../../../shared/contract/network';
import { staged, type Ctx, type HandlersOf } from '../dispatch/context';
import { AppError, fieldError, staleRecord } from '../errors';
import {
  CLIENT_FILE,
  ClientConfigError,
  readOfficeClient,
  writeOfficeClient,
  type OfficeClient,
} from './clientFile';
import { OFF, type ServeSettings } from './control';
import { probeOfficeHost } from './probe';
import { readServeSettings, removeFile, writeServeSettings } from './settings';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Calls from this PC: an Electron window, or the browser host reached on the loopback. */
export function fromThisPc(source: string | null): boolean {
  if (source === null || source.startsWith('window:')) return true;
  return source.startsWith('host:') && LOOPBACK.has(source.slice('host:'.length));
}

function requireThisPc(ctx: Ctx): void {
  if (!fromThisPc(ctx.source)) throw new AppError('FORBIDDEN', 'network.local_only');
}

/** IPv4 addresses of this PC's network cards (not the loopback), to suggest as names. */
function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

function currentSettings(ctx: Ctx): ServeSettings {
  return ctx.network?.fixed ?? readServeSettings(ctx.dataDir);
}

export function networkStatus(ctx: Ctx): NetworkStatus {
  const settings = currentSettings(ctx);
  const runtime = ctx.network ? ctx.network.runtime() : { ...OFF, state: 'unavailable' as const };
  let client: NetworkStatus['client'] = null;
  let clientProblem: string | null = null;
  try {
    const c = readOfficeClient(ctx.dataDir);
    if (c) client = { url: c.url, fingerprint256: c.fingerprint };
  } catch (e) {
    if (!(e instanceof ClientConfigError)) throw e;
    clientProblem = `${CLIENT_FILE} ${e.message}`;
  }
  return {
    serve: { ...settings, ...runtime },
    client,
    clientProblem,
    thisPc: { hostname: hostname().toLowerCase(), addresses: lanAddresses() },
    local: fromThisPc(ctx.source),
  };
}

/** A new PC only: once anyone is set up, the network is the admin's (network.saveClient). */
async function refuseIfSetUp(ctx: Ctx): Promise<void> {
  const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) throw new AppError('CONFLICT', 'auth.error.setupDone');
}

interface ClientPin {
  url: string;
  fingerprint256: string;
}

/** Pins the office host's certificate for client mode, after checking it again now. */
async function pinClient(input: ClientPin, ctx: Ctx) {
  requireThisPc(ctx);
  if (currentSettings(ctx).enabled) throw new AppError('CONFLICT', 'network.client_while_serving');
  // Checked again now: the pin must be the certificate the host presents at this moment.
  const seen = await probeOfficeHost(input.url);
  if (seen.fingerprint256 !== input.fingerprint256)
    throw new AppError('CONFLICT', 'network.fingerprint_changed', {
      fingerprint: seen.fingerprint256,
    });
  const before = readOfficeClient(ctx.dataDir);
  writeOfficeClient(ctx.dataDir, seen.url, seen.fingerprint256);
  return { before };
}

function auditPin(
  ctx: Ctx,
  input: ClientPin,
  before: OfficeClient | null,
  actor?: { id: string | null; username: string | null },
) {
  ctx.audit({
    recordType: 'officeNetwork',
    recordId: 'client',
    changes: {
      url: [before?.url ?? null, new URL(input.url).href],
      fingerprint: [before?.fingerprint ?? null, input.fingerprint256],
    },
    ...(actor ? { actor } : {}),
  });
}

export const networkHandlers: HandlersOf<typeof networkContract> = {
  async 'network.status'(_input, ctx) {
    return networkStatus(ctx);
  },

  'network.saveServe': staged({
    // Sockets and the certificate are outside the database: started before the transaction, so
    // a port that cannot be opened leaves the saved setting as it was.
    async prepare(input, ctx) {
      requireThisPc(ctx);
      const network = ctx.network;
      if (!network) throw new AppError('CONFLICT', 'network.unavailable');
      if (network.fixed) throw new AppError('CONFLICT', 'network.fixed_by_command');
      const before = readServeSettings(ctx.dataDir);
      if (input.version !== before.version) throw staleRecord();
      const names = [...new Set(input.names)];
      if (input.enabled && names.length === 0)
        throw fieldError(['names'], 'network.names_required');
      if (input.enabled && readOfficeClient(ctx.dataDir))
        throw new AppError('CONFLICT', 'network.serve_while_client');
      const next: ServeSettings = {
        enabled: input.enabled,
        port: input.port,
        names,
        version: before.version + 1,
      };
      await network.apply(next);
      writeServeSettings(ctx.dataDir, next);
      return { before, next };
    },
    async write(_input, ctx, { before, next }) {
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of ['enabled', 'port', 'names'] as const)
        if (JSON.stringify(before[k]) !== JSON.stringify(next[k]))
          changes[k] = [before[k], next[k]];
      ctx.audit({ recordType: 'officeNetwork', recordId: 'serve', changes });
      return networkStatus(ctx);
    },
  }),

  async 'network.probe'(input) {
    return probeOfficeHost(input.url);
  },

  'network.saveClient': staged({
    prepare: pinClient,
    async write(input, ctx, { before }) {
      auditPin(ctx, input, before);
      return networkStatus(ctx);
    },
  }),

  async 'network.setupProbe'(input, ctx) {
    await refuseIfSetUp(ctx);
    requireThisPc(ctx);
    return probeOfficeHost(input.url);
  },

  'network.setupClient': staged({
    async prepare(input, ctx) {
      await refuseIfSetUp(ctx);
      return pinClient(input, ctx);
    },
    async write(input, ctx, { before }) {
      auditPin(ctx, input, before, { id: null, username: null });
      return { url: new URL(input.url).href, fingerprint256: input.fingerprint256 };
    },
  }),

  'network.clearClient': staged({
    async prepare(_input, ctx) {
      requireThisPc(ctx);
      let before: string | null = null;
      try {
        before = readOfficeClient(ctx.dataDir)?.url ?? null;
      } catch (e) {
        if (!(e instanceof ClientConfigError)) throw e;
        before = CLIENT_FILE;
      }
      removeFile(join(ctx.dataDir, CLIENT_FILE));
      return { before };
    },
    async write(_input, ctx, { before }) {
      ctx.audit({
        recordType: 'officeNetwork',
        recordId: 'client',
        changes: { url: [before, null] },
      });
      return networkStatus(ctx);
    },
  }),
};
