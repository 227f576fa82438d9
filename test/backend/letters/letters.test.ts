/**
 * Letters: drafts filled from a shelter stay, placeholder refusals, the workflow per role,
 * gapless numbering under concurrent issue, voiding, frozen text, the PDF (paper size, text in
 * order, QR that verifies), the verification of codes, reprints marked SALINAN.
 */
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { PAPER } from '../../../electron/backend/pdf/paper';
import { pdf, png, upload, uploaded } from '../images';
import { auditOf, issuesOf, snapshot } from '../registry';
import { pageImages, pageSizes, pdfText } from '../pdf/pdfTools';
import {
  decodeQr,
  editable,
  fileBytes,
  letterOffice,
  REHSOS,
  SIGNATORY,
  submittedLetter,
  TEMPLATES,
} from './fixtures';

describe('drafts', () => {
  it('fills every placeholder from the stay and its person', async () => {
    const t = await letterOffice();
    const draft = await t.writer.call('letters.create', {
      templateId: TEMPLATES.pengantar,
      sourceKind: 'stay',
      sourceId: t.stay.id,
    });
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      subject: 'Pemulangan Klien a.n. Budi Santoso ke Daerah Asal',
      addressee: 'Kepala Dinas Sosial Kabupaten Banjar',
      personId: t.budi.id,
      sourceLabel: 'Budi Santoso',
      missing: [],
    });
    expect(draft.body).toContain('Martapura, 12 April 1985');
    expect(draft.body).toContain('diterima di rumah singgah pada tanggal 20 November 2026');
    expect(draft.body).toContain('Rahmat Hidayat, S.Tr.Sos.');
    expect(draft.body).not.toMatch(/\{\{/);
  });

  it('keeps a placeholder the record has no value for visible, and refuses to submit it', async () => {
    const t = await letterOffice();
    // The handover record names what the person brought; this stay recorded nothing.
    const draft = await t.writer.call('letters.create', {
      templateId: TEMPLATES.serahTerima,
      sourceKind: 'stay',
      sourceId: t.stay.id,
    });
    expect(draft.missing).toEqual(['barang_bawaan']);
    expect(draft.body).toContain('barang bawaan: {{barang_bawaan}}');
    const withSigner = await t.writer.call('letters.update', {
      ...editable(draft),
      signatoryId: t.signatory.id,
    });
    const err = await t.writer.fail('letters.transition', {
      id: draft.id,
      version: withSigner.version,
      to: 'submitted',
    });
    expect(issuesOf(err)).toContainEqual(['body', 'letter.placeholders_missing']);
    // Written out by hand, the draft goes on.
    const fixed = await t.writer.call('letters.update', {
      ...editable(withSigner),
      body: withSigner.body.replace('{{barang_bawaan}}', 'satu tas pakaian'),
    });
    expect(fixed.missing).toEqual([]);
    await t.writer.call('letters.transition', {
      id: fixed.id,
      version: fixed.version,
      to: 'submitted',
    });
  });

  it('refuses an unknown placeholder in a draft and a template, and a template of the wrong source', async () => {
    const t = await letterOffice();
    const draft = await t.writer.call('letters.create', {
      templateId: TEMPLATES.pengantar,
      sourceKind: 'stay',
      sourceId: t.stay.id,
    });
    const before = snapshot(t.backend);
    const err = await t.writer.fail('letters.update', {
      ...editable(draft),
      body: 'Gaji {{gaji_pokok}} dan {{ nama }}.',
    });
    expect(issuesOf(err)).toEqual([['body', 'letter.placeholder_unknown']]);
    expect(err.issues?.[0]?.params).toEqual({ names: '{{gaji_pokok}}' });
    const { templates } = await t.admin.call('letters.templates', {});
    const tpl = templates.find((x) => x.id === TEMPLATES.keterangan)!;
    // A person has no check-in date: that belongs to a stay.
    const bad = await t.admin.fail('letters.saveTemplate', {
      ...tpl,
      body: 'Masuk {{tanggal_masuk}}. ${process.exit()} {{nama}',
    });
    expect(issuesOf(bad)).toEqual([['body', 'letter.placeholder_unknown']]);
    const braces = await t.admin.fail('letters.saveTemplate', { ...tpl, body: 'Nama {{nama}' });
    expect(issuesOf(braces)).toEqual([['body', 'letter.placeholder_braces']]);
    const wrong = await t.writer.fail('letters.create', {
      templateId: TEMPLATES.pengantar,
      sourceKind: 'person',
      sourceId: t.budi.id,
    });
    expect(issuesOf(wrong)).toEqual([['templateId', 'letter.template_wrong_source']]);
    expect(snapshot(t.backend)).toEqual(before);
  });
});

