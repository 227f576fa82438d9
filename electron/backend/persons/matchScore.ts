/**
 * Whether two person records are the same person, with the evidence for it. The name decides
 * whether they can be; birth date or year, NIK, sex, origin and parents decide how sure.
 * Origin and parents only support: never alone, and never against birth dates decades apart.
 */
import type { MatchEvidenceCode } from '../../../shared/reference/persons';
import { regencyOf } from '../regions/refs';
import { COMMON_WORDS, type MatchName } from './matchNames';
import { bestNames, type NameComparison } from './nameSimilarity';

export type MatchLevel = 'likely' | 'possibly';

/** One fact for or against, as the user sees it (`person.match.<code>` in the catalogue). */
export interface Evidence {
  code: MatchEvidenceCode;
  params?: Record<string, string | number>;
}

/** What is compared of a record: the probe being typed, or a stored person. */
export interface MatchRecord {
  names: MatchName[];
  nik: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  birthYear: number | null;
  birthEstimated: boolean;
  originCode: string | null;
  mother: MatchName | null;
}

export interface MatchResult {
  level: MatchLevel;
  /** 0..100, to order candidates. */
  score: number;
  evidence: Evidence[];
  name: NameComparison | null;
}

/** Estimated ages are rough: years this far apart still agree. */
export const ESTIMATE_TOLERANCE = 2;

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** NIKs that differ in exactly one digit (a typing slip). */
export function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

type Birth = { rel: 'same' | 'close' | 'conflict' | 'unknown'; evidence: Evidence };

function compareBirth(a: Facts, b: Facts): Birth {
  if (a.birthDate && b.birthDate && !a.birthEstimated && !b.birthEstimated) {
    if (a.birthDate === b.birthDate) return { rel: 'same', evidence: { code: 'birth_same' } };
    // Day and month swapped is a common slip, as is a date a few months off.
    const swapped = `${a.birthDate.slice(0, 4)}-${a.birthDate.slice(8, 10)}-${a.birthDate.slice(5, 7)}`;
    const days = Math.round(daysBetween(a.birthDate, b.birthDate));
    if (swapped === b.birthDate || days <= 366)
      return { rel: 'close', evidence: { code: 'birth_close', params: { days } } };
    return { rel: 'conflict', evidence: { code: 'birth_close', params: { days } } };
  }
  if (a.birthYear === null || b.birthYear === null)
    return { rel: 'unknown', evidence: { code: 'birth_unknown' } };
  const years = Math.abs(a.birthYear - b.birthYear);
  return years <= ESTIMATE_TOLERANCE
    ? { rel: 'close', evidence: { code: 'birth_estimated', params: { years } } }
    : { rel: 'conflict', evidence: { code: 'birth_estimated', params: { years } } };
}

function nameEvidence(c: NameComparison, a: MatchRecord, b: MatchRecord): Evidence[] {
  const out: Evidence[] = [];
  const show = (kind: string) =>
    c.pairs
      .filter((p) => p.kind === kind)
      .map((p) => `${p.a.raw} ≈ ${p.b.raw}`)
      .join(', ');
  if (c.level === 'exact' && c.pairs.every((p) => p.kind === 'same'))
    out.push({ code: 'name_same' });
  if (c.pairs.some((p) => p.kind === 'variant'))
    out.push({ code: 'name_variant', params: { words: show('variant') } });
  if (c.pairs.some((p) => p.kind === 'typo'))
    out.push({ code: 'name_typo', params: { words: show('typo') } });
  if (c.pairs.some((p) => p.kind === 'initial'))
    out.push({ code: 'name_initial', params: { words: show('initial') } });
  if (c.reordered) out.push({ code: 'name_order' });
  if (c.level === 'partial')
    out.push({ code: 'name_partial', params: { words: c.extra.map((w) => w.raw).join(' ') } });
  const ignored = [...new Set([...a.names, ...b.names].flatMap((n) => n.ignored))];
  if (ignored.length > 0) out.push({ code: 'name_ignored', params: { words: ignored.join(' ') } });
  return out;
}

/**
 * The name decides whether two records can be one person; the rest how sure. The same NIK is
 * always likely; a NIK that differs, a birth decades apart or another sex rule a pair out.
 * Likely: an exact or close name and the same birth date, or a distinctive name (two rare
 * words) exact within the birth tolerance with the same sex or supporting facts. Possibly: a
 * close distinctive name within the tolerance; a common name within it with support (origin,
 * mother, NIK one digit apart); one name inside the other with the same date; an exact name
 * with no birth to compare but with support. Origin and mother never count alone.
 */
type Facts = Omit<MatchRecord, 'names' | 'mother'>;

