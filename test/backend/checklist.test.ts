/** The admin's "next steps" after setup tick themselves from the data, and can be hidden. */
import { expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  auditRows,
  Client,
  OFFICE_INPUT,
  setUpOffice,
  userWithRoles,
} from './harness';
import { makeShelter } from './registry';

it('ticks each step from the data itself', async () => {
  const t = await setUpOffice();
  // Setup without the head of office's NIP: the profile is not complete yet.
  const office = await t.admin.call('office.get', {});
  await t.admin.call('office.update', { ...OFFICE_INPUT, headNip: null, version: office.version });

  expect(await t.admin.call('office.checklist', {})).toEqual({
    shelter: { done: false, rooms: 0, beds: 0 },
    users: { done: false, count: 1 },
    // The clock stands in November 2026 (WITA): next year is 2027, of which Pelita brings only
    // the five fixed-date holidays; the moving ones follow the yearly decree.
    holidays: { done: false, year: 2027, count: 5 },
    office: { done: false },
    hidden: false,
  });

  // A room without beds is not a shelter ready for check-in.
  await makeShelter(t.admin, 'Rumah Singgah', { 'Ruang Pria': [] });
  expect((await t.admin.call('office.checklist', {})).shelter).toEqual({
    done: false,
    rooms: 1,
    beds: 0,
  });
  await makeShelter(t.admin, 'Rumah Singgah 2', { 'Ruang Wanita': ['W1', 'W2'] });
  await userWithRoles(t, 'petugas', ['shelter_staff']);
  await t.admin.call('calendar.saveHoliday', {
    date: '2027-03-10',
    name: 'Hari Raya Idul Fitri 1448 H',
    kind: 'national',
  });
  await t.admin.call('office.update', { ...OFFICE_INPUT, version: office.version + 1 });

  expect(await t.admin.call('office.checklist', {})).toEqual({
    shelter: { done: true, rooms: 2, beds: 2 },
    users: { done: true, count: 2 },
    holidays: { done: true, year: 2027, count: 6 },
    office: { done: true },
    hidden: false,
  });

  // A year on, next year's calendar is missing again.
  t.clock.advance(365 * 86_400_000);
  const later = new Client(t.backend);
  await later.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  expect((await later.call('office.checklist', {})).holidays).toEqual({
    done: false,
    year: 2028,
    count: 0,
  });
});

it('is hidden for every admin once one hides it, and the hiding is audited', async () => {
  const t = await setUpOffice();
  const other = await userWithRoles(t, 'admin2', ['admin']);
  await t.admin.call('office.hideChecklist', {});
  expect((await other.call('office.checklist', {})).hidden).toBe(true);
  expect((await auditRows(t.backend)).at(-1)).toMatchObject({
    method: 'office.hideChecklist',
    username: 'admin',
    record_type: 'office',
    outcome: 'ok',
  });
  // Only admins see or change it.
  const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
  expect((await staff.fail('office.checklist', {})).code).toBe('FORBIDDEN');
  expect((await staff.fail('office.hideChecklist', {})).code).toBe('FORBIDDEN');
});
