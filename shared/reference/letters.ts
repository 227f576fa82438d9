/** Letters (surat dinas): the fixed lists both sides use. */

export const LETTER_STATUSES = ['draft', 'submitted', 'issued', 'voided'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * `letter`: korespondensi (Nomor/Sifat/Lampiran/Hal, "Yth. … di …", closing, tembusan);
 * `titled`: a document under a centred title and "NOMOR: …" (berita acara, surat tugas, keterangan).
 */
export const LETTER_LAYOUTS = ['letter', 'titled'] as const;
export type LetterLayout = (typeof LETTER_LAYOUTS)[number];

export const LETTER_PAPERS = ['A4', 'F4'] as const;
export type LetterPaper = (typeof LETTER_PAPERS)[number];

/** Signing for someone else: atas nama, pelaksana tugas, pelaksana harian; '' signs in person. */
export const SIGN_PREFIXES = ['', 'a.n.', 'Plt.', 'Plh.'] as const;
export type SignPrefix = (typeof SIGN_PREFIXES)[number];

/** Default numbering of every classification: the agenda surat keluar of the office. */
export const DEFAULT_LETTER_PATTERN = '{code}/{seq:4}/Dinsos/{year}';

/** Classification codes: 400.9.x (Permendagri 83/2022) or the old 460 series, digits and dots. */
export const CLASSIFICATION_CODE = /^\d{3}(\.\d{1,3}){0,4}$/;
