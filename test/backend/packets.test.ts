/** Exchange packets between two offices (issue 12): keys, export, import, acknowledgement. */
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../shared/i18n';
import { checkInInput, createPerson, makeNik, makeShelter } from './registry';
import {
  banjar,
  banjarbaru,
  carry,
  fileBytes,
  partners,
  PASSPHRASE,
  uploadAs,
  type Office,
} from './packetsFixtures';

const SELECT = {
  choose: 'area',
  mode: 'full',
  legalBasis: 'consent',
  from: null,
  to: null,
} as const;

/** Three people from Kab. Banjar at Banjarbaru: two agreed to sharing, one did not say. */
async function residents(a: Office) {
  const shelter = await makeShelter(a.admin);
  const siti = await createPerson(a.admin, {
    fullName: 'Siti Aminah',
    sex: 'F',
    birthDate: '1985-04-12',
    nik: makeNik('63.03.01', '1985-04-12', 'F'),
    originCode: '63.03',
    notes: 'Catatan internal: jangan dikirim',
  });
  const rahmat = await createPerson(a.admin, {
    fullName: 'Rahmat Hidayat',
    sex: 'M',
    estimatedAge: 40,
    originCode: '63.03',
  });
  const anon = await createPerson(a.admin, { fullName: 'Udin', sex: 'M', originCode: '63.03' });
  const local = await createPerson(a.admin, { fullName: 'Warga Kota', originCode: '63.72' });
  for (const p of [siti, rahmat])
    await a.admin.call('packets.setConsent', { personId: p.id, consent: 'given', note: null });
  await a.admin.call('stays.checkIn', checkInInput(siti.id, shelter.beds.W1!));
  await a.admin.call('stays.checkIn', checkInInput(rahmat.id, shelter.beds.P1!));
  return { siti, rahmat, anon, local, shelter };
}

async function exportTo(a: Office, partnerId: string, over: Record<string, unknown> = {}) {
  return a.admin.call('packets.export', {
    ...SELECT,
    partnerId,
    purpose: 'Pemulangan ke daerah asal',
    ...over,
  });
}

