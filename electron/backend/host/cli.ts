/**
 * The browser host: `npm run serve -- [--port N] [--data DIR] [--host ADDR --allow-remote] [--demo]`.
 * Serves the built renderer and the backend on one local origin.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../app';
import { seedDemo } from '../demo/seed';
import { parseHostArgs } from './args';
import { createHostServer } from './server';

async function main() {
  const args = parseHostArgs(
    process.argv.slice(2),
    join(dirname(fileURLToPath(import.meta.url)), '../renderer'),
  );
  mkdirSync(args.dataDir, { recursive: true });
  const backend = await openBackend({ dataDir: args.dataDir });
  if (args.demo) {
    const outcome = await seedDemo(backend);
    console.log(outcome.message);
  }
  const bindHost = args.host === 'localhost' ? '127.0.0.1' : args.host;
  let allowedHosts: string[] = [];
  const server = createHostServer(backend, {
    staticDir: args.staticDir,
    get allowedHosts() {
      return allowedHosts;
    },
  });
  server.listen(args.port, bindHost, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : args.port;
    const shown = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
    allowedHosts = [
      `${shown}:${port}`,
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      ...args.allowHosts,
    ];
    console.log(`Pelita data folder: ${args.dataDir}`);
    console.log(`Pelita is running. Open: http://${shown}:${port}/`);
  });
  const stop = () => {
    server.close();
    void backend.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
