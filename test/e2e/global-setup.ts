import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The specs run the built host; build once if it is missing (npm run test:e2e always builds). */
export default function globalSetup(): void {
  const root = process.cwd();
  mkdirSync(join(root, 'test-results/screens'), { recursive: true });
  const built = ['out/main/host.js', 'out/renderer/index.html'].every((p) =>
    existsSync(join(root, p)),
  );
  if (!built) {
    const r = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('electron-vite build failed');
  }
}
