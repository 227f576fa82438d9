/**
 * Findings from a kelurahan without a connection (issue 15, option b): the kelurahan runs Pelita
 * on its own PC in kelurahan mode and sends its findings to the city as packets. Two real
 * offices: Kelurahan Komet (63.72.04.1003) and the city of Banjarbaru (63.72).
 */
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../shared/i18n';
import { ADMIN_PASSWORD, Client, makeBackend, OFFICE_INPUT } from './harness';
import { KOMET, OTHER_KELURAHAN, reportedFinding } from './kelurahanFixtures';
import {
  banjarbaru,
  carry,
  fileBytes,
  partners,
  PASSPHRASE,
  uploadAs,
  type Office,
} from './packetsFixtures';
import { createPerson, makeNik } from './registry';

const SELECT = {
  choose: 'area',
  mode: 'full',
  legalBasis: 'public_task',
  from: null,
  to: null,
  purpose: 'Laporan temuan PPKS ke Dinas Sosial Kota',
} as const;

/** A kelurahan PC: the office names its city and, in kelurahan mode, its kelurahan. */
async function kelurahanPc(code: string, name: string, regionCode = '63.72'): Promise<Office> {
  const t = await makeBackend();
  const admin = new Client(t.backend);
  await admin.call('auth.setup', {
    office: { ...OFFICE_INPUT, name, regionCode, kelurahanCode: code },
    admin: { username: 'admin', fullName: `Admin ${name}`, password: ADMIN_PASSWORD },
  });
  return { ...t, admin };
}

const count = (o: Office, table: string) =>
  o.backend.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** The kelurahan imports the city's card; the city never imports the kelurahan's. */
async function oneWay(from: Office, to: Office) {
  await from.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
  const cardTo = await to.admin.call('packets.createKeys', { passphrase: PASSPHRASE });
  const file = await fileBytes(to, (await to.admin.call('packets.keyCard', {})).fileId);
  return from.admin.call('packets.addPartner', {
    fileId: await uploadAs(from, file, 'exchangeKeyCard', 'kartu.pelitakey'),
    fingerprint: cardTo.fingerprintGroups,
  });
}

async function openFails(from: Office, to: Office, fileId: string) {
  const bytes = await fileBytes(from, fileId);
  const id = await uploadAs(to, bytes, 'exchangePacket', 'paket.pelita');
  return to.admin.fail('packets.open', { fileId: id });
}

