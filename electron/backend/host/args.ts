/** Command-line options of the browser host. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PELITA_DATA ? resolve(env.PELITA_DATA) : join(homedir(), 'Pelita');
}

/** `defaultStatic`: the built renderer, which only the entry file can locate reliably. */
export function parseHostArgs(
  argv: string[],
  defaultStatic: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5870' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
      demo: { type: 'boolean', default: false },
      static: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid --port ${values.port}`);
  const host = values.host!;
  if (!LOOPBACK.has(host) && !values['allow-remote']) {
    throw new Error(
      `Refusing to listen on ${host}: the browser host serves personal data and listens on 127.0.0.1 only. ` +
        'Add --allow-remote (and --allow-host name:port for each address clients use) if you really mean it.',
    );
  }
  return {
    port,
    host,
    dataDir: values.data ? resolve(values.data) : defaultDataDir(env),
    allowHosts: values['allow-host']!,
    demo: values.demo!,
    staticDir: values.static ? resolve(values.static) : defaultStatic,
  };
}
