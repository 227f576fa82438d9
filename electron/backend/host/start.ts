/**
 * Starting the browser host in the order that keeps a failed start harmless: bind the port
 * first, and only then create the data folder, migrate and (for the demo) seed.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openBackend, type Backend } from '../app';
import { seedDemo } from '../demo/seed';
import { makePrivateDir } from '../lib/privateFiles';
import { HostStartError, type HostArgs } from './args';
import { createRequestHandler } from './server';

export interface RunningHost {
  server: Server;
  backend: Backend;
  url: string;
  close(): Promise<void>;
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
  const server = createServer((req, res) => handler(req, res));
  await listen(server, args.port, bindHost, args.otherPort);

  let backend: Backend;
  try {
    makePrivateDir(args.dataDir);
    backend = await openBackend({ dataDir: args.dataDir, log });
    if (args.demo) log((await seedDemo(backend)).message);
  } catch (e) {
    server.close();
    throw e;
  }

  const port = (server.address() as AddressInfo).port;
  const shown = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
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
  log(`Pelita is running. Open: ${url}`);
  return {
    server,
    backend,
    url,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}
