/**
 * The record kinds letters are written from. A PPKS case or a referral plugs in as one module
 * (see source.ts) and one entry below; templates name their source by `kind`.
 */
import { personSource } from './person';
import type { LetterSource } from './source';
import { staySource } from './stay';

const SOURCES: readonly LetterSource[] = [personSource, staySource];

export function letterSources(): readonly LetterSource[] {
  return SOURCES;
}

export function findSource(kind: string): LetterSource | undefined {
  return SOURCES.find((s) => s.kind === kind);
}
