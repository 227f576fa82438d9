import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `column LIKE '%term%'`, with the term's own % _ and \ taken literally (list searches). */
export function contains(column: string, term: string): RawBuilder<SqlBool> {
  const like = `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql<SqlBool>`${sql.ref(column)} LIKE ${like} ESCAPE '\\'`;
}
