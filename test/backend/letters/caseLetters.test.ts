/**
 * Letters written from a PPKS case and from one of its referrals: the addressee filled from the
 * referral, the case's own placeholders, and a case letter that names a referral's placeholder
 * refused.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, snapshot } from '../registry';
import { editable, letterOffice, TEMPLATES } from './fixtures';

async function caseOffice() {
  const t = await letterOffice();
  let k = await t.writer.call('cases.create', {
    personId: t.budi.id,
    ppks: ['PPKS-08', 'PPKS-02'],
    origin: 'walk_in',
    locationRegionCode: '63.72.04.1003',
  });
  k = await t.writer.call('cases.setConsent', {
    id: k.id,
    version: k.version,
    processing: true,
    sharing: true,
    by: 'person',
    method: 'verbal_witness',
    witness: 'Pak RT',
  });
  k = await t.writer.call('cases.refer', {
    caseId: k.id,
    agencyKind: 'dinsos_region',
    agencyName: 'Dinas Sosial Kabupaten Banjar',
    regionCode: '63.03',
    reason: 'Pemulangan ke daerah asal.',
  });
  const { templates } = await t.admin.call('letters.templates', {});
  const base = templates.find((x) => x.id === TEMPLATES.keterangan)!;
  const { id: _id, version: _v, ...copy } = base;
  const rujukan = await t.admin.call('letters.saveTemplate', {
    ...copy,
    name: 'Surat rujukan kasus',
    sourceKind: 'referral',
    subject: 'Rujukan Klien a.n. {{nama}}',
    addressee: 'Kepala {{instansi_tujuan}}',
    addresseePlace: '{{wilayah_tujuan}}',
    body: 'Klien {{nama}} ({{kategori_ppks}}), kasus {{nomor_kasus}}, didampingi {{pekerja_sosial}}: {{alasan_rujukan}}',
  });
  const caseTpl = await t.admin.call('letters.saveTemplate', {
    ...copy,
    name: 'Surat keterangan kasus',
    sourceKind: 'case',
    subject: 'Keterangan kasus {{nomor_kasus}}',
    addressee: null,
    addresseePlace: null,
    body: '{{nama}} ditangani sebagai {{kategori_ppks_utama}}.',
  });
  return { ...t, kasus: k, referral: k.referrals[0]!, rujukan, caseTpl };
}

describe('letters from a case', () => {
  it('drafts a referral letter with the addressee and the case filled', async () => {
    const t = await caseOffice();
    const draft = await t.writer.call('letters.create', {
      templateId: t.rujukan.id,
      sourceKind: 'referral',
      sourceId: t.referral.id,
    });
    expect(draft).toMatchObject({
      subject: 'Rujukan Klien a.n. Budi Santoso',
      addressee: 'Kepala Dinas Sosial Kabupaten Banjar',
      addresseePlace: 'Kabupaten Banjar',
      personId: t.budi.id,
      sourceLabel: 'Budi Santoso',
      missing: [],
    });
    expect(draft.body).toContain(`kasus ${t.kasus.number}`);
    expect(draft.body).toContain('Pemulangan ke daerah asal.');
    expect(draft.body).not.toMatch(/\{\{/);
    // A case id is not a referral: the draft is refused.
    const wrong = await t.writer.fail('letters.create', {
      templateId: t.rujukan.id,
      sourceKind: 'referral',
      sourceId: t.kasus.id,
    });
    expect(issuesOf(wrong)).toEqual([['sourceId', 'error.not_found']]);
  });

  it('drafts a case letter and refuses a placeholder a case does not have', async () => {
    const t = await caseOffice();
    const draft = await t.writer.call('letters.create', {
      templateId: t.caseTpl.id,
      sourceKind: 'case',
      sourceId: t.kasus.id,
    });
    expect(draft.subject).toBe(`Keterangan kasus ${t.kasus.number}`);
    expect(draft.body).toMatch(/^Budi Santoso ditangani sebagai \S/);
    expect(draft.missing).toEqual([]);
    const before = snapshot(t.backend);
    // The addressee belongs to a referral, not to the case.
    const err = await t.writer.fail('letters.update', {
      ...editable(draft),
      body: 'Kepada {{instansi_tujuan}}.',
    });
    expect(issuesOf(err)).toEqual([['body', 'letter.placeholder_unknown']]);
    const bad = await t.admin.fail('letters.saveTemplate', {
      ...t.caseTpl,
      body: 'Tujuan {{wilayah_tujuan}}.',
    });
    expect(issuesOf(bad)).toEqual([['body', 'letter.placeholder_unknown']]);
    expect(snapshot(t.backend)).toEqual(before);
  });
});

describe('letter types shipped for cases (migration 27)', () => {
  it('a fresh install drafts a referral letter and a case letter with every placeholder filled', async () => {
    const t = await caseOffice();
    const { templates } = await t.writer.call('letters.templates', {});
    const shipped = templates.filter(
      (x) => x.id.startsWith('0190b000-0000-7000-8000-0000000002') && x.active,
    );
    expect(shipped.map((x) => x.sourceKind).sort()).toEqual(['case', 'referral', 'referral']);
    for (const tpl of shipped) {
      const draft = await t.writer.call('letters.create', {
        templateId: tpl.id,
        sourceKind: tpl.sourceKind as 'case' | 'referral',
        sourceId: tpl.sourceKind === 'case' ? t.kasus.id : t.referral.id,
      });
      expect(draft.missing, tpl.name).toEqual([]);
      expect(`${draft.subject}\n${draft.addressee ?? ''}\n${draft.body}`).not.toMatch(/\{\{/);
      expect(draft.body).toContain(t.kasus.number);
    }
    const rujukan = shipped.find((x) => x.name.startsWith('Surat pengantar rujukan'))!;
    const draft = await t.writer.call('letters.create', {
      templateId: rujukan.id,
      sourceKind: 'referral',
      sourceId: t.referral.id,
    });
    expect(draft.addressee).toBe('Kepala Dinas Sosial Kabupaten Banjar');
    expect(draft.body).toContain('Pemulangan ke daerah asal.');
  });
});
