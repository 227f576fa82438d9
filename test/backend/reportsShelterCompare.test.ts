/**
 * The shelter report counted in SQL (reports/shelter.ts) gives, figure for figure and row for
 * row, what the reference that read one row per stay in JS gives (shelterReportReference.ts): a
 * generated shelter of a few thousand stays (people of every age, sex and identity, several
 * stays each, stays across the period's edges and near midnight, some still in, several PPKS
 * categories, origins and destinations), for a year, a month, a quarter, a custom span and the
 * year still running.
 */
import { describe, expect, it } from 'vitest';
import { medianOf, shelterReport } from '../../electron/backend/reports/shelter';
import { median } from '../../shared/workdays';
import { pick, rng } from '../bench/names';
import { setUpOffice } from './harness';
import { makeShelter } from './registry';
import { referenceShelterReport } from './shelterReportReference';

const NOW = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;
const ORIGINS = [null, '63.72', '63.72', '63.03', '63.71', '35.78', '63.03'];
const DESTINATIONS = [null, '63.72', '63.03', '63.03.02', '35.78'];
const EXITS = ['reunited', 'repatriated', 'referred_institution', 'left', 'absconded', 'died'];
const STATUSES = ['document', 'disdukcapil', 'stated', 'unknown'];

async function office() {
  const t = await setUpOffice(NOW);
  const labels = Array.from({ length: 12 }, (_, i) => `B${i}`);
  const s = await makeShelter(t.admin, 'Rumah Singgah Banjarbaru', { 'Ruang Keluarga': labels });
  const db = t.backend.sqlite;
  const r = rng(11);
  const persons = 700;
  const insertPerson = db.prepare(`INSERT INTO persons (id, full_name, sex, birth_date,
    birth_year, nik, identity_status, quality, search_names, name_key, match_keys, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', '', '', '[]', '2020-01-01T00:00:00Z',
    '2020-01-01T00:00:00Z')`);
  const insertStay = db.prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id,
    checkin_at, referral_source, checkout_at, exit_type, destination_code, origin_regency,
    created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'police', ?, ?, ?, ?, ?, ?)`);
  const insertPpks = db.prepare(
    'INSERT INTO stay_ppks (stay_id, ppks, checkin_at) VALUES (?, ?, ?)',
  );
  const beds = Object.values(s.beds);
  const id = (prefix: number, i: number) =>
    `0000000${prefix}-0000-7000-8000-${String(i).padStart(12, '0')}`;
  db.transaction(() => {
    for (let i = 0; i < persons; i++) {
      const year = 1940 + Math.floor(r() * 86);
      const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const known = r();
      insertPerson.run(
        id(1, i),
        `Orang ${i}`,
        pick(r, ['M', 'F', 'M', 'F', null]),
        known < 0.6 ? date : null,
        known < 0.6 ? year : known < 0.85 ? year : null,
        r() < 0.5 ? String(6372000000000000 + i) : null,
        pick(r, STATUSES),
      );
    }
    let n = 0;
    const start = Date.parse('2024-10-01T00:00:00Z');
    for (let i = 0; i < persons; i++) {
      // One to five stays one after another, from late 2024 on; the last may still be going.
      let at = start + Math.floor(r() * 700 * DAY);
      const count = 1 + Math.floor(r() * 5);
      for (let k = 0; k < count && at < NOW.getTime(); k++) {
        // Some near midnight in the office's zone (16:00 UTC), some far from it.
        const checkin = at - (at % DAY) + pick(r, [15.9, 16.1, 2, 9]) * 3_600_000;
        const length = Math.floor(r() * r() * 60 * DAY) + Math.floor(r() * DAY);
        const open = k === count - 1 && i < beds.length && r() < 0.9;
        const checkout = open ? null : checkin + length;
        if (checkout !== null && checkout > NOW.getTime()) break;
        const exit = checkout === null ? null : pick(r, EXITS);
        const stay = id(2, n++);
        const inIso = new Date(checkin).toISOString();
        insertStay.run(
          stay,
          id(1, i),
          s.shelterId,
          open ? beds[i]! : pick(r, beds),
          inIso,
          checkout === null ? null : new Date(checkout).toISOString(),
          exit,
          exit === null ? null : pick(r, DESTINATIONS),
          pick(r, ORIGINS),
          inIso,
          inIso,
        );
        insertPpks.run(stay, pick(r, ['PPKS-11', 'PPKS-08', 'PPKS-12']), inIso);
        if (r() < 0.3) insertPpks.run(stay, pick(r, ['PPKS-03', 'PPKS-24', 'PPKS-09']), inIso);
        at = checkout === null ? NOW.getTime() : checkout + Math.floor(r() * 90 * DAY);
      }
    }
  })();
  return t;
}

describe('the shelter report counted in SQL', () => {
  it('gives what one row per stay counted in JS gives, for every kind of period', async () => {
    const t = await office();
    const stays = t.backend.sqlite.prepare('SELECT count(*) FROM stays').pluck().get() as number;
    expect(stays).toBeGreaterThan(1500);
    for (const [from, to] of [
      ['2025-01-01', '2025-12-31'],
      ['2026-11-01', '2026-11-30'],
      ['2026-07-01', '2026-09-30'],
      ['2025-03-15', '2025-04-20'],
      ['2026-01-01', '2026-12-31'],
      ['2026-12-01', '2026-12-31'],
    ] as const) {
      const period = { from, to, now: NOW };
      const want = await referenceShelterReport(t.backend.db, period);
      const got = await shelterReport(t.backend.db, period);
      expect({ from, ...got }).toEqual({ from, ...want });
    }
  }, 60_000);

  it('takes the median of counted values as of the values themselves', () => {
    for (const values of [[], [4], [1, 3, 3], [2, 2, 5, 9], [0, 0, 0, 1, 7, 7], [5, 1, 5, 2, 8]]) {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      expect(medianOf(counts)).toBe(median(values));
    }
  });
});
