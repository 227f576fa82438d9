/** A city office with a kelurahan operator, a second kelurahan's operator and city staff. */
import type { Input } from '../../shared/contract';
import { TEST_KELURAHAN, setUpOffice, type Client } from './harness';
import { staffUser } from './registry';

/** Mentaos, the kelurahan next to Komet (TEST_KELURAHAN) in Banjarbaru Utara. */
export const OTHER_KELURAHAN = '63.72.04.1002';
export const KOMET = TEST_KELURAHAN;

export async function kelurahanOffice() {
  const t = await setUpOffice();
  const operator = await staffUser(t, 'op.komet', ['kelurahan_operator']);
  const otherOperator = await staffUser(t, 'op.mentaos', ['kelurahan_operator'], OTHER_KELURAHAN);
  const officer = await staffUser(t, 'petugas', ['complaint_officer']);
  const viewer = await staffUser(t, 'pimpinan', ['viewer']);
  return { ...t, operator, otherOperator, officer, viewer };
}

/** An abandoned elderly woman found at the market: override what the test is about. */
export function reportedFinding(
  over: Partial<Input<'findings.create'>> = {},
): Input<'findings.create'> {
  return {
    place: 'Pasar Bauntung, depan los ikan',
    foundAt: '2026-11-27T01:30:00.000Z',
    ppks: ['PPKS-08'],
    condition: 'Lemah, belum makan sejak kemarin, tidak ingat alamat keluarga.',
    urgency: 'emergency',
    actionTaken: 'Diberi makan dan minum oleh warga.',
    reporterRole: 'tksk',
    reporterName: 'Rahmat Hidayat',
    reporterContact: '0812 5000 1234',
    subject: {
      name: 'Hadijah Mardiana',
      sex: 'F',
      birthDate: '1953-05-12',
      description: 'Berkerudung cokelat',
    },
    ...over,
  };
}

export async function countOf(
  c: { backend: { sqlite: import('better-sqlite3').Database } },
  table: string,
) {
  return (c.backend.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export type { Client };
