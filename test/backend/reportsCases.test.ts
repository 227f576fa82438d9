/**
 * The PPKS case report: a small office's December counted by hand — people (not cases) served by
 * category and by kecamatan/kelurahan of the city, opened/closed, closure reasons, referrals by
 * destination and outcome — an empty month, and the report behind cases.read.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { Report } from '../../shared/contract/reports';
import { setUpOffice, userWithRoles, type Client } from './harness';
import { createPerson } from './registry';

const NOW = new Date('2026-12-01T02:00:00Z'); // 10.00 WITA
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

const figure = (r: Report, label: string) => r.figures.find((f) => f.label[1] === label)?.value;
const rows = (r: Report, key: string) =>
  Object.fromEntries(r.tables.find((t) => t.key === key)!.rows.map((x) => [x.label[1], x.values]));

async function open(c: Client, personId: string, over: Partial<Input<'cases.create'>>) {
  return c.call('cases.create', {
    personId,
    ppks: ['PPKS-08'],
    origin: 'walk_in',
    locationRegionCode: '63.72.04.1003',
    ...over,
  });
}

/**
 * Kakek (PPKS-08, a kelurahan of kecamatan 63.72.04), closed as reunified, referred to a panti
 * that refused; Andi with two cases (PPKS-04 + PPKS-02, then PPKS-11) in kecamatan 63.72.05,
 * referred to a puskesmas; Rina (PPKS-08) found in Kabupaten Banjar, outside the city.
 */
async function caseFixture() {
  const t = await setUpOffice(NOW);
  const worker = await userWithRoles(t, 'siti', ['caseworker']);
  const boss = await userWithRoles(t, 'kasi', ['supervisor']);
  const kakek = await createPerson(t.admin, { fullName: 'Kakek Sarman' });
  const andi = await createPerson(t.admin, { fullName: 'Andi Jalanan' });
  const rina = await createPerson(t.admin, { fullName: 'Rina' });
  let k = await open(worker, kakek.id, {});
  k = await worker.call('cases.refer', {
    caseId: k.id,
    agencyKind: 'panti',
    agencyName: 'PSTW Budi Sejahtera',
    regionCode: null,
    reason: 'Perawatan lanjut usia.',
  });
  k = await worker.call('cases.referralStep', {
    id: k.referrals[0]!.id,
    version: k.referrals[0]!.version,
    to: 'rejected',
    responseNote: 'Kamar penuh.',
  });
  k = await worker.call('cases.transition', {
    id: k.id,
    version: k.version,
    step: 'request_closure',
    closureReason: 'reunified',
    closureSummary: 'Dijemput anaknya.',
  });
  await boss.call('cases.transition', { id: k.id, version: k.version, step: 'approve_closure' });
  const a = await open(worker, andi.id, {
    ppks: ['PPKS-04', 'PPKS-02'],
    locationRegionCode: '63.72.05.1003',
  });
  await open(worker, andi.id, { ppks: ['PPKS-11'], locationRegionCode: '63.72.05' });
  await worker.call('cases.refer', {
    caseId: a.id,
    agencyKind: 'health',
    agencyName: 'Puskesmas Banjarbaru',
    regionCode: null,
    reason: 'Pemeriksaan kesehatan.',
  });
  await open(worker, rina.id, { locationRegionCode: '63.03.01' });
  return { ...t, worker, boss };
}

async function regionName(t: Awaited<ReturnType<typeof caseFixture>>, code: string) {
  const r = await t.backend.db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return r.name;
}

describe('PPKS case report', () => {
  it('counts December as worked out by hand', async () => {
    const t = await caseFixture();
    const r = await t.admin.call('reports.run', { report: 'cases', period: DECEMBER });
    expect(r.title).toEqual(['Laporan Kasus PPKS', 'PPKS case report']);
    // Three people, four cases: Andi is served once.
    expect(figure(r, 'PPKS served (people)')).toBe(3);
    expect(figure(r, 'Cases opened')).toBe(4);
    expect(figure(r, 'Cases closed')).toBe(1);
    expect(figure(r, 'Median days to closure')).toBe(0);
    expect(figure(r, 'Median days to assessment approval')).toBeNull();
    expect(rows(r, 'ppks')).toEqual({
      'PPKS-02 Neglected child': [1],
      'PPKS-04 Street child': [1],
      'PPKS-08 Neglected elderly person': [2],
      'PPKS-11 Homeless person': [1],
    });
    const kec04 = await regionName(t, '63.72.04');
    const kec05 = await regionName(t, '63.72.05');
    expect(rows(r, 'kecamatan')).toEqual({
      [kec04]: [1],
      [kec05]: [1],
      'Outside the city / not recorded': [1],
    });
    // Andi's second case is recorded only to his kecamatan: one person there, counted once.
    expect(rows(r, 'kelurahan')).toEqual({
      [await regionName(t, '63.72.04.1003')]: [1],
      [await regionName(t, '63.72.05.1003')]: [1],
      'Kelurahan not recorded or outside the city': [2],
    });
    expect(rows(r, 'closures')).toEqual({ 'Reunified with family': [1] });
    expect(rows(r, 'caseload')).toEqual({ 'Pengguna siti': [3] });
    expect(rows(r, 'referralAgencies')).toEqual({
      'Social care home (panti)': [1],
      'Hospital / puskesmas / mental hospital': [1],
    });
    expect(rows(r, 'referralOutcomes')).toEqual({ Rejected: [1], Sent: [1] });
    expect(r.tables.find((x) => x.key === 'ppks')!.chart).toBe('bar');
  });

  it('gives an empty month, and only to who may read cases', async () => {
    const t = await caseFixture();
    const r = await t.admin.call('reports.run', {
      report: 'cases',
      period: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(figure(r, 'PPKS served (people)')).toBe(0);
    expect(figure(r, 'Median days to closure')).toBeNull();
    expect(rows(r, 'ppks')).toEqual({});
    expect((await t.boss.call('reports.run', { report: 'cases', period: DECEMBER })).id).toBe(
      'cases',
    );
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    expect((await staff.fail('reports.run', { report: 'cases', period: DECEMBER })).code).toBe(
      'FORBIDDEN',
    );
  });
});