describe('findings from a kelurahan PC', () => {
  it('travel to the city’s triage queue, the person through review, acknowledged, idempotent', async () => {
    const city = await banjarbaru();
    const komet = await kelurahanPc(KOMET, 'Kelurahan Komet');
    const office = await komet.admin.call('office.get', {});
    expect(office).toMatchObject({ kelurahanCode: KOMET, kelurahanName: 'Komet' });
    const { bAtA: cityAtKomet, cardA } = await partners(komet, city);
    // The kelurahan's key card names the kelurahan, so the city tells it from its own key.
    expect(cardA.officeCode).toBe(KOMET);

    // Hadijah is known at the kelurahan (from Kab. Banjar) and at the city under the same NIK.
    const nik = makeNik('63.03.01', '1953-05-12', 'F');
    const hadijah = await createPerson(komet.admin, {
      fullName: 'Hadijah Mardiana',
      sex: 'F',
      birthDate: '1953-05-12',
      nik,
      originCode: '63.03',
    });
    const hadijahAtCity = await createPerson(city.admin, {
      fullName: 'Hadijah',
      sex: 'F',
      birthDate: '1953-05-12',
      nik,
    });
    const f1 = await komet.admin.call(
      'findings.create',
      reportedFinding({ kelurahanCode: KOMET, personId: hadijah.id }),
    );
    const f2 = await komet.admin.call(
      'findings.create',
      reportedFinding({
        kelurahanCode: KOMET,
        foundAt: '2026-11-27T01:45:00.000Z',
        urgency: 'normal',
        subject: { name: null, sex: 'M', age: 40, description: 'Kaos merah, tidur di halte' },
      }),
    );

    // The finding brings its person, though her origin is not in the city's area.
    const { purpose: _p, ...selection } = SELECT;
    const preview = await komet.admin.call('packets.exportPreview', {
      ...selection,
      partnerId: cityAtKomet.id,
    });
    expect(preview.counts).toEqual({ persons: 1, stays: 0, findings: 2 });
    const sent = await komet.admin.call('packets.export', { ...SELECT, partnerId: cityAtKomet.id });

    const before = { findings: count(city, 'findings'), persons: count(city, 'persons') };
    const opened = await carry(komet, city, sent.fileId);
    expect(opened.entry.counts).toMatchObject({ new: 2, conflict: 1 });
    expect(opened.entry.pending).toBe(1);
    // Staging touches nothing live.
    expect(count(city, 'findings')).toBe(before.findings);
    const staged = await city.admin.call('packets.staged', { packetId: opened.packetId });
    const row = staged.rows[0]!;
    expect(row.matches[0]).toMatchObject({ level: 'same_nik', person: { id: hadijahAtCity.id } });
    await city.admin.call('packets.decide', {
      packetId: opened.packetId,
      decisions: [{ n: row.n, decision: 'link', linkId: hadijahAtCity.id }],
    });
    const applied = await city.admin.call('packets.apply', { packetId: opened.packetId });
    expect(applied.applied).toMatchObject({ linked: 1, created: 2 });
    expect(count(city, 'persons')).toBe(before.persons);

    // Both in the city's queue: from a packet, Komet's, received today with the same clocks.
    const rows = city.backend.sqlite
      .prepare(
        `SELECT id, number, source, kelurahan_code, person_id, status, triage_due, act_due,
           subject_description FROM findings ORDER BY found_at`,
      )
      .all() as Record<string, unknown>[];
    expect(rows).toMatchObject([
      {
        source: 'packet',
        kelurahan_code: KOMET,
        person_id: hadijahAtCity.id,
        status: 'received',
        triage_due: f1.triage.due,
        act_due: f1.act.due,
      },
      {
        source: 'packet',
        kelurahan_code: KOMET,
        person_id: null,
        status: 'received',
        triage_due: f2.triage.due,
        subject_description: 'Kaos merah, tidur di halte',
      },
    ]);
    const atCity = await city.admin.call('findings.get', { id: rows[0]!.id as string });
    expect(atCity).toMatchObject({ source: 'packet', triage: { dueToday: true } });
    expect(atCity.events[0]!.note).toContain(`Kelurahan Komet (${KOMET})`);
    expect(atCity.events[0]!.note).toContain(f1.number);
    // The unnamed man waits for the city to link him through the matcher.
    const unnamed = await city.admin.call('findings.get', { id: rows[1]!.id as string });
    expect(unnamed.person).toBeNull();

    // The acknowledgement tells the kelurahan its person and both findings arrived.
    const ack = await city.admin.call('packets.acknowledge', { packetId: opened.packetId });
    expect((await carry(city, komet, ack.fileId)).kind).toBe('ack');
    const outbox = await komet.admin.call('packets.outbox', {});
    expect(outbox.rows.find((r) => r.id === sent.packetId)?.ack).toEqual({
      accepted: 3,
      rejected: 0,
    });

    // Nothing new to send; the same packet again is refused; a full resend changes nothing.
    const nothing = await komet.admin.fail('packets.export', {
      ...SELECT,
      mode: 'changes',
      partnerId: cityAtKomet.id,
    });
    expect(nothing.key).toBe('packets.nothing_to_send');
    const replay = await openFails(komet, city, sent.fileId);
    expect(replay.key).toBe('packets.bad.replayed');
    const again = await komet.admin.call('packets.export', {
      ...SELECT,
      partnerId: cityAtKomet.id,
    });
    const reopened = await carry(komet, city, again.fileId);
    expect(reopened.entry.counts).toMatchObject({ unchanged: 3 });
    expect(reopened.entry.pending).toBe(0);
    const reapplied = await city.admin.call('packets.apply', { packetId: reopened.packetId });
    expect(reapplied.applied).toEqual({ unchanged: 3 });
    expect(count(city, 'findings')).toBe(2);

    for (const o of [city, komet])
      expect((await o.admin.call('audit.verify', {})).problems).toEqual([]);
  });

  it('refuses a packet from a kelurahan whose key the city does not know, storing nothing', async () => {
    const city = await banjarbaru();
    const mentaos = await kelurahanPc(OTHER_KELURAHAN, 'Kelurahan Mentaos');
    const cityAtMentaos = await oneWay(mentaos, city);
    await mentaos.admin.call(
      'findings.create',
      reportedFinding({ kelurahanCode: OTHER_KELURAHAN }),
    );
    const sent = await mentaos.admin.call('packets.export', {
      ...SELECT,
      partnerId: cityAtMentaos.id,
    });
    const err = await openFails(mentaos, city, sent.fileId);
    expect(err.key).toBe('packets.bad.unknown_sender');
    expect(translate('en', err.key as MessageKey, err.params)).toContain(
      `Kelurahan Mentaos (${OTHER_KELURAHAN}) is not a partner office`,
    );
    for (const table of ['findings', 'exchange_inbox', 'exchange_staged'])
      expect(count(city, table)).toBe(0);
  });

  it('refuses findings for a kelurahan outside the city, storing nothing', async () => {
    const city = await banjarbaru();
    // A Banjarmasin kelurahan whose card the city imported by mistake.
    const far = await kelurahanPc('63.71.01.1001', 'Kelurahan Banjarmasin', '63.71');
    const { bAtA: cityAtFar } = await partners(far, city);
    await far.admin.call('findings.create', reportedFinding({ kelurahanCode: '63.71.01.1001' }));
    const sent = await far.admin.call('packets.export', { ...SELECT, partnerId: cityAtFar.id });
    const err = await openFails(far, city, sent.fileId);
    expect(err.key).toBe('packets.bad.finding_kelurahan');
    expect(translate('id', err.key as MessageKey, err.params)).toMatch(
      /^Paket ditolak: temuan TMN/,
    );
    for (const table of ['findings', 'exchange_inbox', 'exchange_staged'])
      expect(count(city, table)).toBe(0);
  });

  it('takes a kelurahan of the city only as the office’s kelurahan', async () => {
    const city = await banjarbaru();
    const office = await city.admin.call('office.get', {});
    expect(office.kelurahanCode).toBeNull();
    const { updatedAt: _u, regionName: _r, logoFileId: _l, kelurahanName: _k, ...rest } = office;
    const outside = await city.admin.fail('office.update', {
      ...rest,
      kelurahanCode: '63.71.01.1001',
    });
    expect(outside.issues?.[0]).toMatchObject({
      path: ['kelurahanCode'],
      key: 'finding.kelurahan_outside_city',
    });
    // Left out: unchanged; given: kelurahan mode.
    const set = await city.admin.call('office.update', { ...rest, kelurahanCode: KOMET });
    expect(set.kelurahanCode).toBe(KOMET);
    const kept = await city.admin.call('office.update', {
      ...rest,
      kelurahanCode: undefined,
      maxStayDays: 10,
      version: set.version,
    });
    expect(kept.kelurahanCode).toBe(KOMET);
  });
});
