import type { Migration } from './types';

/**
 * Default letter types written from a PPKS case and from one of its referrals, so a caseworker can
 * print a referral letter on a fresh install. They use only the placeholders the case and referral
 * sources fill (letters/sources/case.ts); the admin edits them like the other defaults.
 */
const TEMPLATES: {
  id: string;
  name: string;
  title: string;
  layout: 'letter' | 'titled';
  source: 'case' | 'referral';
  subject: string;
  addressee?: string;
  place?: string;
  sifat?: string;
  lampiran?: string;
  body: string;
  closing?: string;
  tembusan?: string;
}[] = [
  {
    id: '0190b000-0000-7000-8000-000000000201',
    name: 'Surat rujukan klien (dari rujukan kasus)',
    title: 'Surat Rujukan',
    layout: 'letter',
    source: 'referral',
    subject: 'Rujukan Klien a.n. {{nama}}',
    addressee: 'Pimpinan {{instansi_tujuan}}',
    place: 'Tempat',
    sifat: 'Segera',
    lampiran: '-',
    body: [
      'Dengan hormat,',
      'Bersama ini kami rujuk klien Dinas Sosial Kota Banjarbaru dengan identitas sebagai berikut:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tUmur\t: {{umur}}\n\tAlamat\t: {{alamat}}\n\tNomor kasus\t: {{nomor_kasus}}\n\tKategori PPKS\t: {{kategori_ppks}}',
      'Alasan rujukan: {{alasan_rujukan}}',
      'Klien didampingi oleh pekerja sosial kami, {{pekerja_sosial}}, yang dapat dihubungi untuk keterangan lebih lanjut.',
    ].join('\n\n'),
    closing:
      'Demikian surat rujukan ini kami sampaikan. Atas perhatian dan kerja samanya diucapkan terima kasih.',
    tembusan: 'Arsip',
  },
  {
    id: '0190b000-0000-7000-8000-000000000202',
    name: 'Surat pengantar rujukan ke Dinas Sosial daerah asal',
    title: 'Surat Pengantar',
    layout: 'letter',
    source: 'referral',
    subject: 'Rujukan dan Pemulangan Klien a.n. {{nama}} ke Daerah Asal',
    addressee: 'Kepala {{instansi_tujuan}}',
    place: 'Tempat',
    sifat: 'Biasa',
    lampiran: '-',
    body: [
      'Dengan hormat,',
      'Bersama ini kami sampaikan bahwa Dinas Sosial Kota Banjarbaru telah menangani klien dengan identitas sebagai berikut:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tDaerah asal\t: {{daerah_asal}}\n\tNomor kasus\t: {{nomor_kasus}}\n\tKategori PPKS\t: {{kategori_ppks}}',
      'Berdasarkan hasil asesmen, klien tersebut kami rujuk pada tanggal {{tanggal_rujukan}} untuk mendapatkan penanganan lebih lanjut di daerah asal dengan alasan: {{alasan_rujukan}}',
      'Untuk koordinasi lebih lanjut dapat menghubungi pekerja sosial kami, {{pekerja_sosial}}.',
    ].join('\n\n'),
    closing:
      'Demikian surat pengantar ini kami sampaikan. Atas perhatian dan kerja samanya diucapkan terima kasih.',
    tembusan: 'Kepala Dinas Sosial Provinsi Kalimantan Selatan\nArsip',
  },
  {
    id: '0190b000-0000-7000-8000-000000000203',
    name: 'Surat keterangan penanganan kasus',
    title: 'Surat Keterangan',
    layout: 'titled',
    source: 'case',
    subject: 'Keterangan penanganan kasus {{nomor_kasus}} a.n. {{nama}}',
    body: [
      'Yang bertanda tangan di bawah ini menerangkan bahwa:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tAlamat\t: {{alamat}}',
      'adalah benar klien Dinas Sosial Kota Banjarbaru yang ditangani dalam berkas kasus nomor {{nomor_kasus}} sebagai {{kategori_ppks_utama}}, dengan pekerja sosial pendamping {{pekerja_sosial}}.',
      'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    ].join('\n\n'),
  },
];

/** 400.9.2 Rehabilitasi sosial, as shipped by 0018; the letters then fall back to any code. */
const REHAB = '0190b000-0000-7000-8000-000000000002';

const q = (s: string | undefined) => (s === undefined ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * Each type goes in only when the office has no letter type of its source yet (an office that
 * wrote its own keeps them alone) and its name and id are free. The classification is the shipped
 * rehabilitation code when it is still there, else the first active one, else none is added.
 */
const inserts = TEMPLATES.map(
  (t) => `INSERT INTO letter_templates (id, name, title, layout, source_kind, subject, addressee,
  addressee_place, sifat, lampiran, body, closing, tembusan, classification_id, created_at,
  updated_at)
SELECT ${[t.id, t.name, t.title, t.layout, t.source, t.subject, t.addressee, t.place, t.sifat, t.lampiran, t.body, t.closing, t.tembusan].map(q).join(', ')},
  c.id, ${NOW}, ${NOW}
FROM (SELECT id FROM letter_classifications
      ORDER BY (id = ${q(REHAB)}) DESC, active DESC, code LIMIT 1) AS c
WHERE NOT EXISTS (SELECT 1 FROM letter_templates WHERE source_kind = ${q(t.source)}
                  AND id NOT IN (${TEMPLATES.map((x) => q(x.id)).join(', ')}))
  AND NOT EXISTS (SELECT 1 FROM letter_templates WHERE name = ${q(t.name)} OR id = ${q(t.id)});`,
).join('\n');

export const m0027: Migration = {
  version: 27,
  name: 'case_letter_types',
  sql: inserts,
};
