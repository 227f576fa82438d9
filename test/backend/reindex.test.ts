/** Stored folded names are rebuilt when the folding rules change, so old records stay findable. */
import { expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { FOLD_VERSION } from '../../electron/backend/persons/fold';
import { ADMIN_PASSWORD, Client, setUpOffice } from './harness';

it('rebuilds folded names written under older rules on the next start', async () => {
  const t = await setUpOffice();
  const p = await t.admin.call('persons.create', {
    fullName: 'Rachmat Tjahjono',
    identityStatus: 'stated',
    originCode: '63.03.01',
  });
  // As an older release would have stored it (before ch→h and old-spelling j→y).
  t.backend.sqlite
    .prepare(
      "UPDATE persons SET search_names = 'rakhmat cahjono', search_origin = '', name_key = 'rakhmat cahjono' WHERE id = ?",
    )
    .run(p.id);
  t.backend.sqlite.prepare("UPDATE app_meta SET value = '1' WHERE key = 'persons.fold'").run();
  expect((await t.admin.call('persons.search', { q: 'rahmat cahyono' })).results).toEqual([]);
  await t.backend.close();

  const reopened = await openBackend({ dataDir: t.dir, now: () => t.clock.now });
  try {
    const admin = new Client(reopened);
    await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const found = await admin.call('persons.search', { q: 'rahmat cahyono' });
    expect(found.results.map((r) => r.id)).toEqual([p.id]);
    expect(
      (await admin.call('persons.search', { q: 'rachmat banjar' })).results.map((r) => r.id),
    ).toEqual([p.id]);
    const meta = reopened.sqlite
      .prepare("SELECT value FROM app_meta WHERE key = 'persons.fold'")
      .get() as {
      value: string;
    };
    expect(meta.value).toBe(FOLD_VERSION);
  } finally {
    await reopened.close();
  }
});
