/**
 * Starting the browser host in the order that keeps a failed start harmless: bind the port
 * first, and only then create the data folder, migrate and (for the demo) seed. The office host
 * (--office) listens on the LAN over TLS only (office.ts), with the certificate from tls.ts.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { openBackend, type Backend } from '../app';
import { seedDemo } from '../demo/seed';
import { makePrivateDir } from '../lib/privateFiles';
import { HostStartError, type HostArgs } from './args';
import { createOfficeListener } from './office';
import { commandNetwork, createOfficeServe } from './officeServe';
import { createRequestHandler } from './server';
import { officeCertificate, type OfficeCertificate } from './tls';

export interface RunningHost {
  server: Server;
  backend: Backend;
  url: string;
  /** The office host's certificate (fingerprint and SPKI pin); absent on the local host. */
  certificate?: OfficeCertificate;
  close(): Promise<void>;
}

/** `name` or `name:port` (IPv6 in brackets) as a Host header value with the port. */
export function withPort(name: string, port: number): string {
  return /:\d+$/.test(name) && (!name.includes('::') || name.includes(']'))
    ? name
    : `${name}:${port}`;
}

/** The name in a Host value, without port or brackets: what the certificate must name. */
export function hostName(hostAndPort: string): string {
  return hostAndPort.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
}

/** Binds the port; a busy or forbidden port becomes one line that says what to do. */
function listen(server: Server, port: number, host: string, again: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE')
        reject(
          new HostStartError(
            `Port ${port} on ${host} is already in use (another Pelita or another program). ` +
              `Close it, or choose another port: ${again}`,
          ),
        );
      else if (e.code === 'EACCES')
        reject(
          new HostStartError(
            `Port ${port} needs administrator rights; choose a port above 1024: ${again}`,
          ),
        );
      else reject(new HostStartError(`Cannot listen on ${host}:${port} (${e.code ?? e.message}).`));
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

export async function startHost(
  args: HostArgs,
  log: (line: string) => void = console.log,
): Promise<RunningHost> {
  const bindHost = args.host === 'localhost' ? '127.0.0.1' : args.host;
  // Until the backend is open, requests wait for nothing: the address is not printed yet.
  let handler: RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('Pelita is starting.');
  };
  const office = args.office ? createOfficeListener() : null;
  const server: Server = office ? office.server : createServer((req, res) => handler(req, res));
  await listen(server, args.port, bindHost, args.otherPort);

  const port = (server.address() as AddressInfo).port;
  // The office network screen: with --office the command decides; otherwise the saved setting
  // (office-serve.json) may add an office host beside this local one.
  let commandCert: OfficeCertificate | null = null;
  const officeNames = args.allowHosts.map((h) => h.toLowerCase());
  const serve = office
    ? null
    : createOfficeServe({
        dataDir: args.dataDir,
        staticDir: args.staticDir,
        backend: () => backend,
        log,
      });
  const network = office
    ? commandNetwork({ enabled: true, port, names: officeNames, version: 1 }, () => commandCert)
    : serve!;
  let backend: Backend;
  try {
    makePrivateDir(args.dataDir);
    backend = await openBackend({ dataDir: args.dataDir, log, network });
    if (args.demo) log((await seedDemo(backend)).message);
  } catch (e) {
    server.close();
    throw e;
  }

  const shown = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  if (office)
    return startOffice(args, backend, office, port, log, (c) => {
      commandCert = c;
    });
  handler = createRequestHandler(backend, {
    staticDir: args.staticDir,
    allowedHosts: [
      `${shown}:${port}`,
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      ...args.allowHosts,
    ],
  });
  const url = `http://${shown}:${port}/`;
  log(`Pelita data folder: ${args.dataDir}`);
  await serve!.startSaved();
  log(`Pelita is running. Open: ${url}`);
  const http = server as ReturnType<typeof createServer>;
  return {
    server,
    backend,
    url,
    async close() {
      await serve!.close();
      await new Promise<void>((ok) => {
        http.close(() => ok());
        http.closeAllConnections();
      });
      await backend.close();
    },
  };
}

/** The office host, once the port is bound and the backend open: certificate, then TLS. */
async function startOffice(
  args: HostArgs,
  backend: Backend,
  office: ReturnType<typeof createOfficeListener>,
  port: number,
  log: (line: string) => void,
  made: (certificate: OfficeCertificate) => void,
): Promise<RunningHost> {
  const allowed = args.allowHosts.map((h) => withPort(h.toLowerCase(), port));
  let certificate: OfficeCertificate;
  try {
    certificate = await officeCertificate(args.dataDir, [...new Set(allowed.map(hostName))]);
  } catch (e) {
    await office.close();
    await backend.close();
    throw e;
  }
  made(certificate);
  office.serve(
    certificate,
    createRequestHandler(backend, {
      staticDir: args.staticDir,
      allowedHosts: [...allowed, `localhost:${port}`, `127.0.0.1:${port}`],
      secure: true,
    }),
  );
  const url = `https://${allowed[0]}/`;
  log(`Pelita data folder: ${args.dataDir}`);
  log(`Pelita office host. Clients open: ${allowed.map((h) => `https://${h}/`).join('  ')}`);
  log(
    `Certificate fingerprint (SHA-256): ${certificate.fingerprint256}` +
      (certificate.issued ? '  (new: check it again on every client)' : ''),
  );
  log(`  Each client checks this fingerprint once: in the browser's certificate view, or in`);
  log(`  office-host.json of the desktop app. SPKI pin: ${certificate.spki}`);
  log(`Pelita is running. Open: ${url}`);
  return {
    server: office.server,
    backend,
    url,
    certificate,
    async close() {
      await office.close();
      await backend.close();
    },
  };
}
