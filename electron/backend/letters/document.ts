/**
 * A letter as pdfmake content, in the shape of Indonesian naskah dinas: the kop, then either
 * place and date with Nomor/Sifat/Lampiran/Hal and "Yth. … di …" (korespondensi) or a centred
 * title over "NOMOR: …" (berita acara, surat tugas, keterangan); the body; the signature block
 * (a.n./Plt./Plh., position, room for signature and stamp, underlined name, pangkat, NIP) with the
 * QR and verification code beside it; tembusan. Pages after the first repeat the number and count.
 */
import { formatNip } from '../../../shared/nip';
import type { LetterLayout, LetterPaper, SignPrefix } from '../../../shared/reference/letters';
import { letterheadBlock, type Letterhead } from '../pdf/letterhead';
import { contentWidth, LETTER_MARGINS } from '../pdf/paper';
import { qrBlock } from '../pdf/qr';
import type { PdfPage } from '../pdf/render';
import type { Content, DocDefinition } from '../pdf/types';

/** The signatory as printed, frozen on the letter at issue. */
export interface SignedBy {
  name: string;
  rank: string | null;
  nip: string | null;
  position: string;
  prefix: SignPrefix;
  onBehalfOf: string | null;
}

/** The words of a letter, as printed and sealed. */
export interface LetterWords {
  title: string;
  subject: string;
  addressee: string | null;
  addresseePlace: string | null;
  sifat: string | null;
  lampiran: string | null;
  body: string;
  closing: string | null;
  tembusan: string | null;
}

export interface PrintedLetter extends LetterWords {
  layout: LetterLayout;
  paper: LetterPaper;
  /** Null on a draft: printed as dots where the number will go. */
  number: string | null;
  /** "Banjarbaru, 30 November 2026" */
  placeAndDate: string;
  signatory: SignedBy | null;
}

export interface LetterMarks {
  /** QR text and short code of an issued letter. */
  seal?: { qr: string; code: string };
  /** Across every page: DRAF (not issued), SALINAN (a reprint), BATAL (voided). */
  watermark?: 'DRAF' | 'SALINAN' | 'BATAL';
}

const BLANK_NUMBER = '…………………………';
const LABEL_WIDTH = 62; // "Lampiran" at 12 pt, so the colons line up
const SIGN_WIDTH = 230;
const QR_SIZE = 78;