function nikRelation(a: Facts, b: Facts) {
  const nikSame = a.nik !== null && a.nik === b.nik;
  const nikNear = a.nik !== null && b.nik !== null && !nikSame && oneDigitApart(a.nik, b.nik);
  const nikDiffers = a.nik !== null && b.nik !== null && !nikSame && !nikNear;
  return { nikSame, nikNear, nikDiffers };
}

/**
 * Two records that cannot be one person whatever their names say (the levels of scoreMatch):
 * another NIK, a birth decades apart, another sex. Most candidates of a large registry end
 * here, so a check reads their names only when this says they may be the same.
 */
export function ruledOut(a: Facts, b: Facts): boolean {
  const { nikSame, nikNear, nikDiffers } = nikRelation(a, b);
  if (nikSame) return false;
  const birth = compareBirth(a, b).rel;
  const sexDiffers = a.sex !== null && b.sex !== null && a.sex !== b.sex;
  return birth === 'conflict' || nikDiffers || (sexDiffers && !(nikNear && birth === 'same'));
}

export function scoreMatch(a: MatchRecord, b: MatchRecord): MatchResult | null {
  if (ruledOut(a, b)) return null;
  const evidence: Evidence[] = [];
  const { nikSame, nikNear, nikDiffers } = nikRelation(a, b);
  const birth = compareBirth(a, b);
  const sexDiffers = a.sex !== null && b.sex !== null && a.sex !== b.sex;
  if (nikSame) evidence.push({ code: 'nik_same' });
  if (nikNear) evidence.push({ code: 'nik_near' });

  const name = bestNames(a.names, b.names);
  const nameLevel = name?.level ?? 'none';
  if (name && nameLevel !== 'none') evidence.push(...nameEvidence(name, a, b));

  const birthPts = { same: 3, close: 2, unknown: 0, conflict: 0 }[birth.rel];
  if (birth.rel !== 'conflict') evidence.push(birth.evidence);

  const sexSame = a.sex !== null && a.sex === b.sex;
  if (sexSame) evidence.push({ code: 'sex_same' });
  if (sexDiffers) evidence.push({ code: 'sex_differs' });

  const regency = regencyOf(a.originCode);
  const originSame = regency !== null && regency === regencyOf(b.originCode);
  if (originSame) evidence.push({ code: 'origin_same' });
  const mother =
    a.mother && b.mother && a.mother.words.length > 0 && b.mother.words.length > 0
      ? bestNames([a.mother], [b.mother])
      : null;
  const motherSame = mother !== null && (mother.level === 'exact' || mother.level === 'close');
  if (motherSame) evidence.push({ code: 'mother_same' });
  if (nikDiffers) evidence.push({ code: 'nik_differs' });

  const support = (originSame ? 1 : 0) + (motherSame ? 1 : 0) + (nikNear ? 2 : 0);
  const score = Math.min(
    100,
    Math.round((name?.score ?? 0) * 50 + birthPts * 8 + support * 5 + (sexSame ? 5 : 0)),
  );

  // Words that say who someone is: not initials, not the names thousands share (Siti, Muhammad).
  const rare = (name?.pairs ?? []).filter(
    (p) => p.kind !== 'initial' && !COMMON_WORDS.has(p.a.spell),
  ).length;
  const supported = support >= 1;
  const allSpelled = (name?.pairs ?? []).every((p) => p.kind === 'same' || p.kind === 'variant');
  let level: MatchLevel | null = null;
  if (nikSame) level = 'likely';
  else if (nameLevel === 'none' || birth.rel === 'conflict' || nikDiffers) level = null;
  else if (sexDiffers)
    // Names that differ only by a gendered ending (Yuliano/Yuliana) are other people.
    level = nikNear && nameLevel === 'exact' && birth.rel === 'same' ? 'possibly' : null;
  else if (nameLevel === 'partial')
    // One name inside the other (Siti Aminah, Aminah): only with the same words and more besides.
    level =
      allSpelled &&
      ((birth.rel === 'same' && (sexSame || supported)) || (birth.rel === 'close' && supported))
        ? 'possibly'
        : null;
  else if (birth.rel === 'same') level = 'likely';
  else if (birth.rel === 'close') {
    // A name as common as "Siti Fatimah" born within a year or two is often someone else.
    if (rare >= 2) level = nameLevel === 'exact' && (sexSame || supported) ? 'likely' : 'possibly';
    else level = supported ? 'possibly' : null;
  } else level = nameLevel === 'exact' && supported ? 'possibly' : null;
  if (level === null) return null;
  return { level, score: nikSame ? Math.max(score, 90) : score, evidence, name };
}
