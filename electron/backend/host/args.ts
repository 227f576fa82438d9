/** Command-line options of the browser host. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const OPTIONS = {
  port: { type: 'string', default: '5870' },
  data: { type: 'string' },
  host: { type: 'string' },
  'allow-remote': { type: 'boolean', default: false },
  office: { type: 'boolean', default: false },
  'allow-host': { type: 'string', multiple: true, default: [] as string[] },
  demo: { type: 'boolean', default: false },
  static: { type: 'string' },
} satisfies ParseArgsOptionsConfig;

/** A start-up problem the user can fix: printed as one line, without a stack trace. */
export class HostStartError extends Error {}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PELITA_DATA ? resolve(env.PELITA_DATA) : join(homedir(), 'Pelita');
}

/** How the user started the host, so a hint can repeat it: `npm run demo --` or the plain file. */
export function commandPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const script = env.npm_lifecycle_event;
  return script === 'serve' || script === 'demo' ? `npm run ${script} --` : 'node out/main/host.js';
}

const quoted = (a: string) => (/\s/.test(a) ? JSON.stringify(a) : a);

/** The user's options as typed again after `--`; `npm run demo` adds --demo itself. */
function retyped(argv: string[], env: NodeJS.ProcessEnv, without: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : null;
    if (name === 'demo' && env.npm_lifecycle_event === 'demo') continue;
    if (name && without.includes(name)) {
      if (!a.includes('=') && OPTIONS[name as keyof typeof OPTIONS]?.type === 'string') i++;
      continue;
    }
    out.push(quoted(a));
  }
  return out;
}

/**
 * `npm run demo --data X` (without `--`) gives the options to npm, not to Pelita: npm keeps
 * `--data` as its own config (npm_config_data=true, or the value with `--data=X`) and passes X
 * on alone. Recognise that and say how to write it.
 */
function npmAteOptions(argv: string[], env: NodeJS.ProcessEnv): string | null {
  if (!env.npm_lifecycle_event) return null;
  const positionals = argv.filter((a) => !a.startsWith('--'));
  const eaten: string[] = [];
  for (const [name, opt] of Object.entries(OPTIONS)) {
    const value = env[`npm_config_${name.replace(/-/g, '_')}`];
    if (value === undefined || argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)))
      continue;
    if (opt.type === 'boolean') eaten.push(`--${name}`);
    else if (value !== 'true') eaten.push(`--${name}`, value);
    else eaten.push(`--${name}`, positionals.shift() ?? '…');
  }
  if (eaten.length === 0) return null;
  const rest = retyped(
    argv.filter((a) => !eaten.includes(a)),
    env,
  );
  const typed = [...eaten.map(quoted), ...rest].join(' ');
  return (
    `npm took ${eaten.filter((a) => a.startsWith('--')).join(', ')} for itself: put -- before ` +
    `Pelita's options, e.g. ${commandPrefix(env)} ${typed}`
  );
}

/** The command to start again on another port, for the "port is busy" message. */
function otherPortCommand(argv: string[], port: number, env: NodeJS.ProcessEnv): string {
  const next = port < 1024 || port >= 65535 ? 5870 : port + 1;
  return [commandPrefix(env), '--port', String(next), ...retyped(argv, env, ['port'])].join(' ');
}

/** `defaultStatic`: the built renderer, which only the entry file can locate reliably. */
export function parseHostArgs(
  argv: string[],
  defaultStatic: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  const eaten = npmAteOptions(argv, env);
  if (eaten) throw new HostStartError(eaten);
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true }));
  } catch (e) {
    throw new HostStartError(e instanceof Error ? e.message : String(e));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HostStartError(`Invalid --port ${values.port}: use a number from 1 to 65535.`);
  const office = values.office;
  // The office host listens on the LAN, over TLS only; the plain host on this PC only.
  const host = values.host ?? (office ? '0.0.0.0' : '127.0.0.1');
  if (office && values['allow-host'].length === 0) {
    throw new HostStartError(
      'The office host needs the names clients use to reach it: add --allow-host NAME for each ' +
        "(this PC's name on the network, e.g. --allow-host pelita-kantor --allow-host 192.168.1.20).",
    );
  }
  if (!office && !LOOPBACK.has(host) && !values['allow-remote']) {
    throw new HostStartError(
      `Refusing to listen on ${host}: the browser host serves personal data and listens on 127.0.0.1 only. ` +
        'For several PCs use the office host instead: --office --allow-host NAME (TLS, see README). ' +
        'Plain http on the network is not a secure context; --allow-remote remains for a trusted tunnel only.',
    );
  }
  return {
    port,
    host,
    dataDir: values.data ? resolve(values.data) : defaultDataDir(env),
    allowHosts: values['allow-host'],
    /** The office host: TLS with the certificate in the data folder; allowHosts name it. */
    office,
    demo: values.demo,
    staticDir: values.static ? resolve(values.static) : defaultStatic,
    /** The same command on another port, for when this one is busy. */
    otherPort: otherPortCommand(argv, port, env),
  };
}

export type HostArgs = ReturnType<typeof parseHostArgs>;
