/** The contract as a whole: every method implemented, every message key real and translated. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../electron/backend/handlers';
import { contract, METHOD_NAMES } from '../../shared/contract';
import { isMessageKey, LOCALES, messages, translate } from '../../shared/i18n';
import { PERMISSIONS } from '../../shared/roles';

/**
 * Every custom error message in a zod schema tree (schemas name i18n keys as their error).
 * Walks definitions generically: objects, unions, pipes, arrays, optionals, checks.
 */
function schemaMessages(root: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const take = (error: unknown) => {
    if (typeof error !== 'function') return;
    const out: unknown = (error as (issue: unknown) => unknown)({});
    if (typeof out === 'string') found.push(out);
    else if (out && typeof out === 'object' && 'message' in out) {
      found.push(String((out as { message: unknown }).message));
    }
  };
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const zod = (node as { _zod?: { def?: Record<string, unknown> } })._zod;
    if (!zod?.def) {
      // A shape ({ field: schema }) or a list of schemas.
      for (const v of Object.values(node)) visit(v);
      return;
    }
    const def = zod.def;
    take(def.error);
    for (const check of (def.checks as unknown[] | undefined) ?? []) {
      take((check as { _zod?: { def?: { error?: unknown } } })._zod?.def?.error);
    }
    for (const [k, v] of Object.entries(def)) if (k !== 'checks' && k !== 'error') visit(v);
  };
  visit(root);
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('contract', () => {
  it('has a handler for every method, and no handler outside it', () => {
    const missing = METHOD_NAMES.filter(
      (m) => typeof (handlers as Record<string, unknown>)[m] !== 'function',
    );
    expect(missing).toEqual([]);
    const extra = Object.keys(handlers).filter((h) => !(METHOD_NAMES as string[]).includes(h));
    expect(extra).toEqual([]);
  });

  it('names methods so that both transports can route them', () => {
    for (const m of METHOD_NAMES) expect(m).toMatch(/^[a-z]+\.[A-Za-z]+$/);
  });

  it('gives every method a known access level, and sessions only to writes', () => {
    const levels = new Set<string>(['public', 'signedIn', ...PERMISSIONS]);
    for (const m of METHOD_NAMES) {
      const def = contract[m] as { access: string; write: boolean; session?: string };
      expect(levels.has(def.access), `${m}: ${def.access}`).toBe(true);
      if (def.session) expect(def.write, `${m} changes the session, so it is a write`).toBe(true);
      if (def.session === 'start') expect(def.access, m).toBe('public');
    }
  });

  it('refuses unknown input fields on every method', () => {
    for (const m of METHOD_NAMES) {
      const def = (contract[m].input as unknown as { _zod: { def: Record<string, unknown> } })._zod
        .def;
      expect(def.type, m).toBe('object');
      const catchall = def.catchall as { _zod: { def: { type: string } } } | undefined;
      expect(catchall?._zod.def.type, `${m} must use z.strictObject`).toBe('never');
    }
  });

  it('finds message keys wherever a schema hides them', () => {
    const probe = z.strictObject({
      a: z.string().regex(/x/, { error: 'probe.regex' }),
      b: z.union([z.email({ error: 'probe.email' }), z.literal('')]).nullish(),
      c: z.array(z.string()).min(1, { error: 'probe.min' }),
      d: z
        .string()
        .refine(() => true, { error: 'probe.refine' })
        .transform((v) => v),
    });
    expect(schemaMessages(probe).sort()).toEqual([
      'probe.email',
      'probe.min',
      'probe.refine',
      'probe.regex',
    ]);
    expect(isMessageKey('probe.regex')).toBe(false);
  });

  it('uses only message keys that exist in its schemas', () => {
    const all: string[] = [];
    for (const m of METHOD_NAMES) {
      const keys = [...schemaMessages(contract[m].input), ...schemaMessages(contract[m].output)];
      for (const k of keys) expect(isMessageKey(k), `${m}: unknown message key ${k}`).toBe(true);
      all.push(...keys);
    }
    // The walk does reach nested schemas (these live in strings, dates, unions and refinements).
    for (const k of [
      'user.username_format',
      'user.roles_required',
      'validation.nip',
      'validation.email',
      'validation.phone',
      'validation.timezone',
      'validation.date',
      'office.region_level',
      'region.invalid_code',
    ]) {
      expect(all, k).toContain(k);
    }
  });
});

describe('i18n messages', () => {
  const entries = Object.entries(messages).map(
    ([k, pair]) => [k, [pair[0] ?? '', pair[1] ?? ''], pair.length] as const,
  );

  it('are pairs of non-empty Indonesian and English text', () => {
    expect(entries.length).toBeGreaterThan(100);
    const empty = entries.filter(
      ([, pair, length]) =>
        length !== 2 || pair.some((text) => typeof text !== 'string' || text.trim() === ''),
    );
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it('have the same {placeholders} in both languages', () => {
    const mismatched = entries
      .filter(([, [id, en]]) => placeholders(id).join() !== placeholders(en).join())
      .map(([k, [id, en]]) => `${k}: ${placeholders(id).join()} / ${placeholders(en).join()}`);
    expect(mismatched).toEqual([]);
  });

  it('fill every placeholder when given the params', () => {
    for (const [key, [id]] of entries) {
      const params = Object.fromEntries(placeholders(id).map((p) => [p!, 'X']));
      for (const locale of LOCALES) {
        const text = translate(locale, key as keyof typeof messages, params);
        expect(text, `${key} (${locale})`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('define each key in one catalogue only, so no domain silently overrides another', () => {
    const dir = join(__dirname, '../../shared/i18n/messages');
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      // JSON.parse keeps the last of two equal keys: count the written ones too.
      const written = [...text.matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1]!);
      const catalogue = JSON.parse(text) as Record<string, unknown>;
      expect(written.length, file).toBe(Object.keys(catalogue).length);
      for (const key of Object.keys(catalogue)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${file}`);
        owner.set(key, file);
      }
    }
    expect(owner.size).toBe(entries.length);
    expect(twice).toEqual([]);
  });

  it('use keys without spaces, so they cannot be confused with text', () => {
    for (const [key] of entries) expect(key).toMatch(/^[A-Za-z0-9_./-]+$/);
  });
});