describe('signatories', () => {
  it('checks the NIP: length, birth date, TMT and sex digit', async () => {
    const t = await letterOffice();
    const cases: [string, string][] = [
      ['19700615199503100', 'nip.length'],
      ['19701315199503 1002'.replace(' ', ''), 'nip.birth_date'],
      ['197006151995131002', 'nip.tmt'],
      ['197006151980031002', 'nip.tmt_before_adult'],
      ['197006151995033002', 'nip.sex'],
      ['197006152030031002', 'nip.tmt'],
    ];
    for (const [nip, key] of cases) {
      const err = await t.admin.fail('letters.saveSignatory', { ...SIGNATORY, nip });
      expect(issuesOf(err), nip).toContainEqual(['nip', key]);
    }
    const an = await t.admin.fail('letters.saveSignatory', {
      ...SIGNATORY,
      nip: '198203102006042001',
      prefix: 'a.n.',
    });
    expect(issuesOf(an)).toEqual([['onBehalfOf', 'letter.on_behalf_required']]);
    const ok = await t.admin.call('letters.saveSignatory', {
      name: 'Siti Rahmah, S.Sos., M.A.P.',
      rank: 'Penata Tingkat I (III/d)',
      nip: '198203102006042001',
      position: 'Kepala Bidang Rehabilitasi Sosial',
      prefix: 'a.n.',
      onBehalfOf: 'Kepala Dinas Sosial',
    });
    expect(ok).toMatchObject({ prefix: 'a.n.', onBehalfOf: 'Kepala Dinas Sosial', active: true });
  });
});

