#!/usr/bin/env node
/**
 * First step of `npm start`: makes sure Electron's own binary is installed before electron-vite
 * looks for it. Electron 45 downloads its binary on first use only, and electron-vite reads
 * node_modules/electron/path.txt first, so a fresh install stops with "Electron uninstall".
 * This runs Electron's own install step (`install-electron`, node_modules/electron/install.js)
 * when path.txt or the binary it names is missing. Needs internet once, and Node 22.12+ (the
 * Node Electron 45 supports for its install; the browser host and tests run on 20.19+).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ELECTRON_NODE = [22, 12];

/** Whether `version` (e.g. "v22.12.0") is at least major.minor. */
export function nodeAtLeast(version, [major, minor]) {
  const [a = 0, b = 0] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** The Electron binary named by path.txt, or null when Electron's install step has not run. */
export function installedElectron(electronDir, exists = existsSync, read = readFileSync) {
  const pathFile = join(electronDir, 'path.txt');
  if (!exists(pathFile)) return null;
  const binary = join(electronDir, 'dist', String(read(pathFile, 'utf8')).trim());
  return exists(binary) ? binary : null;
}

/**
 * Returns the exit code for `npm start`: 0 when Electron is (now) installed. `run` starts
 * Electron's install script and returns its exit status (injected in tests).
 */
export function ensureElectron({
  electronDir,
  nodeVersion = process.version,
  env = process.env,
  exists = existsSync,
  read = readFileSync,
  run = (script, childEnv) =>
    spawnSync(process.execPath, [script], { stdio: 'inherit', env: childEnv }).status ?? 1,
  log = console.log,
  error = console.error,
}) {
  if (installedElectron(electronDir, exists, read)) return 0;
  if (!exists(join(electronDir, 'install.js'))) {
    error('Electron is not installed (node_modules/electron is missing). Run `npm ci` first.');
    return 1;
  }
  if (!nodeAtLeast(nodeVersion, ELECTRON_NODE)) {
    error(
      `Electron needs Node ${ELECTRON_NODE.join('.')} or newer to install; this is Node ${nodeVersion}. ` +
        'Install Node 22 LTS (https://nodejs.org), then run `npm start` again. ' +
        'The browser host (`npm run serve`) works on Node 20.19+.',
    );
    return 1;
  }
  log('Installing the Electron binary (first start only, needs internet)…');
  // The user asked for the desktop app: a skip meant for CI installs does not apply here.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const status = run(join(electronDir, 'install.js'), childEnv);
  if (status !== 0 || !installedElectron(electronDir, exists, read)) {
    error(
      'Downloading Electron failed. Check the internet connection (or proxy settings: HTTPS_PROXY), ' +
        'then run `npm start` again, or run `npx install-electron` by hand.',
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  process.exit(ensureElectron({ electronDir: join(root, 'node_modules', 'electron') }));
}
