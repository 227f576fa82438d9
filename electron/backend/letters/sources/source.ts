/**
 * A letter source: a kind of record a letter can be written from (a person, a shelter stay, a
 * PPKS case, a referral), the placeholders it fills, and how it reads them.
 * A new source is one module here and one line in registry.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export type PlaceholderValues = Record<string, string | null>;

export interface SourceRecord {
  /** Placeholder name → text to print; null when the record has no value (shown as missing). */
  values: PlaceholderValues;
  /** The person the letter is about, for the person's page and merges. */
  personId: string | null;
  /** How the register names the record: the person's name. */
  label: string;
}

export interface LetterSource {
  kind: string;
  /** Every placeholder this source fills, in the order the template editor lists them. */
  placeholders: readonly string[];
  /** The record, or undefined when there is none with this id. */
  load(db: Kysely<DB>, id: string, opts: { today: string }): Promise<SourceRecord | undefined>;
}
