/**
 * NIP (Nomor Induk Pegawai) of a civil servant, 18 digits: birth date YYYYMMDD, TMT (the month
 * of appointment) YYYYMM, sex (1 man, 2 woman), serial 001–999. Checked where a signatory is saved.
 */

export type NipProblem =
  'nip.length' | 'nip.birth_date' | 'nip.tmt' | 'nip.tmt_before_adult' | 'nip.sex' | 'nip.serial';

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** What is wrong with a NIP (empty when it reads right). `today` bounds the dates. */
export function nipProblems(nip: string, today: string): NipProblem[] {
  if (!/^\d{18}$/.test(nip)) return ['nip.length'];
  const problems: NipProblem[] = [];
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  const thisYear = Number(today.slice(0, 4));
  const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (by < 1930 || !validDate(by, bm, bd) || birth > today) problems.push('nip.birth_date');
  if (
    ty < 1950 ||
    ty > thisYear ||
    tm < 1 ||
    tm > 12 ||
    `${nip.slice(8, 12)}-${nip.slice(12, 14)}` > today.slice(0, 7)
  )
    problems.push('nip.tmt');
  else if (!problems.includes('nip.birth_date') && ty - by < 18)
    problems.push('nip.tmt_before_adult');
  if (nip[14] !== '1' && nip[14] !== '2') problems.push('nip.sex');
  if (nip.slice(15) === '000') problems.push('nip.serial');
  return problems;
}

/** "19700615 199503 1 002": how a NIP is printed under a signature. */
export function formatNip(nip: string): string {
  return /^\d{18}$/.test(nip)
    ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
    : nip;
}
