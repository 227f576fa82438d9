import { defineConfig } from '@playwright/test';

/**
 * The installed desktop app on a Windows runner (.github/workflows/windows.yml): not part of
 * `npm test`, and it cannot run on the Linux build machines. PELITA_EXE names Pelita.exe.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'installed.spec.ts',
  outputDir: '../../test-results/desktop',
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
});
