/**
 * The record kinds letters are written from: each is one module (see source.ts) and one entry
 * below; templates name their source by `kind`.
 */
import { caseSource, referralSource } from './case';
import { personSource } from './person';
import type { LetterSource } from './source';
import { staySource } from './stay';

const SOURCES: readonly LetterSource[] = [personSource, staySource, caseSource, referralSource];

export function letterSources(): readonly LetterSource[] {
  return SOURCES;
}

export function findSource(kind: string): LetterSource | undefined {
  return SOURCES.find((s) => s.kind === kind);
}
