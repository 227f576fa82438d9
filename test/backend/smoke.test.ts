import { describe, expect, it } from 'vitest';
import { setUpOffice } from './harness';

describe('smoke', () => {
  it('sets up, signs in and searches regions', async () => {
    const t0 = Date.now();
    const t = await setUpOffice();
    console.log('setup ms', Date.now() - t0);
    const me = await t.admin.call('auth.me', {});
    expect(me.roles).toEqual(['admin']);
    const r = await t.admin.call('regions.search', { q: 'banjarbaru', limit: 5 });
    console.log(JSON.stringify(r.results.slice(0, 3)));
    const a = await t.admin.call('audit.list', { limit: 10 });
    console.log(a.rows.map((x) => x.method + ' ' + JSON.stringify(x.changes)));
    expect(await t.admin.call('audit.verify', {})).toMatchObject({ intact: true });
  });
});
