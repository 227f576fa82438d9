import type { Generated } from 'kysely';

/** Columns every user-edited table carries (DESIGN.md, data conventions). */
export interface Tracked {
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  version: Generated<number>;
}
