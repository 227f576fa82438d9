/**
 * Tracked records (db/tracked.ts) as handlers use them: who and when stamped on create and on
 * change, versions bumped only by changes of what a record says, log entries signed.
 */
import { describe, expect, it } from 'vitest';
import { idOf, setUpOffice, userWithRoles } from './harness';
import { checkInInput, createPerson, makeShelter } from './registry';

describe('tracked records', () => {
  it('carry who created and who last changed them, and when', async () => {
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const row = (table: 'office' | 'users' | 'persons', id: string | number) =>
      t.backend.db
        .selectFrom(table)
        .select(['created_at', 'created_by', 'updated_at', 'updated_by', 'version'])
        .where('id', '=', id as never)
        .executeTakeFirstOrThrow();
    const setupAt = t.clock.now.toISOString();
    // First-run setup: nobody was signed in, the admin being set up created both records.
    for (const created of [await row('office', 1), await row('users', adminId)]) {
      expect(created).toEqual({
        created_at: setupAt,
        created_by: adminId,
        updated_at: setupAt,
        updated_by: adminId,
        version: 1,
      });
    }

    const staff = await userWithRoles(t, 'petugas', ['caseworker']);
    const staffId = await idOf(t.backend, 'petugas');
    // The user's own password change is not an edit of the profile: no new version.
    expect(await row('users', staffId)).toMatchObject({ created_by: adminId, version: 1 });

    t.clock.advance(60_000);
    const person = await createPerson(staff, { fullName: 'Siti Aminah' });
    t.clock.advance(60_000);
    await t.admin.call('persons.update', {
      id: person.id,
      version: person.version,
      fullName: 'Siti Aminah',
      identityStatus: 'stated',
      phone: '081255550000',
    });
    expect(await row('persons', person.id)).toEqual({
      created_at: new Date(t.clock.now.getTime() - 60_000).toISOString(),
      created_by: staffId,
      updated_at: t.clock.now.toISOString(),
      updated_by: adminId,
      version: 2,
    });
  });

  it('sign log entries with who wrote them', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const staff = await userWithRoles(t, 'petugas.rs', ['shelter_staff']);
    const staffId = await idOf(t.backend, 'petugas.rs');
    const person = await createPerson(staff, { fullName: 'Udin Pasar' });
    const stay = await staff.call('stays.checkIn', checkInInput(person.id, s.beds['P1']!));
    await staff.call('stays.logEvent', { stayId: stay.id, kind: 'meal', note: 'Makan siang' });
    const entries = await t.backend.db
      .selectFrom('stay_events')
      .select(['stay_id', 'kind', 'staff_id', 'created_by', 'created_at'])
      .execute();
    expect(entries).toEqual([
      {
        stay_id: stay.id,
        kind: 'meal',
        staff_id: staffId,
        created_by: staffId,
        created_at: t.clock.now.toISOString(),
      },
    ]);
    const stayRow = await t.backend.db
      .selectFrom('stays')
      .select(['created_by', 'version'])
      .where('id', '=', stay.id)
      .executeTakeFirstOrThrow();
    expect(stayRow).toEqual({ created_by: staffId, version: 1 });
  });
});
