/**
 * Demo findings from the kelurahans (one waiting for triage, one triaged, one closed) and a
 * kelurahan's counts-only addition to the rekap. All synthetic; entered by the admin through the
 * real dispatch, as city staff taking reports by phone would.
 */
import type { Backend } from '../app';
import { demoCall } from './call';

const DAY = 86_400_000;

export async function seedFindingDemo(
  backend: Backend,
  token: string | null,
  now: Date,
): Promise<string | null> {
  const at = (d: number) => new Date(now.getTime() - d * DAY - 3 * 3_600_000).toISOString();
  const report = async (input: Record<string, unknown>) =>
    (await demoCall<{ id: string; version: number }>(backend, token, 'findings.create', input))
      .data;
  const waiting = {
    kelurahanCode: '63.72.04.1002',
    place: 'Emperan toko dekat Lapangan Murjani',
    foundAt: at(0),
    ppks: ['PPKS-08'],
    condition: 'Lansia perempuan, lemah, tidak mau menyebut alamat keluarga.',
    urgency: 'high',
    actionTaken: 'Diberi makan oleh pemilik toko.',
    reporterRole: 'tksk',
    reporterName: 'Hendra Gunawan (TKSK Banjarbaru Utara)',
    reporterContact: '0812 5111 2233',
    subject: { name: null, sex: 'F', age: 75, description: 'Berkerudung hijau, membawa karung.' },
  };
  await report(waiting);
  const triaged = await report({
    ...waiting,
    kelurahanCode: '63.72.02.1004',
    place: 'Simpang empat Guntung Payung',
    foundAt: at(2),
    ppks: ['PPKS-04', 'PPKS-12'],
    condition: 'Dua anak mengamen di lampu merah pada jam sekolah.',
    urgency: 'normal',
    actionTaken: null,
    reporterRole: 'rt_rw',
    reporterName: 'Ketua RT 05',
    subject: { name: 'Rizky', sex: 'M', age: 11 },
  });
  await demoCall(backend, token, 'findings.transition', {
    id: triaged.id,
    version: triaged.version,
    step: 'triage',
    triageNote: 'Dijadwalkan penjangkauan bersama Satpol PP dan sekolah.',
  });
  const closed = await report({
    ...waiting,
    kelurahanCode: '63.72.05.1003',
    place: 'Jl. Karang Anyar',
    foundAt: at(5),
    ppks: ['PPKS-11'],
    condition: 'Laki-laki tidur di halte.',
    urgency: 'normal',
    reporterRole: 'community',
    reporterName: 'Warga',
    subject: { name: 'Tidak diketahui', sex: 'M', age: 40 },
  });
  await demoCall(backend, token, 'findings.transition', {
    id: closed.id,
    version: closed.version,
    step: 'close',
    closeReason: 'Saat didatangi sudah dijemput keluarganya.',
  });
  const month = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  await demoCall(backend, token, 'rekap.saveAddition', {
    kelurahanCode: '63.72.04.1002',
    month,
    ppks: 'PPKS-24',
    count: 14,
    note: 'Data Puskesos Mentaos, belum terdaftar di Pelita',
  });
  return token;
}
