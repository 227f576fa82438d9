/** Age in whole years, the same everywhere: person pages, shelter placement, reports. */

/** Whole years on `today` (YYYY-MM-DD); from the year alone when only that is known. */
export function ageOn(
  p: { birthDate: string | null; birthYear: number | null },
  today: string,
): number | null {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  if (p.birthDate) {
    const [by, bm, bd] = p.birthDate.split('-').map(Number) as [number, number, number];
    return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  }
  return p.birthYear === null ? null : ty - p.birthYear;
}
