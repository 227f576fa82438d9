/**
 * Demo PPKS case files in every state of the flow (one assessment returned with a comment, one
 * overdue), assigned to the demo caseworker under the demo supervisor. All synthetic.
 */
import type { PpksCode } from '../../../shared/reference/ppks';
import type { Backend } from '../app';
import { demoCall } from './call';

interface Case {
  id: string;
  version: number;
  referrals: { id: string; version: number }[];
}

const ASSESSMENT = {
  identity: 'Tidak membawa KTP; mengaku berasal dari Kabupaten Banjar.',
  health: 'Tampak lemah, pendengaran berkurang.',
  family: 'Mempunyai anak di Martapura; sedang ditelusuri lewat kelurahan.',
  housing: 'Tidur di emperan toko.',
  income: 'Tidak berpenghasilan tetap.',
  education: null,
  needs: 'Tempat tinggal sementara, pemeriksaan kesehatan, penelusuran keluarga.',
  risks: 'Cuaca dan lalu lintas.',
  riskLevel: 'medium',
  immediateDanger: false,
  summary: null,
};
const SHELTER = '0190b000-0000-7000-8000-000000000001';
const REUNIFY = '0190b000-0000-7000-8000-000000000005';

export async function seedCaseDemo(backend: Backend, token: string | null): Promise<string | null> {
  const send = async (method: string, input: Record<string, unknown>): Promise<Case> => {
    const r = await demoCall<Case>(backend, token, method, input);
    token = r.token;
    return r.data;
  };
  const staff = (
    await demoCall<{
      caseworkers: { id: string; fullName: string }[];
      supervisors: { id: string; fullName: string }[];
    }>(backend, token, 'cases.staff', {})
  ).data;
  const worker = staff.caseworkers.find((u) => u.fullName.startsWith('Siti Aminah'))!.id;
  const boss = staff.supervisors.find((u) => u.fullName.startsWith('Hj. Mariani'))!.id;
  // The demo's people, oldest registrations first (read only; every write goes through dispatch).
  const people = await backend.db
    .selectFrom('persons')
    .select('id')
    .where('merged_into', 'is', null)
    .orderBy('created_at')
    .limit(9)
    .execute();
  const open = (i: number, ppks: PpksCode[], over: Record<string, unknown> = {}) =>
    send('cases.create', {
      personId: people[i]!.id,
      ppks,
      origin: 'outreach',
      locationRegionCode: '63.72.04.1003',
      caseworkerId: worker,
      supervisorId: boss,
      ...over,
    });
  const step = (k: Case, name: string, extra: Record<string, unknown> = {}) =>
    send('cases.transition', { id: k.id, version: k.version, step: name, ...extra });
  const assess = async (k: Case) => {
    k = await send('cases.saveAssessment', {
      id: k.id,
      version: k.version,
      assessment: ASSESSMENT,
    });
    return step(k, 'submit_assessment');
  };
  const plan = async (k: Case) => {
    k = await step(await assess(k), 'approve_assessment');
    k = await send('cases.savePlan', {
      id: k.id,
      version: k.version,
      goals: 'Kembali berkumpul dengan keluarga dalam satu bulan.',
      services: [
        { serviceTypeId: SHELTER, responsible: 'Rumah Singgah Banjarbaru', dueOn: null },
        { serviceTypeId: REUNIFY, responsible: 'Pekerja sosial', dueOn: null },
      ],
    });
    return step(k, 'submit_plan');
  };
  const serve = async (k: Case) => step(await plan(k), 'approve_plan');

  if (people.length < 8) return token;
  await open(0, ['PPKS-08']); // opened
  await assess(await open(1, ['PPKS-11', 'PPKS-12'])); // assessment waiting for approval
  const returned = await assess(await open(2, ['PPKS-04'], { origin: 'police' }));
  await step(returned, 'return_assessment', {
    comment: 'Lengkapi data keluarga dan sekolah terakhir anak.',
  });
  await plan(await open(3, ['PPKS-09'])); // plan waiting for approval
  let k = await serve(await open(4, ['PPKS-08'], { locationRegionCode: '63.72.05.1003' }));
  k = await send('cases.addNote', {
    caseId: k.id,
    kind: 'home_visit',
    text: 'Kunjungan ke rumah anak di Martapura; keluarga bersedia menerima.',
  });
  k = await send('cases.refer', {
    caseId: k.id,
    agencyKind: 'panti',
    agencyName: 'PSTW Budi Sejahtera Banjarbaru',
    regionCode: null,
    reason: 'Perawatan lanjut usia bila keluarga tidak mampu.',
  });
  await step(await serve(await open(5, ['PPKS-19'])), 'start_review'); // review
  k = await serve(await open(6, ['PPKS-11']));
  await step(k, 'request_closure', {
    closureReason: 'reunified',
    closureSummary: 'Dijemput keluarganya.',
  });
  k = await serve(await open(7, ['PPKS-12']));
  k = await step(k, 'request_closure', {
    closureReason: 'repatriated',
    closureSummary: 'Dipulangkan ke daerah asal.',
  });
  await step(k, 'approve_closure');
  return token;
}
