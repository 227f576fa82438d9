/**
 * Names for audited records, so the audit screen shows "Budi Santoso" or "ADU/0007/2026"
 * instead of an id. One query per record type on the page, by primary key.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema';

type LabelQuery = (ids: readonly string[]) => RawBuilder<{ id: string; label: string | null }>;

const byIds = (ids: readonly string[]) => sql.join(ids.map((i) => sql`${i}`));

/** Record type → how its label is read. A type without an entry shows its id. */
const LABELS: Record<string, LabelQuery> = {
  person: (ids) => sql`SELECT id, full_name AS label FROM persons WHERE id IN (${byIds(ids)})`,
  user: (ids) =>
    sql`SELECT id, full_name || ' (' || username || ')' AS label FROM users WHERE id IN (${byIds(ids)})`,
  complaint: (ids) =>
    sql`SELECT id, number || ' · ' || subject AS label FROM complaints WHERE id IN (${byIds(ids)})`,
  complaint_category: (ids) =>
    sql`SELECT id, name AS label FROM complaint_categories WHERE id IN (${byIds(ids)})`,
  shelter: (ids) => sql`SELECT id, name AS label FROM shelters WHERE id IN (${byIds(ids)})`,
  shelter_room: (ids) =>
    sql`SELECT id, name AS label FROM shelter_rooms WHERE id IN (${byIds(ids)})`,
  shelter_bed: (ids) => sql`SELECT b.id, r.name || ' · ' || b.label AS label
    FROM shelter_beds b JOIN shelter_rooms r ON r.id = b.room_id WHERE b.id IN (${byIds(ids)})`,
  stay: (ids) => sql`SELECT s.id, p.full_name || ' · ' || substr(s.checkin_at, 1, 10) AS label
    FROM stays s JOIN persons p ON p.id = s.person_id WHERE s.id IN (${byIds(ids)})`,
  holiday: (ids) =>
    sql`SELECT id, date || ' · ' || name AS label FROM holidays WHERE id IN (${byIds(ids)})`,
  file: (ids) => sql`SELECT id, original_name AS label FROM files WHERE id IN (${byIds(ids)})`,
};

/** Labels of the given records, keyed `type\u0000id`; records without one are left out. */
export async function recordLabels(
  db: Kysely<DB>,
  records: readonly { recordType: string | null; recordId: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.recordType || !r.recordId || !LABELS[r.recordType]) continue;
    const ids = wanted.get(r.recordType) ?? new Set<string>();
    ids.add(r.recordId);
    wanted.set(r.recordType, ids);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of wanted) {
    const { rows } = await LABELS[type]!([...ids]).execute(db);
    for (const row of rows) if (row.label) out.set(labelKey(type, row.id), row.label);
  }
  return out;
}

export const labelKey = (type: string, id: string) => `${type}\u0000${id}`;
