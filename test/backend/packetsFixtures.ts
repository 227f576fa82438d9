/** Two offices that exchange packets: Kota Banjarbaru (63.72) and Kab. Banjar (63.03). */
import { readFileSync } from 'node:fs';
import type { Output } from '../../shared/contract';
import {
  ADMIN_PASSWORD,
  Client,
  DEFAULT_START,
  makeBackend,
  OFFICE_INPUT,
  setUpOffice,
  type TestBackend,
} from './harness';
import { upload } from './images';

export const PASSPHRASE = 'kunci-rahasia-kantor';

export type Office = TestBackend & { admin: Client };

export async function banjarbaru(): Promise<Office> {
  return setUpOffice();
}

export async function banjar(start = DEFAULT_START): Promise<Office> {
  const t = await makeBackend(start);
  const admin = new Client(t.backend);
  await admin.call('auth.setup', {
    office: {
      ...OFFICE_INPUT,
      name: 'Dinas Sosial Kabupaten Banjar',
      regionCode: '63.03',
      address: 'Jl. Ahmad Yani, Martapura',
      email: 'dinsos@banjarkab.go.id',
    },
    admin: { username: 'admin', fullName: 'Admin Banjar', password: ADMIN_PASSWORD },
  });
  return { ...t, admin };
}

/** The bytes of a generated file, as the file port hands them out. */
export async function fileBytes(o: Office, fileId: string): Promise<Buffer> {
  const r = await o.backend.download(o.admin.token, fileId);
  if (!r.response.ok || !r.path) throw new Error('download failed');
  return readFileSync(r.path);
}

export async function uploadAs(o: Office, bytes: Buffer, purpose: string, name: string) {
  const r = await upload(o.admin, bytes, { purpose, name });
  if (!r.ok) throw new Error(`upload refused: ${r.error.key}`);
  return r.file.fileId;
}

/** Keys on both sides and each other's card imported with the fingerprint confirmed. */
export async function partners(a: Office, b: Office) {
  const cardA = await a.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
  const cardB = await b.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
  const fileA = await fileBytes(a, (await a.admin.call('packets.keyCard', {})).fileId);
  const fileB = await fileBytes(b, (await b.admin.call('packets.keyCard', {})).fileId);
  const bAtA = await a.admin.call('packets.addPartner', {
    fileId: await uploadAs(a, fileB, 'exchangeKeyCard', 'kartu.pelitakey'),
    fingerprint: cardB.fingerprintGroups,
  });
  const aAtB = await b.admin.call('packets.addPartner', {
    fileId: await uploadAs(b, fileA, 'exchangeKeyCard', 'kartu.pelitakey'),
    fingerprint: cardA.fingerprintGroups,
  });
  return { cardA, cardB, bAtA, aAtB, fileA, fileB };
}

/** Moves a generated packet from one office to the other and opens it there. */
export async function carry(
  from: Office,
  to: Office,
  fileId: string,
): Promise<Output<'packets.open'>> {
  const bytes = await fileBytes(from, fileId);
  const id = await uploadAs(to, bytes, 'exchangePacket', 'paket.pelita');
  return to.admin.call('packets.open', { fileId: id });
}