describe('keys and partners', () => {
  it('makes keys with a card, a fingerprint in groups and a rotation signed by the old key', async () => {
    const a = await banjarbaru();
    expect((await a.admin.call('packets.keys', {})).current).toBeNull();
    const card = await a.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    expect(card.officeCode).toBe('63.72');
    expect(card.fingerprintGroups).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(card.ageRecipient).toMatch(/^age1/);
    const rotated = await a.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    expect(rotated.previousFingerprint).toBe(card.fingerprint);
    const keys = await a.admin.call('packets.keys', {});
    expect(keys.current?.fingerprint).toBe(rotated.fingerprint);
    expect(keys.previous.map((k) => k.fingerprint)).toEqual([card.fingerprint]);
    // The private parts are sealed: nothing of the age identity is readable in the database.
    const sealed = a.backend.sqlite.prepare('SELECT sealed FROM exchange_keys').pluck().all();
    for (const s of sealed) expect(String(s)).not.toContain('AGE-SECRET-KEY');
    // A short passphrase is refused.
    const b = await banjar();
    const err = await b.admin.fail('packets.createKeys', { passphrase: 'pendek' });
    expect(err.issues?.[0]?.key).toBe('packets.passphrase_short');
  });

  it('imports a partner card only with the confirmed fingerprint; blocks and replaces', async () => {
    const a = await banjarbaru();
    const b = await banjar();
    await a.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    const cardB = await b.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    const file = await fileBytes(b, (await b.admin.call('packets.keyCard', {})).fileId);
    const fileId = await uploadAs(a, file, 'exchangeKeyCard', 'kartu.pelitakey');
    const read = await a.admin.call('packets.readCard', { fileId });
    expect(read.card.fingerprint).toBe(cardB.fingerprint);
    const wrong = await a.admin.fail('packets.addPartner', {
      fileId,
      fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000',
    });
    expect(wrong.issues?.[0]?.key).toBe('packets.fingerprint_mismatch');
    expect(await a.admin.call('packets.partners', {})).toEqual([]);
    // A card altered by one character is refused.
    const altered = Buffer.from(file.toString('utf8').replace('Banjar"', 'Banjar!"'));
    const bad = await a.admin.fail('packets.readCard', {
      fileId: await uploadAs(a, altered, 'exchangeKeyCard', 'kartu.pelitakey'),
    });
    expect(bad.key).toBe('packets.card_signature');

    const partner = await a.admin.call('packets.addPartner', {
      fileId,
      fingerprint: cardB.fingerprintGroups.toLowerCase(),
    });
    expect(partner).toMatchObject({ status: 'active', nextSequence: 1 });
    const blocked = await a.admin.call('packets.blockPartner', {
      id: partner.id,
      version: partner.version,
      blocked: true,
    });
    expect(blocked.status).toBe('blocked');
    // B rotates; A replaces the card and sees the rotation signed by the old key.
    const rotated = await b.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    const newFile = await fileBytes(b, (await b.admin.call('packets.keyCard', {})).fileId);
    const newId = await uploadAs(a, newFile, 'exchangeKeyCard', 'kartu.pelitakey');
    expect((await a.admin.call('packets.readCard', { fileId: newId })).card.rotationVerified).toBe(
      true,
    );
    const replaced = await a.admin.call('packets.replacePartner', {
      id: blocked.id,
      version: blocked.version,
      fileId: newId,
      fingerprint: rotated.fingerprint,
    });
    expect(replaced.card.fingerprint).toBe(rotated.fingerprint);
  });

  it('restores keys from the recovery file', async () => {
    const a = await banjarbaru();
    const card = await a.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
    const { fileId } = await a.admin.call('packets.recoveryFile', {
      recoveryPassphrase: 'pemulihan-disimpan-offline',
    });
    const bytes = await fileBytes(a, fileId);
    const fresh = await banjar();
    const upId = await uploadAs(fresh, bytes, 'exchangeRecovery', 'pemulihan.age');
    const wrong = await fresh.admin.fail('packets.restoreKeys', {
      fileId: upId,
      recoveryPassphrase: 'salah-sekali-ini',
      passphrase: PASSPHRASE,
    });
    expect(wrong.issues?.[0]?.key).toBe('packets.recovery_wrong');
    expect(
      await fresh.admin.call('packets.restoreKeys', {
        fileId: upId,
        recoveryPassphrase: 'pemulihan-disimpan-offline',
        passphrase: PASSPHRASE,
      }),
    ).toEqual({ restored: 1 });
    expect((await fresh.admin.call('packets.keys', {})).current?.fingerprint).toBe(
      card.fingerprint,
    );
  });
});

