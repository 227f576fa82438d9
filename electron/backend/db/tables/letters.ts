/** Kysely types of migration 0018 (letters, their templates, codes, signatories, timeline). */
import type {
  LetterLayout,
  LetterPaper,
  LetterStatus,
  SignPrefix,
} from '../../../../shared/reference/letters';
import type { Tracked } from './tracked';

export interface LetterClassificationsTable extends Tracked {
  id: string;
  code: string;
  name: string;
  number_pattern: string;
  active: number;
}

export interface LetterSignatoriesTable extends Tracked {
  id: string;
  name: string;
  rank: string | null;
  nip: string | null;
  position: string;
  prefix: SignPrefix;
  on_behalf_of: string | null;
  active: number;
}

/** The text a template gives a letter and a draft may edit. */
export interface LetterText {
  subject: string;
  addressee: string | null;
  addressee_place: string | null;
  sifat: string | null;
  lampiran: string | null;
  body: string;
  closing: string | null;
  tembusan: string | null;
  paper: LetterPaper;
  classification_id: string;
  signatory_id: string | null;
}

export interface LetterTemplatesTable extends Tracked, LetterText {
  id: string;
  name: string;
  title: string;
  layout: LetterLayout;
  source_kind: string;
  active: number;
}

export interface LettersTable extends Tracked, LetterText {
  id: string;
  template_id: string;
  source_kind: string;
  source_id: string;
  person_id: string | null;
  status: LetterStatus;
  layout: LetterLayout;
  title: string;
  /** JSON of the signatory as printed (letters/seal.ts SignedBy), set at issue. */
  signatory: string | null;
  number: string | null;
  seq: number | null;
  seq_year: number | null;
  letter_date: string | null;
  submitted_at: string | null;
  issued_at: string | null;
  issued_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
  content_hash: string | null;
  signature: string | null;
  key_id: string | null;
  verify_code: string | null;
  prints: number;
  refers_to: string | null;
}

export interface LetterEventsTable {
  id: string;
  letter_id: string;
  at: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export interface LetterTables {
  letter_classifications: LetterClassificationsTable;
  letter_signatories: LetterSignatoriesTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
  letter_events: LetterEventsTable;
}
