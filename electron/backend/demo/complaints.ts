/**
 * Demo complaints and data-service requests from the channels the desk meets (phone, SP4N-LAPOR!,
 * 112, WhatsApp, walk-in, letters) in every state, one of them past its deadline. All synthetic.
 */
import type { Backend } from '../app';
import { demoCall } from './call';

const DAY = 86_400_000;

interface Created {
  id: string;
  version: number;
}

export async function seedComplaintDemo(
  backend: Backend,
  token: string | null,
  now: Date,
): Promise<string | null> {
  const cats = await demoCall<{ categories: { id: string; name: string }[] }>(
    backend,
    token,
    'complaints.categories',
    {},
  );
  const category = (name: string) => cats.data.categories.find((c) => c.name === name)!.id;
  const officers = await demoCall<{ officers: { id: string; fullName: string }[] }>(
    backend,
    token,
    'complaints.officers',
    {},
  );
  const named = (name: string) =>
    officers.data.officers.find((o) => o.fullName.startsWith(name))?.id ?? null;
  const officer = named('Nurul Hasanah');
  // Follow-up visits to a person in need are a caseworker's work.
  const caseworker = named('Siti Aminah');
  const daysAgo = (d: number, hour = 2) =>
    new Date(now.getTime() - d * DAY - hour * 3_600_000).toISOString();
  const register = 'Dicatat dari buku register loket';

  /** One call as the demo user; the session token may be renewed by any answer. */
  const send = async (method: string, input: Record<string, unknown>): Promise<Created> => {
    const r = await demoCall<Created>(backend, token, method, input);
    token = r.token;
    return r.data;
  };
  const create = (input: Record<string, unknown>) => send('complaints.create', input);
  const step = (c: Created, to: string, extra: Record<string, unknown> = {}) =>
    send('complaints.transition', { id: c.id, version: c.version, to, ...extra });
  const log = (c: Created, type: string, outcome: string, at: string, agency?: string) =>
    send('complaints.logAction', { id: c.id, type, outcome, at, ...(agency ? { agency } : {}) });
  /** Verified (with what was checked, if said) and taken up: how every follow-up starts. */
  const takeUp = async (c: Created, verifiedNote?: string) =>
    step(await step(c, 'verified', verifiedNote ? { note: verifiedNote } : {}), 'in_follow_up');

  // 1. Phone: an elderly woman sleeping at the market; verified, a visit logged.
  let market = await create({
    kind: 'complaint',
    categoryId: category('Lansia atau anak terlantar'),
    channel: 'phone',
    subject: 'Lansia perempuan tidur di los Pasar Bauntung',
    regionCode: '63.72.04.1003',
    locationAddress: 'Pasar Bauntung, los ikan',
    description:
      'Sejak tiga hari seorang nenek tidur di los ikan. Tampak bingung dan tidak tahu alamatnya.',
    urgency: 'high',
    ppks: ['PPKS-08'],
    reporterName: 'Hj. Rusmini',
    reporterPhone: '0812 5123 4411',
    reporterRelation: 'Pedagang pasar',
    receivedAt: daysAgo(2),
    backdateReason: register,
    assigneeId: caseworker,
  });
  market = await takeUp(market, 'Dicek melalui pengelola pasar: benar.');
  await log(
    market,
    'visit',
    'Petugas mengunjungi pasar; nenek bersedia dibawa ke rumah singgah.',
    daysAgo(1),
  );

  // 2. SP4N-LAPOR!: social assistance off target; in follow-up with coordination.
  let lapor = await create({
    kind: 'complaint',
    categoryId: category('Bantuan sosial tidak tepat sasaran'),
    channel: 'lapor',
    channelRef: 'LAPOR-2611-4820',
    subject: 'Penerima BPNT di RT 07 dinilai mampu',
    regionCode: '63.72.02',
    description: 'Pelapor menyebut dua keluarga penerima BPNT memiliki mobil dan usaha toko.',
    reporterName: 'Warga Landasan Ulin',
    reporterConfidential: true,
    receivedAt: daysAgo(6),
    backdateReason: 'Tiket SP4N-LAPOR! baru diteruskan admin kota',
    assigneeId: officer,
  });
  lapor = await takeUp(lapor);
  await log(
    lapor,
    'coordination',
    'Meminta verifikasi lapangan kepada pendamping PKH kecamatan.',
    daysAgo(3),
    'Pendamping PKH Landasan Ulin',
  );

  // 3. 112: a child begging at a junction; done, with the answer given.
  let call112 = await create({
    kind: 'complaint',
    categoryId: category('PPKS ditemukan di jalan'),
    channel: 'call_112',
    channelRef: '112-BJB-26-0917',
    subject: 'Anak mengemis di simpang empat Jl. A. Yani km 35',
    regionCode: '63.72.04',
    description: 'Dua anak usia sekolah mengemis pada jam sekolah.',
    urgency: 'emergency',
    ppks: ['PPKS-04', 'PPKS-12'],
    reporterAnonymous: true,
    receivedAt: daysAgo(9),
    backdateReason: register,
    assigneeId: officer,
  });
  call112 = await takeUp(call112);
  call112 = await log(
    call112,
    'answer',
    'Anak-anak dijangkau bersama Satpol PP dan diserahkan kepada orang tuanya.',
    daysAgo(8),
  );
  await step(call112, 'done', {
    finalAnswer: 'Anak-anak telah dijangkau dan dikembalikan kepada orang tua dengan pendampingan.',
    answerChannel: 'phone',
  });

  // 4. Walk-in data service: a DTKS certificate for a scholarship; done.
  let dtks = await create({
    kind: 'data_service',
    serviceType: 'dtks_certificate',
    categoryId: category('Permohonan data'),
    channel: 'walk_in',
    subject: 'Surat keterangan terdaftar DTKS untuk beasiswa',
    description:
      'Pemohon membutuhkan surat keterangan terdaftar DTKS untuk pendaftaran beasiswa kuliah anaknya.',
    reporterName: 'Ahmad Fauzi',
    reporterPhone: '0813 4700 2210',
    receivedAt: daysAgo(4),
    backdateReason: register,
  });
  dtks = await takeUp(dtks);
  await step(dtks, 'done', {
    finalAnswer: 'Surat keterangan diterbitkan dan diambil pemohon.',
    answerChannel: 'in_person',
  });

  // 5. WhatsApp, still unverified and past its 3-working-day verification deadline.
  await create({
    kind: 'complaint',
    categoryId: category('Pelayanan oleh petugas'),
    channel: 'whatsapp',
    subject: 'Pengurusan surat rekomendasi dinilai lambat',
    description: 'Pelapor sudah dua kali datang, surat rekomendasi belum selesai.',
    reporterName: 'Siti Rahmah',
    reporterPhone: '0852 4811 9090',
    receivedAt: daysAgo(12),
    backdateReason: register,
    assigneeId: officer,
  });

  // 6. A letter outside the office's authority: forwarded.
  const health = await create({
    kind: 'complaint',
    categoryId: category('Lainnya'),
    channel: 'letter',
    channelRef: '045/RT.03/XI/2026',
    subject: 'Warga dengan gangguan jiwa belum mendapat pengobatan',
    regionCode: '63.72.03',
    description: 'Ketua RT meminta bantuan pengobatan bagi warga dengan gangguan jiwa.',
    reporterName: 'Ketua RT 03 Cempaka',
    receivedAt: daysAgo(5),
    backdateReason: register,
  });
  await step(health, 'forwarded', {
    forwardedTo: 'Dinas Kesehatan Kota Banjarbaru',
    finalAnswer: 'Diteruskan ke Dinas Kesehatan; puskesmas Cempaka akan berkunjung.',
    answerChannel: 'letter',
  });

  // 7. Today, walk-in: a data correction request, just received.
  await create({
    kind: 'data_service',
    serviceType: 'data_correction',
    categoryId: category('Perbaikan data'),
    channel: 'walk_in',
    subject: 'Perbaikan alamat pada data DTKS',
    description: 'Alamat keluarga pemohon di DTKS masih alamat lama sebelum pindah.',
    reporterName: 'Gusti Anang',
  });
  return token;
}
