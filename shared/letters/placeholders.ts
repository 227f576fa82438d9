/**
 * Template placeholders: `{{nama}}`, `{{tanggal_lahir}}`. Plain text substitution only — a
 * template is never code: no expressions, loops or lookups, just a name from a fixed list.
 */

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Braces that do not form a placeholder (`{{ nama }`, `{{Nama}}`, `{{ 1 }}`): a typing slip. */
export function hasStrayBraces(text: string): boolean {
  return /\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''));
}

/** Names used in `text` that are not in `known`. */
export function unknownPlaceholders(text: string, known: readonly string[]): string[] {
  const allowed = new Set(known);
  return placeholdersIn(text).filter((name) => !allowed.has(name));
}

/**
 * Fills every placeholder that has a value; one without a value stays as `{{name}}` so the
 * draft shows what is missing and the letter cannot be issued with a hole in it.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string | null | undefined>>,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value ? value : whole;
  });
}
