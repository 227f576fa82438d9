/**
 * The office host started from the office network screen (the setting in office-serve.json),
 * beside this PC's own window: a TLS listener on the LAN (office.ts) with the certificate from
 * tls.ts, serving the same backend. Used by the browser host and by Electron's backend process.
 * `npm run serve -- --office` instead fixes the office host by its options (commandNetwork).
 */
import type { Server } from 'node:net';
import type { Backend } from '../app';
import { translate } from '../../../shared/i18n';
import { AppError } from '../errors';
import { OFF, type OfficeNetwork, type ServeRuntime, type ServeSettings } from '../network/control';
import { readServeSettings } from '../network/settings';
import { createOfficeListener, type OfficeListener } from './office';
import { createRequestHandler } from './server';
import { hostName, withPort } from './start';
import { officeCertificate, type OfficeCertificate } from './tls';

export interface OfficeServeOptions {
  dataDir: string;
  /** The built renderer the clients' browsers load. */
  staticDir: string;
  /** The open backend; asked only once a start is requested (after it opened). */
  backend: () => Backend;
  /** Where to listen: every network card unless a test says otherwise. */
  bindHost?: string;
  log?: (line: string) => void;
}

export interface OfficeServe extends OfficeNetwork {
  /** Starts what office-serve.json asks for; a failure is kept in the runtime (state failed). */
  startSaved(): Promise<ServeRuntime>;
  close(): Promise<void>;
}

/** The addresses clients open, with the port. */
export function clientUrls(names: string[], port: number): string[] {
  return names.map((n) => `https://${withPort(n, port)}/`);
}

function bind(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        e.code === 'EADDRINUSE'
          ? new AppError('CONFLICT', 'network.port_busy', { port })
          : new AppError('CONFLICT', 'network.cannot_listen', { port, error: e.code ?? e.message }),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function runningRuntime(settings: ServeSettings, cert: OfficeCertificate): ServeRuntime {
  return {
    state: 'running',
    urls: clientUrls(settings.names, settings.port),
    fingerprint256: cert.fingerprint256,
    spki: cert.spki,
    error: null,
  };
}

export function createOfficeServe(opts: OfficeServeOptions): OfficeServe {
  const bindHost = opts.bindHost ?? '0.0.0.0';
  let current: { listener: OfficeListener; settings: ServeSettings } | null = null;
  let runtime: ServeRuntime = OFF;
  /** One change at a time: two quick saves must not race for the port. */
  let queue: Promise<unknown> = Promise.resolve();

  async function stop() {
    if (!current) return;
    const { listener } = current;
    current = null;
    await listener.close();
  }

  async function start(settings: ServeSettings): Promise<ServeRuntime> {
    const listener = createOfficeListener();
    await bind(listener.server, settings.port, bindHost);
    try {
      const names = [...new Set(settings.names.map((n) => hostName(n.toLowerCase())))];
      const cert = await officeCertificate(opts.dataDir, names);
      const allowed = settings.names.map((n) => withPort(n.toLowerCase(), settings.port));
      listener.serve(
        cert,
        createRequestHandler(opts.backend(), {
          staticDir: opts.staticDir,
          allowedHosts: [...allowed, `localhost:${settings.port}`, `127.0.0.1:${settings.port}`],
          secure: true,
        }),
      );
      current = { listener, settings };
      opts.log?.(
        `Pelita office host. Clients open: ${clientUrls(settings.names, settings.port).join('  ')}`,
      );
      opts.log?.(`Certificate fingerprint (SHA-256): ${cert.fingerprint256}`);
      return runningRuntime(settings, cert);
    } catch (e) {
      await listener.close();
      throw e;
    }
  }

  async function apply(settings: ServeSettings): Promise<ServeRuntime> {
    const previous = current?.settings ?? null;
    await stop();
    if (!settings.enabled) {
      runtime = OFF;
      return runtime;
    }
    try {
      runtime = await start(settings);
      return runtime;
    } catch (e) {
      // What ran before keeps running: the admin's mistake must not cut the office off.
      if (previous) runtime = await start(previous).catch(() => OFF);
      throw e;
    }
  }

  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    runtime: () => runtime,
    apply: (settings) => serialized(() => apply(settings)),
    startSaved: () =>
      serialized(async () => {
        try {
          const saved = readServeSettings(opts.dataDir);
          if (!saved.enabled) return runtime;
          runtime = await start(saved);
        } catch (e) {
          const error =
            e instanceof AppError
              ? { key: e.key, params: e.params ?? {} }
              : { key: 'network.start_failed' as const, params: { error: String(e) } };
          opts.log?.(
            `The office host could not start: ${translate('en', error.key, error.params)}`,
          );
          runtime = { ...OFF, state: 'failed', error };
        }
        return runtime;
      }),
    close: () => serialized(stop),
  };
}

/**
 * `npm run serve -- --office`: the command's options rule; the screen shows them. `cert` is
 * known once the host has made it (after the backend opened).
 */
export function commandNetwork(
  settings: ServeSettings,
  cert: () => OfficeCertificate | null,
): OfficeNetwork {
  return {
    fixed: settings,
    runtime: () => {
      const c = cert();
      return c
        ? { ...runningRuntime(settings, c), state: 'command' }
        : { ...OFF, state: 'command' };
    },
    apply: () => Promise.reject(new AppError('CONFLICT', 'network.fixed_by_command')),
  };
}
