/**
 * Row columns to contract fields: `addressee_place` → `addresseePlace`. For the mappers that copy
 * many columns as they are; columns that change shape (flags, joins) are still written out.
 */

/** `snake_case` → `camelCase`, as a type. */
export type Camel<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<Camel<T>>}`
  : S;

export type CamelPick<R, K extends keyof R & string> = { [P in K as Camel<P>]: R[P] };

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** These columns of `row`, named in camelCase. */
export function camelPick<R extends object, K extends keyof R & string>(
  row: R,
  columns: readonly K[],
): CamelPick<R, K> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[camel(c)] = row[c];
  return out as CamelPick<R, K>;
}
