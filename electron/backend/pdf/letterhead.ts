/**
 * The kop surat at the top of the first page of every letter and printed report: the coat of arms
 * or office logo on the left, the government and office names centred in capitals, the address
 * and contacts, then the double rule (thick over thin) Indonesian offices draw under it.
 */
import type { Content } from './types';

export interface Letterhead {
  /** "PEMERINTAH KOTA BANJARBARU" */
  government: string;
  /** "DINAS SOSIAL" */
  office: string;
  /** Street address with postal code, one line. */
  address: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  /** The logo as a data URL (PNG or JPEG), checked by content when it was uploaded. */
  logo?: string | null;
}

const LOGO_SIZE = 68; // pt, about 2.4 cm: the usual height of a coat of arms on a kop

/** The contact line: "Telepon (0511) 4772xxx · Pos-el dinsos@… · Laman …". */
export function contactLine(head: Letterhead): string {
  return [
    head.phone ? `Telepon ${head.phone}` : null,
    head.email ? `Pos-el ${head.email}` : null,
    head.website ? `Laman ${head.website}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join('  ·  ');
}

/** The kop as pdfmake content, `width` pt wide (the page's content width). */
export function letterheadBlock(head: Letterhead, width: number): Content {
  const contacts = contactLine(head);
  const lines: Content[] = [
    { text: head.government.toUpperCase(), fontSize: 14, bold: true },
    { text: head.office.toUpperCase(), fontSize: 17, bold: true, margin: [0, 1, 0, 2] },
    { text: head.address, fontSize: 10 },
  ];
  if (contacts) lines.push({ text: contacts, fontSize: 9.5 });
  // The text stays centred on the page: the logo's column is balanced by an empty one.
  const logo: Content = head.logo
    ? { image: head.logo, fit: [LOGO_SIZE, LOGO_SIZE], width: LOGO_SIZE }
    : { text: '', width: LOGO_SIZE };
  return {
    stack: [
      {
        columns: [
          logo,
          { stack: lines, alignment: 'center', width: '*', margin: [6, 0, 6, 0] },
          { text: '', width: LOGO_SIZE },
        ],
        columnGap: 0,
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 6, x2: width, y2: 6, lineWidth: 2.5 },
          { type: 'line', x1: 0, y1: 9.5, x2: width, y2: 9.5, lineWidth: 0.75 },
        ],
        margin: [0, 0, 0, 14],
      },
    ],
  };
}
