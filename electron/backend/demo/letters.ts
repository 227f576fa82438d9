/**
 * Demo letters: the office's signatories, and repatriation letters written from the demo's
 * repatriated shelter stays — one issued (numbered, sealed), the others as drafts (one may show
 * the placeholders its record could not fill).
 */
import type { Letter } from '../../../shared/contract/letters';
import type { Backend } from '../app';
import { demoCall } from './call';

const PENGANTAR = '0190b000-0000-7000-8000-000000000101';
const KETERANGAN = '0190b000-0000-7000-8000-000000000108';

type DemoLetter = Letter;

export async function seedLetterDemo(backend: Backend, token: string | null) {
  let r = await demoCall<{ id: string }>(backend, token, 'letters.saveSignatory', {
    name: 'Drs. H. Abdul Karim, M.Si.',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '197006151995031002',
    position: 'Kepala Dinas Sosial',
  });
  const head = r.data.id;
  r = await demoCall<{ id: string }>(backend, r.token, 'letters.saveSignatory', {
    name: 'Rahmat Hidayat, S.Sos.',
    rank: 'Penata Tingkat I (III/d)',
    nip: '198503122010011004',
    position: 'Kepala Bidang Rehabilitasi Sosial',
    prefix: 'a.n.',
    onBehalfOf: 'Kepala Dinas Sosial',
  });
  const kabid = r.data.id;
  const stays = await backend.db
    .selectFrom('stays')
    .select(['id', 'person_id'])
    .where('exit_type', '=', 'repatriated')
    .orderBy('checkout_at', 'desc')
    .limit(3)
    .execute();
  let issued = false;
  for (const [i, stay] of stays.entries()) {
    const made = await demoCall<DemoLetter>(backend, r.token, 'letters.create', {
      templateId: PENGANTAR,
      sourceKind: 'stay',
      sourceId: stay.id,
    });
    const l = made.data;
    const draft = await demoCall<DemoLetter>(backend, made.token, 'letters.update', {
      id: l.id,
      version: l.version,
      subject: l.subject,
      addressee: l.addressee,
      addresseePlace: l.addresseePlace,
      sifat: l.sifat,
      lampiran: l.lampiran,
      body: l.body,
      closing: l.closing,
      tembusan: l.tembusan,
      paper: l.paper,
      classificationId: l.classificationId,
      signatoryId: i === 0 ? head : kabid,
    });
    r = draft;
    if (issued || draft.data.missing.length > 0) continue;
    const sub = await demoCall<DemoLetter>(backend, draft.token, 'letters.transition', {
      id: draft.data.id,
      version: draft.data.version,
      to: 'submitted',
    });
    r = await demoCall(backend, sub.token, 'letters.transition', {
      id: sub.data.id,
      version: sub.data.version,
      to: 'issued',
    });
    issued = true;
  }
  if (stays[0]) {
    r = await demoCall(backend, r.token, 'letters.create', {
      templateId: KETERANGAN,
      sourceKind: 'person',
      sourceId: stays[0].person_id,
    });
  }
  return r.token;
}
