/** Shared inputs for the complaint tests. */
import type { Input } from '../../shared/contract';
import type { Client } from './harness';

/** Seeded default categories (migration 0006). */
export const CAT = {
  street: '0190a000-0000-7000-8000-000000000001',
  elderly: '0190a000-0000-7000-8000-000000000002',
  aid: '0190a000-0000-7000-8000-000000000003',
  dataRequest: '0190a000-0000-7000-8000-000000000004',
  dataCorrection: '0190a000-0000-7000-8000-000000000005',
  staff: '0190a000-0000-7000-8000-000000000006',
  other: '0190a000-0000-7000-8000-000000000007',
} as const;

/** A phone complaint about an elderly woman found at the market. */
export function phoneComplaint(
  over: Partial<Input<'complaints.create'>> = {},
): Input<'complaints.create'> {
  return {
    kind: 'complaint',
    categoryId: CAT.elderly,
    channel: 'phone',
    reporterName: 'Hj. Rusmini',
    reporterPhone: '0812 5123 4567',
    reporterAddress: 'Jl. Karang Anyar No. 3, Loktabat Utara',
    reporterRelation: 'Pedagang di pasar',
    subject: 'Lansia perempuan ±75 tahun tidur di los pasar',
    regionCode: '63.72.04.1003',
    locationAddress: 'Pasar Bauntung, los ikan',
    description:
      'Sejak tiga hari seorang nenek tidur di los ikan Pasar Bauntung, tampak bingung dan tidak tahu alamatnya.',
    urgency: 'high',
    ppks: ['PPKS-08'],
    ...over,
  };
}

export function dataRequest(
  over: Partial<Input<'complaints.create'>> = {},
): Input<'complaints.create'> {
  return {
    kind: 'data_service',
    serviceType: 'dtks_certificate',
    categoryId: CAT.dataRequest,
    channel: 'walk_in',
    reporterName: 'Ahmad Fauzi',
    subject: 'Surat keterangan terdaftar DTKS untuk beasiswa',
    description:
      'Pemohon meminta surat keterangan terdaftar DTKS untuk pendaftaran beasiswa anaknya.',
    ...over,
  };
}

/** Verify → follow-up → done with an answer, as one officer would. */
export async function closeAsDone(c: Client, id: string): Promise<void> {
  let x = await c.call('complaints.get', { id });
  if (x.status === 'received')
    x = await c.call('complaints.transition', { id, version: x.version, to: 'verified' });
  if (x.status === 'verified')
    x = await c.call('complaints.transition', { id, version: x.version, to: 'in_follow_up' });
  await c.call('complaints.transition', {
    id,
    version: x.version,
    to: 'done',
    finalAnswer: 'Sudah ditangani.',
    answerChannel: 'phone',
  });
}
