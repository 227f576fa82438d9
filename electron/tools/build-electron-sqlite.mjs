#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron into build/native-electron/better_sqlite3.node.
 *
 *   node electron/tools/build-electron-sqlite.mjs [--if-missing] [--arch=x64|arm64|ia32]
 *
 * node_modules/better-sqlite3 stays the Node build (unit tests, browser host): the package is
 * copied to a temporary folder and compiled there with node-gyp against the headers of the
 * Electron version in node_modules/electron. The desktop app loads the result through
 * better-sqlite3's `nativeBinding` option (electron/main/paths.ts); electron-builder ships it as
 * resources/native/better_sqlite3.node.
 *
 * Needs, once: internet access (Electron headers from electronjs.org), Python 3 and a C/C++
 * toolchain (Linux: build-essential; Windows: Visual Studio Build Tools, "Desktop development
 * with C++"). It builds for the machine it runs on: make Windows installers on Windows.
 *
 * --if-missing  do nothing when the file exists and was built for the same Electron,
 *               better-sqlite3, platform and architecture (used by `npm start` and `npm run dist`).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(ROOT, 'build', 'native-electron');
const OUT_FILE = join(OUT_DIR, 'better_sqlite3.node');
const INFO_FILE = join(OUT_DIR, 'build-info.json');
const HEADERS_URL = 'https://electronjs.org/headers';

function die(message, hint) {
  console.error(`build-electron-sqlite: ERROR: ${message}`);
  if (hint) console.error(hint);
  process.exit(1);
}

/** A failure inside the build, reported after the temporary folder is removed. */
class BuildError extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
}

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return die(
      `${what} is not installed (${relative(ROOT, path)} is missing).`,
      'Run `npm ci` first.',
    );
  }
}

// --- Arguments -------------------------------------------------------------------------------

let ifMissing = false;
let arch = process.arch;
for (const arg of process.argv.slice(2)) {
  if (arg === '--if-missing') ifMissing = true;
  else if (arg.startsWith('--arch=')) arch = arg.slice('--arch='.length);
  else if (arg === '--help' || arg === '-h') {
    console.log('Usage: node electron/tools/build-electron-sqlite.mjs [--if-missing] [--arch=x64]');
    process.exit(0);
  } else die(`unknown argument ${arg}`, 'Usage: [--if-missing] [--arch=x64|arm64|ia32]');
}
if (!/^(x64|arm64|ia32|armv7l)$/.test(arch)) die(`unsupported architecture ${arch}`);

// --- What to build ---------------------------------------------------------------------------

const electronVersion = readJson(
  join(ROOT, 'node_modules', 'electron', 'package.json'),
  'electron',
).version;
const sqliteDir = join(ROOT, 'node_modules', 'better-sqlite3');
const sqliteVersion = readJson(join(sqliteDir, 'package.json'), 'better-sqlite3').version;
const wanted = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch,
};
const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})`;

if (ifMissing && existsSync(OUT_FILE)) {
  let built = null;
  try {
    built = JSON.parse(readFileSync(INFO_FILE, 'utf8'));
  } catch {
    // No or unreadable build info: rebuild below.
  }
  if (built && Object.keys(wanted).every((key) => built[key] === wanted[key])) {
    console.log(`build-electron-sqlite: ${label} is up to date.`);
    process.exit(0);
  }
  console.log('build-electron-sqlite: the existing build is for another version; rebuilding.');
}

// --- node-gyp --------------------------------------------------------------------------------

/** node-gyp from node_modules (run with this Node, no shell), else `npx node-gyp`. */
function nodeGypCommand() {
  try {
    const script = createRequire(join(ROOT, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
    return { command: process.execPath, prefix: [script], shell: false };
  } catch {
    return { command: 'npx', prefix: ['--yes', 'node-gyp'], shell: process.platform === 'win32' };
  }
}

const work = mkdtempSync(join(tmpdir(), 'pelita-sqlite-'));
try {
  const copy = join(work, 'better-sqlite3');
  // Copy the sources without any earlier build output or nested node_modules.
  cpSync(sqliteDir, copy, {
    recursive: true,
    filter: (source) => {
      const rel = relative(sqliteDir, source);
      const top = rel.split(sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });

  const gyp = nodeGypCommand();
  const args = [
    ...gyp.prefix,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${HEADERS_URL}`,
  ];
  console.log(`build-electron-sqlite: building ${label}...`);
  console.log(`  in ${copy}`);
  console.log(`  $ ${[gyp.command, ...args].join(' ')}`);
  const result = spawnSync(gyp.command, args, { cwd: copy, stdio: 'inherit', shell: gyp.shell });

  if (result.error) {
    throw new BuildError(
      `could not start node-gyp: ${result.error.message}`,
      'Is npm installed and on PATH?',
    );
  }
  if (result.status !== 0) {
    throw new BuildError(
      `node-gyp failed (exit code ${result.status ?? result.signal}).`,
      [
        'It needs:',
        `  - internet access, to download the Electron ${electronVersion} headers from ${HEADERS_URL}`,
        '  - Python 3',
        '  - a C/C++ toolchain: Linux `build-essential` (gcc, g++, make);',
        '    Windows "Visual Studio Build Tools" with "Desktop development with C++"',
        'node_modules was not changed.',
      ].join('\n'),
    );
  }

  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new BuildError(`node-gyp succeeded but did not produce ${built}.`);

  mkdirSync(OUT_DIR, { recursive: true });
  copyFileSync(built, OUT_FILE);
  writeFileSync(INFO_FILE, JSON.stringify(wanted, null, 2) + '\n');
  console.log(`build-electron-sqlite: built ${label}: ${relative(ROOT, OUT_FILE)}`);
} catch (error) {
  process.exitCode = 1;
  if (error instanceof BuildError) {
    console.error(`build-electron-sqlite: ERROR: ${error.message}`);
    if (error.hint) console.error(error.hint);
  } else {
    console.error('build-electron-sqlite: ERROR:', error);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
