import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Classification codes (kode klasifikasi arsip, Permendagri 83/2022: 400.9 Sosial; the old 460
 * series still appears on older files). Check these against the office's own list and correct
 * them in the app (Admin → Surat).
 */
const CLASSIFICATIONS: [id: string, code: string, name: string][] = [
  ['0190b000-0000-7000-8000-000000000001', '400.9', 'Sosial'],
  ['0190b000-0000-7000-8000-000000000002', '400.9.2', 'Rehabilitasi sosial'],
  ['0190b000-0000-7000-8000-000000000003', '400.9.3', 'Perlindungan dan jaminan sosial'],
  ['0190b000-0000-7000-8000-000000000004', '400.9.4', 'Pemberdayaan sosial'],
  ['0190b000-0000-7000-8000-000000000005', '460', 'Sosial (kode lama)'],
];

const C = (n: number) => `0190b000-0000-7000-8000-00000000000${n}`;

/** The letter types the office writes most, as editable defaults. */
const TEMPLATES: {
  id: string;
  name: string;
  title: string;
  layout: 'letter' | 'titled';
  source: 'person' | 'stay';
  subject: string;
  addressee?: string;
  place?: string;
  sifat?: string;
  lampiran?: string;
  body: string;
  closing?: string;
  tembusan?: string;
  classification: string;
}[] = [
  {
    id: '0190b000-0000-7000-8000-000000000101',
    name: 'Surat pengantar pemulangan',
    title: 'Surat Pengantar Pemulangan',
    layout: 'letter',
    source: 'stay',
    subject: 'Pemulangan Klien a.n. {{nama}} ke Daerah Asal',
    addressee: 'Kepala Dinas Sosial {{tujuan}}',
    place: 'Tempat',
    sifat: 'Biasa',
    lampiran: '-',
    body: [
      'Dengan hormat,',
      'Bersama ini kami sampaikan bahwa {{rumah_singgah}} Dinas Sosial Kota Banjarbaru telah menampung dan memberikan pelayanan kepada klien dengan identitas sebagai berikut:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tAlamat asal\t: {{alamat}}',
      'Klien tersebut diterima di rumah singgah pada tanggal {{tanggal_masuk}} dan berdasarkan hasil asesmen berasal dari {{daerah_asal}}. Sehubungan dengan hal tersebut, klien kami pulangkan ke daerah asal dengan didampingi oleh petugas kami, {{pendamping}}, untuk selanjutnya mendapatkan penanganan lebih lanjut dari Dinas Sosial {{tujuan}}.',
    ].join('\n\n'),
    closing:
      'Demikian surat pengantar ini kami sampaikan. Atas perhatian dan kerja samanya diucapkan terima kasih.',
    tembusan: 'Kepala Dinas Sosial Provinsi Kalimantan Selatan\nArsip',
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000102',
    name: 'Surat pernyataan pemulangan',
    title: 'Surat Pernyataan Pemulangan',
    layout: 'titled',
    source: 'stay',
    subject: 'Pernyataan pemulangan {{nama}}',
    body: [
      'Yang bertanda tangan di bawah ini menyatakan bahwa:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tDaerah asal\t: {{daerah_asal}}',
      'telah menjalani pelayanan di {{rumah_singgah}} sejak tanggal {{tanggal_masuk}} dan pada tanggal {{tanggal_keluar}} dipulangkan ke daerah asal, {{tujuan}}, atas biaya Pemerintah Kota Banjarbaru.',
      'Demikian surat pernyataan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    ].join('\n\n'),
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000103',
    name: 'Berita acara serah terima',
    title: 'Berita Acara Serah Terima Klien',
    layout: 'titled',
    source: 'stay',
    subject: 'Serah terima klien a.n. {{nama}}',
    body: [
      'Pada hari ini, {{tanggal_keluar}}, telah dilakukan serah terima klien {{rumah_singgah}} Dinas Sosial Kota Banjarbaru:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}',
      'dari Dinas Sosial Kota Banjarbaru kepada {{diserahkan_kepada}}, dalam keadaan sehat dan baik, beserta barang bawaan: {{barang_bawaan}}.',
      'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
    ].join('\n\n'),
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000104',
    name: 'Berita acara penerimaan klien',
    title: 'Berita Acara Penerimaan Klien',
    layout: 'titled',
    source: 'stay',
    subject: 'Penerimaan klien a.n. {{nama}}',
    body: [
      'Pada tanggal {{tanggal_masuk}} {{rumah_singgah}} Dinas Sosial Kota Banjarbaru telah menerima klien:',
      '\tNama\t: {{nama}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tRujukan dari\t: {{rujukan_dari}}\n\tKondisi saat diterima\t: {{kondisi}}',
      'untuk mendapatkan pelayanan sementara sesuai dengan standar operasional prosedur rumah singgah.',
      'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
    ].join('\n\n'),
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000105',
    name: 'Surat rujukan rumah sakit',
    title: 'Surat Rujukan',
    layout: 'letter',
    source: 'person',
    subject: 'Rujukan Pemeriksaan dan Perawatan a.n. {{nama}}',
    addressee: 'Direktur Rumah Sakit',
    place: 'Tempat',
    sifat: 'Segera',
    lampiran: '-',
    body: [
      'Dengan hormat,',
      'Bersama ini kami rujuk seorang penerima layanan Dinas Sosial Kota Banjarbaru:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tUmur\t: {{umur}}\n\tAlamat\t: {{alamat}}',
      'untuk mendapatkan pemeriksaan dan perawatan lebih lanjut. Biaya pelayanan kesehatan mengikuti ketentuan jaminan kesehatan yang berlaku.',
    ].join('\n\n'),
    closing:
      'Demikian surat rujukan ini kami sampaikan. Atas kerja samanya diucapkan terima kasih.',
    tembusan: 'Arsip',
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000106',
    name: 'Surat tugas pendamping',
    title: 'Surat Tugas',
    layout: 'titled',
    source: 'stay',
    subject: 'Tugas pendampingan pemulangan {{nama}}',
    body: [
      'Dasar: Standar operasional prosedur pelayanan Rumah Singgah Dinas Sosial Kota Banjarbaru.',
      'MENUGASKAN',
      'Kepada\t: {{pendamping}}',
      'Untuk\t: Mendampingi pemulangan klien a.n. {{nama}} dari {{rumah_singgah}} ke daerah asal, {{tujuan}}, dan menyerahkannya kepada Dinas Sosial setempat, serta melaporkan hasil pelaksanaan tugas kepada Kepala Dinas.',
      'Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.',
    ].join('\n\n'),
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000107',
    name: 'Surat rekomendasi',
    title: 'Surat Rekomendasi',
    layout: 'letter',
    source: 'person',
    subject: 'Rekomendasi Pelayanan Sosial a.n. {{nama}}',
    addressee: 'Kepala Panti Sosial',
    place: 'Tempat',
    sifat: 'Biasa',
    lampiran: '-',
    body: [
      'Dengan hormat,',
      'Berdasarkan hasil asesmen Dinas Sosial Kota Banjarbaru, dengan ini kami merekomendasikan:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tAlamat\t: {{alamat}}',
      'untuk mendapatkan pelayanan dan rehabilitasi sosial di lembaga yang Saudara pimpin.',
    ].join('\n\n'),
    closing: 'Demikian rekomendasi ini kami sampaikan. Atas perhatiannya diucapkan terima kasih.',
    tembusan: 'Arsip',
    classification: C(2),
  },
  {
    id: '0190b000-0000-7000-8000-000000000108',
    name: 'Surat keterangan',
    title: 'Surat Keterangan',
    layout: 'titled',
    source: 'person',
    subject: 'Keterangan penerima layanan a.n. {{nama}}',
    body: [
      'Yang bertanda tangan di bawah ini menerangkan bahwa:',
      '\tNama\t: {{nama}}\n\tNIK\t: {{nik}}\n\tTempat/tanggal lahir\t: {{tempat_lahir}}, {{tanggal_lahir}}\n\tJenis kelamin\t: {{jenis_kelamin}}\n\tAlamat\t: {{alamat}}',
      'adalah benar penerima layanan Dinas Sosial Kota Banjarbaru.',
      'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    ].join('\n\n'),
    classification: C(1),
  },
];

const q = (s: string | undefined) => (s === undefined ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const classificationRows = CLASSIFICATIONS.map(
  ([id, code, name]) => `(${q(id)}, ${q(code)}, ${q(name)}, ${NOW}, ${NOW})`,
).join(',\n  ');

const templateRows = TEMPLATES.map(
  (t) =>
    `(${[t.id, t.name, t.title, t.layout, t.source, t.subject, t.addressee, t.place, t.sifat, t.lampiran, t.body, t.closing, t.tembusan, t.classification].map(q).join(', ')}, ${NOW}, ${NOW})`,
).join(',\n  ');

/** Text columns a letter freezes when it is submitted (the trigger below names them). */
const FROZEN = [
  'subject',
  'addressee',
  'addressee_place',
  'sifat',
  'lampiran',
  'body',
  'closing',
  'tembusan',
  'paper',
  'classification_id',
  'signatory_id',
  'number',
  'letter_date',
  'content_hash',
  'signature',
];

/**
 * Letters: classification codes, signatories, templates, letters and their timeline; the office
 * gains its website and logo for the letterhead. An issued letter's text cannot change even by
 * hand: a trigger refuses it.
 */
export const m0018: Migration = {
  version: 18,
  name: 'letters',
  sql: `
ALTER TABLE office ADD COLUMN website TEXT;
ALTER TABLE office ADD COLUMN logo_file_id TEXT REFERENCES files(id);

CREATE TABLE letter_classifications (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name TEXT NOT NULL CHECK (length(name) > 0),
  number_pattern TEXT NOT NULL DEFAULT '{code}/{seq:4}/Dinsos/{year}',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  ${TRACKED_COLUMNS}
) STRICT;

CREATE TABLE letter_signatories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  rank TEXT,
  nip TEXT CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
  position TEXT NOT NULL CHECK (length(position) > 0),
  prefix TEXT NOT NULL DEFAULT '' CHECK (prefix IN ('', 'a.n.', 'Plt.', 'Plh.')),
  on_behalf_of TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  ${TRACKED_COLUMNS}
) STRICT;

CREATE TABLE letter_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  title TEXT NOT NULL CHECK (length(title) > 0),
  layout TEXT NOT NULL CHECK (layout IN ('letter', 'titled')),
  source_kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  addressee TEXT,
  addressee_place TEXT,
  sifat TEXT,
  lampiran TEXT,
  body TEXT NOT NULL,
  closing TEXT,
  tembusan TEXT,
  paper TEXT NOT NULL DEFAULT 'F4' CHECK (paper IN ('A4', 'F4')),
  classification_id TEXT NOT NULL REFERENCES letter_classifications(id),
  signatory_id TEXT REFERENCES letter_signatories(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  ${TRACKED_COLUMNS}
) STRICT;

CREATE TABLE letters (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES letter_templates(id),
  source_kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  person_id TEXT REFERENCES persons(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'issued', 'voided')),
  layout TEXT NOT NULL CHECK (layout IN ('letter', 'titled')),
  title TEXT NOT NULL,
  subject TEXT NOT NULL,
  addressee TEXT,
  addressee_place TEXT,
  sifat TEXT,
  lampiran TEXT,
  body TEXT NOT NULL,
  closing TEXT,
  tembusan TEXT,
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'F4')),
  classification_id TEXT NOT NULL REFERENCES letter_classifications(id),
  signatory_id TEXT REFERENCES letter_signatories(id),
  -- The signatory as printed, kept at issue (a later edit of the signatory changes no letter).
  signatory TEXT CHECK (signatory IS NULL OR json_valid(signatory)),
  number TEXT UNIQUE,
  seq INTEGER,
  seq_year INTEGER,
  letter_date TEXT,
  submitted_at TEXT,
  issued_at TEXT,
  issued_by TEXT REFERENCES users(id),
  voided_at TEXT,
  void_reason TEXT,
  content_hash TEXT,
  signature TEXT,
  key_id TEXT,
  verify_code TEXT UNIQUE,
  prints INTEGER NOT NULL DEFAULT 0,
  refers_to TEXT REFERENCES letters(id),
  ${TRACKED_COLUMNS},
  CHECK ((status IN ('issued', 'voided')) OR number IS NULL),
  CHECK (status <> 'issued' OR (number IS NOT NULL AND signature IS NOT NULL))
) STRICT;
-- The register pages through this narrow index (every filter column and the searched texts),
-- never through the rows with their bodies.
CREATE INDEX letters_created ON letters(created_at DESC, id, seq_year, status,
  classification_id, template_id, number, subject);
CREATE INDEX letters_year_seq ON letters(seq_year, seq);
CREATE INDEX letters_source ON letters(source_id);
CREATE INDEX letters_person ON letters(person_id);

CREATE TRIGGER letters_frozen BEFORE UPDATE ON letters
WHEN OLD.status IN ('issued', 'voided') AND (${FROZEN.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
BEGIN SELECT RAISE(ABORT, 'an issued letter is frozen'); END;

CREATE TABLE letter_events (
  id TEXT PRIMARY KEY,
  letter_id TEXT NOT NULL REFERENCES letters(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  note TEXT,
  user_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX letter_events_letter ON letter_events(letter_id, at);

INSERT INTO letter_classifications (id, code, name, created_at, updated_at) VALUES
  ${classificationRows};

INSERT INTO letter_templates (id, name, title, layout, source_kind, subject, addressee,
  addressee_place, sifat, lampiran, body, closing, tembusan, classification_id, created_at,
  updated_at) VALUES
  ${templateRows};
`,
};
