#!/usr/bin/env node
/**
 * Gets better-sqlite3 for Electron into build/native-electron/better_sqlite3.node.
 *
 *   node electron/tools/build-electron-sqlite.mjs [--if-missing] [--platform=win32] [--arch=x64]
 *
 * node_modules/better-sqlite3 stays the Node build (unit tests, browser host): the package is
 * copied to a temporary folder, and there better-sqlite3's own prebuild-install first fetches
 * the prebuilt binary its release publishes for this Electron, platform and CPU; when there is
 * none (or no route to GitHub) it is compiled with node-gyp against Electron's headers (see
 * driverSources in native-target.mjs). Either result is checked by its PE/ELF/Mach-O header.
 * The desktop app loads it through better-sqlite3's `nativeBinding` option
 * (electron/main/paths.ts); electron-builder ships it as resources/native/better_sqlite3.node.
 *
 * Needs internet once. Compiling also needs Python 3 and a C/C++ toolchain (Linux:
 * build-essential; Windows: Visual Studio Build Tools, "Desktop development with C++") and only
 * builds for the machine it runs on; a prebuilt binary can be fetched for another platform
 * (a Windows installer made on Linux with Wine).
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
import { driverSources, nativeTarget } from './native-target.mjs';

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

const USAGE = 'Usage: [--if-missing] [--platform=win32|linux|darwin] [--arch=x64|arm64|ia32]';
let ifMissing = false;
let arch = process.arch;
let platform = process.platform;
for (const arg of process.argv.slice(2)) {
  if (arg === '--if-missing') ifMissing = true;
  else if (arg.startsWith('--arch=')) arch = arg.slice('--arch='.length);
  else if (arg.startsWith('--platform=')) platform = arg.slice('--platform='.length);
  else if (arg === '--help' || arg === '-h') {
    console.log('node electron/tools/build-electron-sqlite.mjs ' + USAGE);
    process.exit(0);
  } else die(`unknown argument ${arg}`, USAGE);
}
if (!/^(x64|arm64|ia32|armv7l)$/.test(arch)) die(`unsupported architecture ${arch}`);
if (!/^(win32|linux|darwin)$/.test(platform)) die(`unsupported platform ${platform}`);

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
  platform,
  arch,
};
const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`;

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

/** prebuild-install from node_modules, run with this Node: fetches the release's Electron build. */
function fetchPrebuilt(copy) {
  let script;
  try {
    script = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    console.log('build-electron-sqlite: prebuild-install is not installed; compiling instead.');
    return false;
  }
  const args = [
    script,
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--platform=${platform}`,
    `--arch=${arch}`,
    '--verbose',
  ];
  console.log(`build-electron-sqlite: fetching the prebuilt ${label}...`);
  const result = spawnSync(process.execPath, args, { cwd: copy, stdio: 'inherit' });
  return result.status === 0;
}

function compile(copy) {
  const gyp = nodeGypCommand();
  const args = [
    ...gyp.prefix,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${HEADERS_URL}`,
  ];
  console.log(`build-electron-sqlite: compiling ${label}...`);
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
}

/** The built file, checked by its header against the platform and CPU asked for. */
function checkedOutput(copy) {
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) return null;
  const found = nativeTarget(readFileSync(built).subarray(0, 4096));
  if (!found || found.platform !== platform || found.arch !== arch) {
    console.log(
      `build-electron-sqlite: the result is for ${found ? `${found.platform}-${found.arch}` : 'no known platform'}, not ${platform}-${arch}; discarded.`,
    );
    return null;
  }
  return built;
}

const sources = driverSources({
  platform,
  hostPlatform: process.platform,
  buildFromSource: process.env.npm_config_build_from_source === 'true',
});
if (sources.length === 0)
  die(
    `cannot compile for ${platform} on ${process.platform}, and npm_config_build_from_source forbids fetching a prebuilt binary.`,
  );

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

  let built = null;
  let source = null;
  for (const step of sources) {
    rmSync(join(copy, 'build'), { recursive: true, force: true });
    if (step === 'prebuilt' && !fetchPrebuilt(copy)) continue;
    if (step === 'compile') compile(copy);
    built = checkedOutput(copy);
    source = step;
    if (built) break;
  }
  if (!built)
    throw new BuildError(
      `no usable ${label}: no prebuilt binary could be fetched` +
        (sources.includes('compile')
          ? ' and compiling gave none.'
          : ', and compiling only works on the target platform.'),
      'Check the internet connection, or build on the target platform itself.',
    );

  mkdirSync(OUT_DIR, { recursive: true });
  copyFileSync(built, OUT_FILE);
  writeFileSync(INFO_FILE, JSON.stringify({ ...wanted, source }, null, 2) + '\n');
  console.log(
    `build-electron-sqlite: ${source === 'prebuilt' ? 'fetched' : 'built'} ${label}: ${relative(ROOT, OUT_FILE)}`,
  );
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
