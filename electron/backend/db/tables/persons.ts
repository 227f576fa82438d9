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
}

export interface PersonTables {
  persons: PersonsTable;
}
