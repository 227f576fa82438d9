/** Kysely types of migration 0004 (persons). */
import type { Generated } from 'kysely';
import type {
  IdentityStatus,
  MaritalStatus,
  Religion,
  Sex,
} from '../../../../shared/reference/persons';
import type { Tracked } from './tracked';

export interface PersonsTable extends Tracked {
  id: string;
  nik: string | null;
  kk: string | null;
  full_name: string;
  /** JSON array of strings. */
  aliases: string;
  sex: Sex | null;
  birth_place: string | null;
  birth_date: string | null;
  birth_year: number | null;
  birth_date_estimated: number;
  mother_name: string | null;
  marital_status: MaritalStatus | null;
  religion: Religion | null;
  phone: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string | null;
  origin_code: string | null;
  identity_status: IdentityStatus;
  identity_evidence: string | null;
  disabilities: string | null;
  notes: string | null;
  /** Before migration 0009: a file name under <data>/photos; moved into the store on open. */
  photo_file: string | null;
  /** The photo in the file store (files.id). */
  photo_file_id: string | null;
  /** JSON object: data-quality code per key field. */
  quality: string;
  merged_into: string | null;
  search_names: string;
  search_origin: Generated<string>;
  name_key: string;
  /** JSON array of blocking keys (persons/matchNames.ts), indexed in person_match_keys. */
  match_keys: Generated<string>;
}

/** Kept in step with persons.match_keys by triggers (migration 0013); read only. */
export interface PersonMatchKeysTable {
  key: string;
  birth_year: number;
  person_rowid: number;
}

export interface PersonMatchPairsTable {
  a_id: string;
  b_id: string;
  level: 'likely' | 'possibly';
  score: number;
  /** JSON array of evidence (persons/matchScore.ts). */
  evidence: string;
  status: Generated<'open' | 'merged' | 'distinct'>;
  found_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface PersonTables {
  persons: PersonsTable;
  person_match_keys: PersonMatchKeysTable;
  person_match_pairs: PersonMatchPairsTable;
}
