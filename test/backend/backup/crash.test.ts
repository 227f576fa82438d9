/**
 * Reliability: a writer process killed with SIGKILL at random moments loses nothing it
 * acknowledged (200 kills here; `npm run test:crash` runs more), and a backup taken while a
 * writer process keeps writing restores to a consistent database.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWriter, checkAfterCrash, crashDrill, prepareOffice, spawnWriter } from './crashDrill';

describe('crash drill', () => {
  it('keeps every acknowledged write through 200 kills', async () => {
    const result = await crashDrill(200);
    expect(result.problems).toEqual([]);
    // The kills fell while writes were going on, not only before the first.
    expect(result.acked).toBeGreaterThan(200);
  }, 400_000);
});

describe('backup while writing', () => {
  let dir: string;
  let writer: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pelita-backup-writing-'));
    writer = await buildWriter();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(writer, { force: true });
  });

  it('restores to a consistent database holding every write acknowledged before it began', async () => {
    const data = join(dir, 'data');
    const bedId = await prepareOffice(data);
    let after = 0;
    const run = await spawnWriter(writer, data, bedId, 'b', true).start({
      // Keep writing for a while after the backup is finished, then kill.
      until: (line) => (line.startsWith('B ') || after > 0 ? ++after > 12 : false),
    });
    const done = run.lines.find((l) => l.startsWith('B '));
    expect(done, run.lines.filter((l) => !/^[PCSO] /.test(l)).join('\n')).toBeDefined();
    const [, name, before] = done!.split(' ') as [string, string, string];
    // Writes went on while the backup ran.
    const index = run.lines.indexOf(done!);
    expect(run.acked.length).toBeGreaterThan(Number(before));

    // Restore by hand into a fresh folder: the backup's database and its keys.
    const restored = join(dir, 'restored');
    const backup = join(data, 'backups', name);
    expect(readdirSync(backup).sort()).toEqual(['keys', 'manifest.json', 'pelita.sqlite']);
    cpSync(backup, restored, { recursive: true });
    const problems = await checkAfterCrash(restored, run.acked.slice(0, Number(before)));
    expect(problems).toEqual([]);
    expect(index).toBeGreaterThan(0);
  }, 120_000);
});
