/**
 * The browser host: `npm run serve -- [--port N] [--data DIR] [--host ADDR --allow-remote] [--demo]`.
 * Serves the built renderer and the backend on one local origin. As the office host
 * (`--office --allow-host NAME …`) it serves the office network over TLS only (office.ts, tls.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHostArgs } from './args';
import { startHost } from './start';

async function main() {
  const argv = process.argv.slice(2);
  const args = parseHostArgs(argv, join(dirname(fileURLToPath(import.meta.url)), '../renderer'));
  const host = await startHost(args);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  // One line the user can act on (HostStartError says what to do), never a stack trace.
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