describe('issuing', () => {
  it('is the supervisor’s step: the caseworker is refused, the number follows the pattern', async () => {
    const t = await letterOffice();
    const sub = await submittedLetter(t);
    const denied = await t.writer.fail('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    expect(denied.code).toBe('FORBIDDEN');
    const issued = await t.supervisor.call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    expect(issued).toMatchObject({
      status: 'issued',
      number: '400.9.2/0001/Dinsos/2026',
      letterDate: '2026-11-27',
      classificationCode: '400.9.2',
      signatory: { name: SIGNATORY.name, nip: SIGNATORY.nip },
      issuedBy: { fullName: expect.any(String) },
    });
    expect(issued.verificationCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(issued.events.map((e) => e.action ?? e.kind)).toEqual([
      'created',
      'edit',
      'submit',
      'issue',
    ]);
  });

  it('gives concurrent issues one number each with no gap, and a refused issue takes none', async () => {
    const t = await letterOffice();
    const letters = [];
    for (let i = 0; i < 6; i += 1) letters.push(await submittedLetter(t));
    // The same letter issued by two supervisors at once: one wins, the other is stale.
    const [a, b] = await Promise.all([
      t.supervisor.raw('letters.transition', {
        id: letters[0]!.id,
        version: letters[0]!.version,
        to: 'issued',
      }),
      t.supervisor2.raw('letters.transition', {
        id: letters[0]!.id,
        version: letters[0]!.version,
        to: 'issued',
      }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const rest = await Promise.all(
      letters.slice(1).map((l, i) =>
        (i % 2 ? t.supervisor : t.supervisor2).call('letters.transition', {
          id: l.id,
          version: l.version,
          to: 'issued',
        }),
      ),
    );
    const seqs = [
      ...rest.map((l) => l.number!),
      (await t.writer.call('letters.get', { id: letters[0]!.id })).number!,
    ]
      .map((n) => Number(n.split('/')[1]))
      .sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('voids with a reason and keeps the number; a correction refers to it; text stays frozen', async () => {
    const t = await letterOffice();
    const sub = await submittedLetter(t);
    const issued = await t.supervisor.call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    const edit = await t.writer.fail('letters.update', { ...editable(issued), body: 'Diubah.' });
    expect(edit).toMatchObject({ code: 'CONFLICT', key: 'letter.not_editable' });
    const noReason = await t.supervisor.fail('letters.transition', {
      id: issued.id,
      version: issued.version,
      to: 'voided',
    });
    expect(issuesOf(noReason)).toEqual([['voidReason', 'letter.void_reason_required']]);
    const voided = await t.supervisor.call('letters.transition', {
      id: issued.id,
      version: issued.version,
      to: 'voided',
      voidReason: 'Nama pendamping salah.',
    });
    expect(voided).toMatchObject({
      status: 'voided',
      number: issued.number,
      voidReason: 'Nama pendamping salah.',
    });
    const again = await t.supervisor.fail('letters.transition', {
      id: issued.id,
      version: voided.version,
      to: 'issued',
    });
    expect(again).toMatchObject({ code: 'CONFLICT', key: 'letter.closed_in_state' });
    // The correction takes the next number; the voided one is never reused.
    const draft = await t.writer.call('letters.create', {
      templateId: TEMPLATES.pengantar,
      sourceKind: 'stay',
      sourceId: t.stay.id,
      refersTo: issued.id,
    });
    expect(draft.refersTo).toEqual({ id: issued.id, number: issued.number });
    const next = await t.writer.call('letters.update', {
      ...editable(draft),
      signatoryId: t.signatory.id,
    });
    const sub2 = await t.writer.call('letters.transition', {
      id: next.id,
      version: next.version,
      to: 'submitted',
    });
    const issued2 = await t.supervisor.call('letters.transition', {
      id: sub2.id,
      version: sub2.version,
      to: 'issued',
    });
    expect(issued2.number).toBe('400.9.2/0002/Dinsos/2026');
    const register = await t.writer.call('letters.register', { year: 2026, sort: 'number' });
    expect(register.rows.map((r) => [r.number, r.status])).toEqual([
      ['400.9.2/0002/Dinsos/2026', 'issued'],
      ['400.9.2/0001/Dinsos/2026', 'voided'],
    ]);
    expect(register.total).toBe(2);
  });
});

describe('the PDF and its verification', () => {
  it.each(['A4', 'F4'] as const)(
    'prints on %s with the letter in order and a QR that verifies',
    async (paper) => {
      const t = await letterOffice();
      const draft = await t.writer.call('letters.create', {
        templateId: TEMPLATES.pengantar,
        sourceKind: 'stay',
        sourceId: t.stay.id,
      });
      const next = await t.writer.call('letters.update', {
        ...editable(draft),
        paper,
        signatoryId: t.signatory.id,
      });
      const sub = await t.writer.call('letters.transition', {
        id: next.id,
        version: next.version,
        to: 'submitted',
      });
      const issued = await t.supervisor.call('letters.transition', {
        id: sub.id,
        version: sub.version,
        to: 'issued',
      });
      const out = await t.writer.call('letters.pdf', { id: issued.id });
      expect(out.copy).toBe(false);
      const pdf = fileBytes(t, out.fileId);
      for (const size of pageSizes(pdf)) {
        expect(Math.abs(size.width - PAPER[paper].width)).toBeLessThan(1);
        expect(Math.abs(size.height - PAPER[paper].height)).toBeLessThan(1);
      }
      // LETTER_PAGES=<folder> keeps the rendered pages, to look at.
      if (process.env.LETTER_PAGES) pageImages(pdf, 80, process.env.LETTER_PAGES + '/' + paper);
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      const order = [
        'PEMERINTAH KOTA BANJARBARU',
        'DINAS SOSIAL',
        'Banjarbaru, 27 November 2026',
        'Nomor : 400.9.2/0001/Dinsos/2026',
        // The addressee's column sits beside Sifat/Lampiran/Hal, so it reads first.
        'Yth. Kepala Dinas Sosial',
        'Hal : Pemulangan Klien a.n. Budi Santoso',
        'Dengan hormat,',
        'Demikian surat pengantar ini',
        'Kepala Dinas Sosial,',
        SIGNATORY.name,
        'NIP. 19700615 199503 1 002',
        'Tembusan:',
      ];
      let at = -1;
      for (const part of order) {
        const i = text.indexOf(part, at + 1);
        expect(i, `"${part}" after position ${at}`).toBeGreaterThan(at);
        at = i;
      }
      expect(text).toContain(`Kode verifikasi: ${issued.verificationCode}`);
      const qr = decodeQr(pdf);
      expect(qr).toMatch(/^PELITA-SURAT-1\|400\.9\.2\/0001\/Dinsos\/2026\|2026-11-27\|63\.72\|/);
      const ok = await t.writer.call('letters.verify', { code: qr! });
      expect(ok).toMatchObject({
        found: true,
        number: issued.number,
        voided: false,
        signatureChecked: true,
        office: 'Dinas Sosial Kota Banjarbaru',
      });
      // A QR whose facts were changed no longer matches its signature.
      const tampered = qr!.replace('/0001/', '/0002/');
      expect(await t.writer.call('letters.verify', { code: tampered })).toEqual({
        found: false,
        reason: 'bad_signature',
      });
    },
  );

  it('verifies the typed short code, says when the letter was voided, refuses an altered code', async () => {
    const t = await letterOffice();
    const sub = await submittedLetter(t);
    const issued = await t.supervisor.call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    const code = issued.verificationCode!;
    const typed = code.toLowerCase().replace('-', ' ');
    expect(await t.staff.call('letters.verify', { code: typed })).toMatchObject({
      found: true,
      number: issued.number,
      signatureChecked: false,
      voided: false,
    });
    const altered = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A');
    expect(await t.staff.call('letters.verify', { code: altered })).toEqual({
      found: false,
      reason: 'unknown',
    });
    expect(await t.staff.call('letters.verify', { code: 'hello' })).toEqual({
      found: false,
      reason: 'malformed',
    });
    await t.supervisor.call('letters.transition', {
      id: issued.id,
      version: issued.version,
      to: 'voided',
      voidReason: 'Salah alamat.',
    });
    expect(await t.staff.call('letters.verify', { code })).toMatchObject({
      found: true,
      voided: true,
      voidReason: 'Salah alamat.',
    });
  });

  it('marks a reprint SALINAN, a draft DRAF, and audits every print', async () => {
    const t = await letterOffice();
    const sub = await submittedLetter(t);
    const preview = await t.writer.call('letters.pdf', { id: sub.id });
    expect(pdfText(fileBytes(t, preview.fileId))).toContain('DRAF');
    const issued = await t.supervisor.call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    const first = await t.writer.call('letters.pdf', { id: issued.id });
    const second = await t.writer.call('letters.pdf', { id: issued.id });
    expect([first.copy, second.copy]).toEqual([false, true]);
    expect(pdfText(fileBytes(t, first.fileId))).not.toContain('SALINAN');
    expect(pdfText(fileBytes(t, second.fileId))).toContain('SALINAN');
    expect(second.name).toBe('Surat Pengantar Pemulangan 400.9.2-0001-Dinsos-2026 SALINAN.pdf');
    const prints = auditOf(t.backend, 'letters.pdf');
    expect(prints.map((r) => r.note)).toEqual(['preview', 'print', 'print copy']);
    expect((await t.writer.call('letters.get', { id: issued.id })).prints).toBe(2);
  });

  it('flows a long body to a second page that repeats the number and page count', async () => {
    const t = await letterOffice();
    const draft = await t.writer.call('letters.create', {
      templateId: TEMPLATES.pengantar,
      sourceKind: 'stay',
      sourceId: t.stay.id,
    });
    const long = Array.from(
      { length: 14 },
      (_, i) =>
        `Paragraf ${i + 1}: klien telah mengikuti pelayanan rumah singgah, termasuk pemeriksaan kesehatan, konseling, dan penelusuran keluarga melalui Disdukcapil.`,
    ).join('\n\n');
    const next = await t.writer.call('letters.update', {
      ...editable(draft),
      body: long,
      signatoryId: t.signatory.id,
      classificationId: REHSOS,
    });
    const sub = await t.writer.call('letters.transition', {
      id: next.id,
      version: next.version,
      to: 'submitted',
    });
    const issued = await t.supervisor.call('letters.transition', {
      id: sub.id,
      version: sub.version,
      to: 'issued',
    });
    const pdf = fileBytes(t, (await t.writer.call('letters.pdf', { id: issued.id })).fileId);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]).toMatch(/Nomor 400\.9\.2\/0001\/Dinsos\/2026 — halaman 2 dari \d/);
  });
});

describe('the letterhead', () => {
  it('prints the uploaded logo and the website; refuses a logo that is not an image', async () => {
    const t = await letterOffice();
    const notImage = await upload(t.admin, pdf(), {
      purpose: 'officeLogo',
      name: 'logo.png',
      type: 'image/png',
    });
    expect(notImage.ok).toBe(false);
    const office = await t.admin.call('office.get', {});
    const wrongPurpose = await uploaded(t.admin, png());
    const refused = await t.admin.fail('office.setLogo', {
      fileId: wrongPurpose,
      version: office.version,
    });
    expect(issuesOf(refused)).toEqual([['fileId', 'file.wrong_purpose']]);
    const logo = await upload(t.admin, png(), { purpose: 'officeLogo', name: 'lambang.png' });
    if (!logo.ok) throw new Error(logo.error.key);
    const withLogo = await t.admin.call('office.setLogo', {
      fileId: logo.file.fileId,
      version: office.version,
    });
    const {
      updatedAt: _u,
      regionName: _r,
      kelurahanName: _k,
      logoFileId: _l,
      version,
      ...fields
    } = withLogo;
    await t.admin.call('office.update', {
      ...fields,
      version,
      website: 'dinsos.banjarbarukota.go.id',
    });
    const sub = await submittedLetter(t);
    const bytes = fileBytes(t, (await t.writer.call('letters.pdf', { id: sub.id })).fileId);
    expect(pdfText(bytes).replace(/\s+/g, ' ')).toContain('Laman dinsos.banjarbarukota.go.id');
    if (process.env.LETTER_PAGES) pageImages(bytes, 80, process.env.LETTER_PAGES + '/logo');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Subtype /Image');
  });
});

describe('the register as a spreadsheet (agenda surat keluar)', () => {
  it('lists every number given in the period, voided ones too, and no drafts', async () => {
    const t = await letterOffice();
    const first = await submittedLetter(t);
    const issued = await t.supervisor.call('letters.transition', {
      id: first.id,
      version: first.version,
      to: 'issued',
    });
    const second = await submittedLetter(t);
    const again = await t.supervisor.call('letters.transition', {
      id: second.id,
      version: second.version,
      to: 'issued',
    });
    await t.supervisor.call('letters.transition', {
      id: again.id,
      version: again.version,
      to: 'voided',
      voidReason: 'Salah alamat.',
    });
    await submittedLetter(t); // submitted, no number: not in the register
    const { fileId, rows } = await t.admin.call('reports.register', {
      register: 'letters',
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(rows).toBe(2);
    const [sheet] = await readXlsxFile(Buffer.from(fileBytes(t, fileId)));
    const body = sheet!.data.filter((r) => typeof r[0] === 'string' && r[0].startsWith('400.9.2/'));
    expect(body.map((r) => [r[0], r[5], r[7]])).toEqual([
      [issued.number, 'Terbit', null],
      ['400.9.2/0002/Dinsos/2026', 'Dibatalkan', 'Salah alamat.'],
    ]);
    const october = await t.admin.call('reports.register', {
      register: 'letters',
      period: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(october.rows).toBe(0);
    expect(
      (
        await t.writer.fail('reports.register', {
          register: 'letters',
          period: { from: '2026-11-01', to: '2026-11-30' },
        })
      ).code,
    ).toBe('FORBIDDEN');
  });
});
