/**
 * The crash test's writer (bundled and run as its own process by crash.test.ts): opens the
 * backend on a data folder, then writes without pause (a person, a complaint, a check-in and a
 * check-out, again and again) and prints a line for every write the backend acknowledged. The
 * parent kills it with SIGKILL at random moments; a line printed is a promise that the write
 * survives. With `backup`, it also takes a backup while it keeps writing, and prints its name
 * and how many writes were acknowledged before the backup started.
 * Usage: node crashWriter.mjs <dataDir> <bedId> <tag> [backup]; it starts on a line on stdin.
 */
import { writeSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openBackend } from '../../../electron/backend/app';
import { newToken } from '../../../electron/backend/auth/sessions';

const [dataDir, bedId, tag, mode] = process.argv.slice(2) as [string, string, string, string?];

/** Synchronous, so a line is out before the next write starts. */
function say(line: string) {
  writeSync(1, line + '\n');
}

/** The parent starts the next writer while it checks the last one: it waits here, loaded. */
function go(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve());
  });
}

async function main() {
  await go();
  const backend = await openBackend({ dataDir, autoBackup: false, duplicateScan: false });
  const admin = backend.sqlite
    .prepare(`SELECT id FROM users WHERE username = 'admin'`)
    .pluck()
    .get() as string;
  const { token, id } = newToken();
  const now = new Date().toISOString();
  backend.sqlite
    .prepare('INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
    .run(id, admin, now, now);
  async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
    // Each call on a turn of its own, as requests from the window or a browser arrive.
    await nextTurn();
    const r = await backend.dispatch(token, method, input);
    if (!r.response.ok)
      throw new Error(
        `${method}: ${r.response.error.key} ${JSON.stringify(r.response.error.issues)}`,
      );
    return r.response.data as Record<string, unknown>;
  }
  // A stay left open by a kill is checked out first, so the bed is free.
  for (const stay of backend.sqlite
    .prepare(`SELECT id, version FROM stays WHERE checkout_at IS NULL`)
    .all() as { id: string; version: number }[])
    await call('stays.checkOut', {
      id: stay.id,
      version: stay.version,
      exitType: 'left',
      checkoutAt: new Date().toISOString(),
    });
  say('READY');
  let acked = 0;
  for (let i = 0; ; i++) {
    if (mode === 'backup' && i === 10) {
      const before = acked;
      void backend.backups.run('manual').then((r) => {
        say(r.ok ? `B ${r.manifest.name} ${before}` : `BFAIL ${r.message}`);
      });
    }
    const person = await call('persons.create', {
      fullName: `Uji ${tag} ${i}`,
      identityStatus: 'stated',
    });
    say(`P ${String(person.id)}`);
    acked++;
    const complaint = await call('complaints.create', {
      kind: 'complaint',
      categoryId: '0190a000-0000-7000-8000-000000000001',
      channel: 'phone',
      reporterName: 'Pelapor Uji',
      subject: `Uji ${tag} ${i}`,
      description: 'Laporan uji ketahanan.',
    });
    say(`C ${String(complaint.id)} ${String(complaint.number)}`);
    acked++;
    const stay = await call('stays.checkIn', {
      personId: person.id,
      bedId,
      referralSource: 'satpol_pp',
      ppks: ['PPKS-11'],
    });
    say(`S ${String(stay.id)}`);
    acked++;
    const out = await call('stays.checkOut', {
      id: stay.id,
      version: stay.version,
      exitType: 'left',
      checkoutAt: new Date().toISOString(),
    });
    say(`O ${String(out.id)}`);
    acked++;
  }
}

main().catch((e: unknown) => {
  say(`ERROR ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