/** `label : value` rows without borders (Nomor/Hal; Nama/NIK in a body). */
function fieldRows(rows: [string, string][], labelWidth: number | 'auto' = LABEL_WIDTH): Content {
  return {
    table: {
      widths: [labelWidth, 8, '*'],
      body: rows.map(([label, value]) => [label, ':', value]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 2,
      paddingTop: () => 0,
      paddingBottom: () => 1,
    },
  };
}

/**
 * The body: paragraphs split by a blank line. A paragraph of `\tLabel\t: value` lines is an
 * identity table (indented); `Label\t: value` lines a table at the margin; a single line in
 * capitals a centred heading (MENUGASKAN); anything else justified text.
 */
export function bodyBlocks(body: string): Content[] {
  const out: Content[] = [];
  for (const para of body.split(/\n\s*\n/)) {
    const lines = para.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const rows = lines.map((l) => /^(\t?)([^\t:]+)\t:\s?(.*)$/.exec(l));
    if (rows.every((r) => r !== null)) {
      const indented = rows.every((r) => r![1] === '\t');
      out.push({
        stack: [
          fieldRows(
            rows.map((r) => [r![2]!.trim(), r![3]!]),
            indented ? 130 : 62,
          ),
        ],
        margin: [indented ? 24 : 0, 0, 0, 8],
      });
    } else if (lines.length === 1 && /^[A-Z ]{4,40}$/.test(lines[0]!.trim())) {
      out.push({ text: lines[0]!.trim(), bold: true, alignment: 'center', margin: [0, 2, 0, 8] });
    } else {
      out.push({ text: lines.join('\n'), alignment: 'justify', margin: [0, 0, 0, 8] });
    }
  }
  return out;
}

function signatureBlock(l: PrintedLetter, withDate: boolean): Content {
  const s = l.signatory;
  const lines: Content[] = [];
  if (withDate) lines.push({ text: l.placeAndDate, margin: [0, 0, 0, 8] });
  if (!s) {
    lines.push({ text: '(penanda tangan belum dipilih)', italics: true, color: '#a00000' });
    return { stack: lines, width: SIGN_WIDTH };
  }
  if (s.prefix && s.onBehalfOf) lines.push(`${s.prefix} ${s.onBehalfOf.toUpperCase()}`);
  lines.push({ text: `${s.prefix && !s.onBehalfOf ? `${s.prefix} ` : ''}${s.position},` });
  lines.push({ text: ' ', margin: [0, 0, 0, 62] }); // signature and stamp
  lines.push({ text: s.name, bold: true, decoration: 'underline' });
  if (s.rank) lines.push(s.rank);
  if (s.nip) lines.push(`NIP. ${formatNip(s.nip)}`);
  return { stack: lines, width: SIGN_WIDTH, alignment: 'left' };
}

function sealBlock(seal: LetterMarks['seal']): Content {
  if (!seal) return { text: '', width: '*' };
  return {
    width: '*',
    stack: [
      qrBlock(seal.qr, QR_SIZE, 'M'),
      { text: `Kode verifikasi: ${seal.code}`, fontSize: 8, margin: [0, 3, 0, 0] },
      {
        text: 'Periksa keaslian dengan kode ini di aplikasi Pelita Dinas Sosial.',
        fontSize: 7,
        color: '#444444',
      },
    ],
    margin: [0, 40, 12, 0],
  };
}

function korespondensiHead(l: PrintedLetter): Content[] {
  const rows: [string, string][] = [['Nomor', l.number ?? BLANK_NUMBER]];
  rows.push(['Sifat', l.sifat ?? '-']);
  rows.push(['Lampiran', l.lampiran ?? '-']);
  rows.push(['Hal', l.subject]);
  const to: Content[] = [{ text: 'Kepada' }];
  if (l.addressee) {
    const [first, ...rest] = l.addressee.split('\n');
    to.push({ columns: [{ text: 'Yth.', width: 26 }, { text: [first, ...rest].join('\n') }] });
  }
  if (l.addresseePlace) to.push({ text: `di ${l.addresseePlace}`, margin: [26, 0, 0, 0] });
  return [
    { text: l.placeAndDate, alignment: 'right', margin: [0, 0, 0, 10] },
    {
      columns: [
        { stack: [fieldRows(rows)], width: '*' },
        { stack: to, width: 200, margin: [18, 0, 0, 0] },
      ],
      margin: [0, 0, 0, 16],
    },
  ];
}

function titledHead(l: PrintedLetter): Content[] {
  return [
    { text: l.title.toUpperCase(), bold: true, decoration: 'underline', alignment: 'center' },
    {
      text: `NOMOR: ${l.number ?? BLANK_NUMBER}`,
      alignment: 'center',
      margin: [0, 2, 0, 18],
    },
  ];
}

function tembusanBlock(tembusan: string | null): Content[] {
  const items = (tembusan ?? '')
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  if (items.length === 0) return [];
  return [
    {
      stack: [
        { text: 'Tembusan:', decoration: 'underline' },
        items.length === 1 ? items[0]! : { ol: items },
      ],
      fontSize: 10.5,
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ];
}

export function letterPage(paper: LetterPaper): PdfPage {
  return { size: paper, margins: LETTER_MARGINS, font: 'Serif', fontSize: 12 };
}

/** The letter's content and its page furniture (header from page 2 on, watermark). */
export function letterDocument(
  l: PrintedLetter,
  head: Letterhead,
  marks: LetterMarks = {},
): { content: Content; extra: Pick<DocDefinition, 'header' | 'watermark'> } {
  const width = contentWidth(l.paper, LETTER_MARGINS);
  const letter = l.layout === 'letter';
  const bodyIndent = letter ? LABEL_WIDTH + 8 : 0;
  const content: Content[] = [
    letterheadBlock(head, width),
    ...(letter ? korespondensiHead(l) : titledHead(l)),
    { stack: bodyBlocks(l.body), margin: [bodyIndent, 0, 0, 0] },
  ];
  if (l.closing)
    content.push({ text: l.closing, alignment: 'justify', margin: [bodyIndent, 0, 0, 8] });
  content.push({
    columns: [sealBlock(marks.seal), signatureBlock(l, !letter)],
    margin: [0, 14, 0, 0],
    unbreakable: true,
  });
  content.push(...tembusanBlock(l.tembusan));
  const number = l.number ?? 'DRAF';
  return {
    content,
    extra: {
      header: (page, count) =>
        page === 1
          ? marks.watermark
            ? {
                text: marks.watermark,
                alignment: 'right',
                bold: true,
                fontSize: 11,
                characterSpacing: 2,
                margin: [LETTER_MARGINS[0], 30, LETTER_MARGINS[2], 0],
              }
            : null
          : {
              text: `Nomor ${number} — halaman ${page} dari ${count}`,
              alignment: 'right',
              fontSize: 9,
              margin: [LETTER_MARGINS[0], 30, LETTER_MARGINS[2], 0],
            },
      ...(marks.watermark
        ? { watermark: { text: marks.watermark, opacity: 0.12, bold: true, fontSize: 90 } }
        : {}),
    },
  };
}
