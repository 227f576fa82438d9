/** An office with a repatriated shelter resident, the letter writers and a signatory. */
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Input } from '../../../shared/contract';
import { blobPath } from '../../../electron/backend/files/store';
import { setUpOffice, type Client, type TestBackend } from '../harness';
import { checkInInput, createPerson, makeNik, makeShelter, staffUser } from '../registry';
import { pageImages } from '../pdf/pdfTools';

/** Seeded by migration 18. */
export const TEMPLATES = {
  pengantar: '0190b000-0000-7000-8000-000000000101',
  pernyataan: '0190b000-0000-7000-8000-000000000102',
  serahTerima: '0190b000-0000-7000-8000-000000000103',
  rujukanRs: '0190b000-0000-7000-8000-000000000105',
  keterangan: '0190b000-0000-7000-8000-000000000108',
} as const;
export const REHSOS = '0190b000-0000-7000-8000-000000000002';

export const SIGNATORY: Input<'letters.saveSignatory'> = {
  name: 'Drs. H. Abdul Karim, M.Si.',
  rank: 'Pembina Utama Muda (IV/c)',
  nip: '197006151995031002',
  position: 'Kepala Dinas Sosial',
};

export async function letterOffice() {
  const t = await setUpOffice();
  const s = await makeShelter(t.admin);
  const staff = await staffUser(t, 'petugas', ['shelter_staff']);
  const writer = await staffUser(t, 'peksos', ['caseworker']);
  const supervisor = await staffUser(t, 'kasi', ['supervisor']);
  const supervisor2 = await staffUser(t, 'kabid', ['supervisor']);
  const budi = await createPerson(t.admin, {
    fullName: 'Budi Santoso',
    nik: makeNik('63.03.01', '1985-04-12', 'M'),
    sex: 'M',
    birthPlace: 'Martapura',
    birthDate: '1985-04-12',
    address: 'Desa Sungai Tabuk, Kecamatan Sungai Tabuk',
    originCode: '63.03.01',
  });
  const checkedIn = await staff.call(
    'stays.checkIn',
    checkInInput(budi.id, s.beds['P1']!, { checkinAt: '2026-11-20T01:00:00Z' }),
  );
  const stay = await staff.call('stays.checkOut', {
    id: checkedIn.id,
    version: checkedIn.version,
    checkoutAt: '2026-11-27T01:00:00Z',
    exitType: 'repatriated',
    destinationCode: '63.03',
    destinationDetail: 'Dinas Sosial Kabupaten Banjar',
    escort: 'Rahmat Hidayat, S.Tr.Sos.',
  });
  const signatory = await t.admin.call('letters.saveSignatory', SIGNATORY);
  return { ...t, ...s, staff, writer, supervisor, supervisor2, budi, stay, signatory };
}
export type LetterOffice = Awaited<ReturnType<typeof letterOffice>>;

/** A draft of `template` about the stay with the signatory chosen, submitted by the writer. */
export async function submittedLetter(t: LetterOffice, template: string = TEMPLATES.pengantar) {
  const draft = await t.writer.call('letters.create', {
    templateId: template,
    sourceKind: 'stay',
    sourceId: t.stay.id,
  });
  const edited = await t.writer.call('letters.update', {
    ...editable(draft),
    signatoryId: t.signatory.id,
  });
  return t.writer.call('letters.transition', {
    id: edited.id,
    version: edited.version,
    to: 'submitted',
  });
}

/** The fields letters.update takes, from a letter as read. */
export function editable(l: {
  id: string;
  version: number;
  subject: string;
  addressee: string | null;
  addresseePlace: string | null;
  sifat: string | null;
  lampiran: string | null;
  body: string;
  closing: string | null;
  tembusan: string | null;
  paper: 'A4' | 'F4';
  classificationId: string;
  signatory: { id: string } | null;
}): Input<'letters.update'> {
  return {
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
    signatoryId: l.signatory?.id ?? null,
  };
}

/** The bytes of a generated file. */
export function fileBytes(t: TestBackend, fileId: string): Uint8Array {
  const row = t.backend.sqlite.prepare('SELECT sha256 FROM files WHERE id = ?').get(fileId) as {
    sha256: string;
  };
  return readFileSync(blobPath(t.dir, row.sha256));
}

/** The text of the first QR code found on the PDF's pages (rendered by pdftoppm). */
export function decodeQr(pdf: Uint8Array): string | null {
  for (const file of pageImages(pdf, 150)) {
    const png = PNG.sync.read(readFileSync(file));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (found) return found.data;
  }
  return null;
}

export type { Client };
