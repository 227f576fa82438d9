#!/usr/bin/env node
// `npm run serve`: builds what the browser host needs when the build is missing or older than
// the sources, then starts it. Plain JavaScript so it runs straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const outputs = [join(root, 'out/main/host.js'), join(root, 'out/renderer/index.html')];
const sources = [
  'electron/backend',
  'shared',
  'renderer',
  'electron.vite.config.ts',
  'package.json',
];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function needsBuild() {
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return sources.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

if (needsBuild()) {
  console.log('Building Pelita (electron-vite build)…');
  const bin = join(
    root,
    'node_modules/.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  const r = spawnSync(bin, ['build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
}

const host = spawnSync(process.execPath, [outputs[0], ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(host.status ?? 1);
