/**
 * Paper sizes and margins of Indonesian official documents, in PDF points (1 mm = 72 / 25.4 pt).
 * F4 (215 × 330 mm, "folio") is what most Indonesian offices load in their printers; A4 is the
 * national standard for naskah dinas. Both are exact here: pdfmake's own 'FOLIO' is not F4.
 */
export const MM = 72 / 25.4;

export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const PAPER: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210 * MM, height: 297 * MM },
  F4: { width: 215 * MM, height: 330 * MM },
};

/** Margins [left, top, right, bottom]: 3 cm binding edge, 2 cm elsewhere (Permenpan tata naskah). */
export const LETTER_MARGINS: [number, number, number, number] = [
  30 * MM,
  20 * MM,
  20 * MM,
  20 * MM,
];

/** Reports are read, not filed: narrower margins leave room for wide tables. */
export const REPORT_MARGINS: [number, number, number, number] = [
  15 * MM,
  15 * MM,
  15 * MM,
  15 * MM,
];

/** The width text may use on a page of this size with these margins. */
export function contentWidth(
  size: PaperSize,
  margins: readonly [number, number, number, number],
  landscape = false,
): number {
  const { width, height } = PAPER[size];
  return (landscape ? height : width) - margins[0] - margins[2];
}