describe('export and import', () => {
  it('exports residents of the partner area with consent, imports with a match and a new person, acknowledges', async () => {
    const a = await banjarbaru();
    const b = await banjar();
    const { bAtA, aAtB } = await partners(a, b);
    const r = await residents(a);
    // Kab. Banjar already knows Siti (same NIK, another spelling).
    const sitiAtB = await createPerson(b.admin, {
      fullName: 'Siti Aminah binti Rahman',
      sex: 'F',
      birthDate: '1985-04-12',
      nik: r.siti.nik,
      originCode: '63.03',
    });

    const preview = await a.admin.call('packets.exportPreview', { ...SELECT, partnerId: bAtA.id });
    expect(preview.counts).toEqual({ persons: 2, stays: 2 });
    expect(preview.leftOut).toEqual([
      { personId: r.anon.id, fullName: 'Udin', reason: 'no_consent' },
    ]);
    expect(preview.sample.map((s) => s.fullName).sort()).toEqual(['Rahmat Hidayat', 'Siti Aminah']);
    // Vital interest covers those not asked.
    const vital = await a.admin.call('packets.exportPreview', {
      ...SELECT,
      legalBasis: 'vital_interest',
      partnerId: bAtA.id,
    });
    expect(vital.counts.persons).toBe(3);

    const sent = await exportTo(a, bAtA.id);
    expect(sent.sequence).toBe(1);
    const register = await a.admin.call('packets.sentPersons', { packetId: sent.packetId });
    expect(register.map((p) => p.fullName).sort()).toEqual(['Rahmat Hidayat', 'Siti Aminah']);

    const before = b.backend.sqlite.prepare('SELECT count(*) FROM persons').pluck().get();
    const opened = await carry(a, b, sent.fileId);
    expect(opened.kind).toBe('data');
    expect(opened.entry.counts).toMatchObject({ new: 3, conflict: 1 });
    expect(opened.entry.pending).toBe(2);
    // Staging never touches live data.
    expect(b.backend.sqlite.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(before);
    const staged = await b.admin.call('packets.staged', { packetId: opened.packetId });
    const siti = staged.rows.find((s) => s.fullName === 'Siti Aminah')!;
    const rahmat = staged.rows.find((s) => s.fullName === 'Rahmat Hidayat')!;
    expect(siti.action).toBe('conflict');
    expect(siti.matches[0]).toMatchObject({ level: 'same_nik', person: { id: sitiAtB.id } });
    expect(rahmat.matches).toEqual([]);
    expect(siti.stays).toBe(1);
    // The internal note never travelled.
    const data = b.backend.sqlite.prepare('SELECT data FROM exchange_staged').pluck().all();
    expect(data.join('\n')).not.toContain('Catatan internal');

    const refusedApply = await b.admin.fail('packets.apply', { packetId: opened.packetId });
    expect(refusedApply.key).toBe('packets.pending_left');
    const noAccept = await b.admin.fail('packets.decide', {
      packetId: opened.packetId,
      decisions: [{ n: siti.n, decision: 'accept' }],
    });
    expect(noAccept.issues?.[0]?.key).toBe('packets.nik_taken_link');
    await b.admin.call('packets.decide', {
      packetId: opened.packetId,
      decisions: [{ n: siti.n, decision: 'link', linkId: sitiAtB.id }],
    });
    expect(
      await b.admin.call('packets.decideAll', {
        packetId: opened.packetId,
        choice: { decision: 'accept' },
      }),
    ).toEqual({ changed: 1 });
    const applied = await b.admin.call('packets.apply', { packetId: opened.packetId });
    expect(applied.applied).toMatchObject({ linked: 1, created: 3 });

    // Siti stays Banjar's own record; Rahmat is new, marked as from Banjarbaru, with his stay.
    const sitiPage = await b.admin.call('persons.get', { id: sitiAtB.id });
    expect(sitiPage.person.fullName).toBe('Siti Aminah binti Rahman');
    expect(sitiPage.links.packets?.from).toEqual([
      { office: 'Dinas Sosial Kota Banjarbaru', linked: true },
    ]);
    expect(sitiPage.links.packets?.remoteStays).toHaveLength(1);
    const rahmatId = b.backend.sqlite
      .prepare(`SELECT id FROM persons WHERE full_name = 'Rahmat Hidayat'`)
      .pluck()
      .get() as string;
    const rahmatPage = await b.admin.call('persons.get', { id: rahmatId });
    expect(rahmatPage.links.packets?.from[0]?.office).toBe('Dinas Sosial Kota Banjarbaru');
    expect(rahmatPage.person.notes).toBeNull();

    // The acknowledgement goes back and marks the outbox.
    const ack = await b.admin.call('packets.acknowledge', { packetId: opened.packetId });
    const got = await carry(b, a, ack.fileId);
    expect(got.kind).toBe('ack');
    const outbox = await a.admin.call('packets.outbox', {});
    expect(outbox.rows[0]).toMatchObject({
      id: sent.packetId,
      ack: { accepted: 2, rejected: 0 },
    });
    expect(outbox.rows[0]!.acknowledgedAt).not.toBeNull();

    // Re-importing the same packet changes nothing and says so.
    const audit = b.backend.sqlite.prepare(`SELECT count(*) FROM persons`).pluck().get();
    const bytes = await fileBytes(a, sent.fileId);
    const again = await b.admin.fail('packets.open', {
      fileId: await uploadAs(b, bytes, 'exchangePacket', 'paket.pelita'),
    });
    expect(again.key).toBe('packets.bad.replayed');
    expect(translate('en', again.key as MessageKey, again.params)).toMatch(
      /^Packet number 1 from Dinas Sosial Kota Banjarbaru was already imported on /,
    );
    expect(b.backend.sqlite.prepare(`SELECT count(*) FROM persons`).pluck().get()).toBe(audit);
    void aAtB;
    // Every write was Pelita's own, audited with its row: both trails verify clean.
    for (const o of [a, b]) {
      const report = await o.admin.call('audit.verify', {});
      expect(report.problems).toEqual([]);
    }
  });

  it('applies newer versions, never older ones, and reports a packet that has not arrived', async () => {
    const a = await banjarbaru();
    const b = await banjar();
    const { bAtA } = await partners(a, b);
    const r = await residents(a);
    const first = await exportTo(a, bAtA.id);
    const person = await a.admin.call('persons.get', { id: r.rahmat.id });
    await a.admin.call('persons.update', {
      id: r.rahmat.id,
      version: person.person.version,
      fullName: 'Rahmat Hidayatullah',
      identityStatus: 'stated',
      sex: 'M',
      estimatedAge: 40,
      originCode: '63.03',
    });
    const second = await exportTo(a, bAtA.id, { mode: 'changes' });
    expect(second.counts).toEqual({ persons: 1, stays: 0 });
    // The full packet 1 arrives late: packet 2 alone first is not enough for a new person.
    const two = await carry(a, b, second.fileId);
    expect(two.entry.missing).toEqual([1]);
    await b.admin.call('packets.decideAll', {
      packetId: two.packetId,
      choice: { decision: 'accept' },
    });
    await b.admin.call('packets.apply', { packetId: two.packetId });
    const one = await carry(a, b, first.fileId);
    expect(one.entry.missing).toEqual([]);
    expect(one.entry.counts).toMatchObject({ older: 1 });
    await b.admin.call('packets.decideAll', {
      packetId: one.packetId,
      choice: { decision: 'accept' },
    });
    await b.admin.call('packets.apply', { packetId: one.packetId });
    const names = b.backend.sqlite
      .prepare('SELECT full_name FROM persons ORDER BY 1')
      .pluck()
      .all();
    expect(names).toEqual(['Rahmat Hidayatullah', 'Siti Aminah']);
  });

  it('applies merges and deletions only to records that came from the sender', async () => {
    const a = await banjarbaru();
    const b = await banjar();
    const { bAtA } = await partners(a, b);
    const r = await residents(a);
    const first = await exportTo(a, bAtA.id, { legalBasis: 'vital_interest' });
    const opened = await carry(a, b, first.fileId);
    await b.admin.call('packets.decideAll', {
      packetId: opened.packetId,
      choice: { decision: 'accept' },
    });
    await b.admin.call('packets.apply', { packetId: opened.packetId });
    const at = (name: string) =>
      b.backend.sqlite
        .prepare(`SELECT id, merged_into FROM persons WHERE full_name = ?`)
        .get(name) as { id: string; merged_into: string | null };
    // Banjarbaru finds that Udin is Rahmat's nickname and merges the records.
    const keep = await a.admin.call('persons.get', { id: r.rahmat.id });
    const gone = await a.admin.call('persons.get', { id: r.anon.id });
    await a.admin.call('persons.merge', {
      keepId: keep.person.id,
      keepVersion: keep.person.version,
      mergeId: gone.person.id,
      mergeVersion: gone.person.version,
      reason: 'Orang yang sama',
    });
    const second = await exportTo(a, bAtA.id, { mode: 'changes', legalBasis: 'vital_interest' });
    const two = await carry(a, b, second.fileId);
    expect(two.entry.counts.merged).toBe(1);
    await b.admin.call('packets.apply', { packetId: two.packetId });
    expect(at('Udin').merged_into).toBe(at('Rahmat Hidayat').id);
    // A merge naming persons Banjar only linked to its own records would be ignored.
    const linked = b.backend.sqlite
      .prepare(`SELECT count(*) FROM exchange_provenance WHERE how = 'linked'`)
      .pluck()
      .get();
    expect(linked).toBe(0);
  });
});
