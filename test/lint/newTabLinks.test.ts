/**
 * A `target="_blank"` link does nothing in the desktop app (it opens no second window): screens
 * use NewTabLink, which the desktop shows as text. This keeps new screens from bringing it back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function screens(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? screens(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

describe('links to a new tab', () => {
  it('go through NewTabLink only', () => {
    const offenders = screens('renderer/src').filter(
      (path) =>
        !path.endsWith('NewTabLink.tsx') && /target=\{?["']_blank/.test(readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
