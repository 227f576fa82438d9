/**
 * The fonts every PDF uses, shipped with the app (resources/fonts) so a letter looks the same on
 * every PC whatever fonts Windows has: Liberation Serif (metrics of Times New Roman, the usual
 * face of Indonesian official letters) and Liberation Sans (of Arial) for reports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FAMILIES = {
  Serif: 'LiberationSerif',
  Sans: 'LiberationSans',
} as const;
export type FontFamily = keyof typeof FONT_FAMILIES;

const STYLES = {
  normal: 'Regular',
  bold: 'Bold',
  italics: 'Italic',
  bolditalics: 'BoldItalic',
} as const;

const PROBE = 'LiberationSerif-Regular.ttf';

/**
 * Where the fonts are: the packaged app's resources folder (electron-builder extraResources),
 * else the repository's resources/fonts found by walking up from this module (the browser host,
 * `electron-vite preview` and tests all run from inside the repository).
 */
export function findFontsDir(
  resourcesPath = (process as { resourcesPath?: string }).resourcesPath,
): string {
  const tried: string[] = [];
  if (resourcesPath) tried.push(join(resourcesPath, 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    tried.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  const found = tried.find((d) => existsSync(join(d, PROBE)));
  if (!found) throw new Error(`Pelita's PDF fonts are missing; looked in: ${tried.join(', ')}`);
  return found;
}

/** Font files by virtual name, read once per process. */
let cache: Map<string, Buffer> | undefined;
export function fontFiles(dir = findFontsDir()): Map<string, Buffer> {
  if (cache) return cache;
  const files = new Map<string, Buffer>();
  for (const base of Object.values(FONT_FAMILIES)) {
    for (const suffix of Object.values(STYLES)) {
      const name = `${base}-${suffix}.ttf`;
      files.set(name, readFileSync(join(dir, name)));
    }
  }
  cache = files;
  return files;
}

/** pdfmake's font table: family → style → virtual file name. */
export function fontTable(): Record<FontFamily, Record<keyof typeof STYLES, string>> {
  const table = {} as Record<FontFamily, Record<keyof typeof STYLES, string>>;
  for (const [family, base] of Object.entries(FONT_FAMILIES) as [FontFamily, string][]) {
    table[family] = {
      normal: `${base}-${STYLES.normal}.ttf`,
      bold: `${base}-${STYLES.bold}.ttf`,
      italics: `${base}-${STYLES.italics}.ttf`,
      bolditalics: `${base}-${STYLES.bolditalics}.ttf`,
    };
  }
  return table;
}
