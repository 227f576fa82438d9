/**
 * persons.search as the people list: pages of the ranked matches, sorted by name on request,
 * and without a query everyone (newest record first), merged records left out.
 */
import { describe, expect, it } from 'vitest';
import { setUpOffice } from './harness';

const NAMES = ['Siti Aminah', 'Siti Rahmah', 'Budi Santoso', 'Siti Fatimah', 'Agus Salim'];

async function seeded() {
  const t = await setUpOffice();
  const made = [];
  for (const fullName of NAMES) {
    made.push(await t.admin.call('persons.create', { identityStatus: 'stated', fullName }));
  }
  return { ...t, made };
}

const names = (r: { results: { fullName: string }[] }) => r.results.map((p) => p.fullName);

describe('persons.search as a paged list', () => {
  it('lists everyone without a query: newest first, or by name, with the total', async () => {
    const t = await seeded();
    const newest = await t.admin.call('persons.search', { limit: 2 });
    expect(newest).toMatchObject({ total: 5, page: 1 });
    expect(names(newest)).toEqual(['Agus Salim', 'Siti Fatimah']);
    const byName = await t.admin.call('persons.search', { sort: 'name', limit: 2, page: 2 });
    expect(names(byName)).toEqual(['Siti Aminah', 'Siti Fatimah']);
    const last = await t.admin.call('persons.search', { sort: 'name_desc', limit: 2, page: 3 });
    expect(names(last)).toEqual(['Agus Salim']);
  });

  it('pages the ranked matches of a query and sorts them by name on request', async () => {
    const t = await seeded();
    const first = await t.admin.call('persons.search', { q: 'siti', limit: 2 });
    const second = await t.admin.call('persons.search', { q: 'siti', limit: 2, page: 2 });
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect([...names(first), ...names(second)].sort()).toEqual([
      'Siti Aminah',
      'Siti Fatimah',
      'Siti Rahmah',
    ]);
    const byName = await t.admin.call('persons.search', { q: 'siti', sort: 'name_desc' });
    expect(names(byName)).toEqual(['Siti Rahmah', 'Siti Fatimah', 'Siti Aminah']);
  });

  it('leaves merged records out of the full list unless asked', async () => {
    const t = await seeded();
    const [keep, , , drop] = t.made;
    await t.admin.call('persons.merge', {
      keepId: keep!.id,
      keepVersion: keep!.version,
      mergeId: drop!.id,
      mergeVersion: drop!.version,
      reason: 'Orang yang sama',
    });
    expect((await t.admin.call('persons.search', {})).total).toBe(4);
    expect((await t.admin.call('persons.search', { includeMerged: true })).total).toBe(5);
  });
});
