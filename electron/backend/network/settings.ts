/**
 * The office host setting, kept as office-serve.json in the data folder (beside office-host.json,
 * the client setting): the shell reads it before any window exists, and a backup restore does
 * not turn the network on or off behind the admin's back.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { networkName } from '../../../shared/contract/network';
import { PRIVATE_FILE_MODE } from '../lib/privateFiles';
import type { ServeSettings } from './control';

export const SERVE_FILE = 'office-serve.json';
export const DEFAULT_OFFICE_PORT = 5871;

export const DEFAULT_SERVE: ServeSettings = {
  enabled: false,
  port: DEFAULT_OFFICE_PORT,
  names: [],
  version: 1,
};

const FILE_SCHEMA = z.object({
  enabled: z.boolean(),
  port: z.number().int().min(1024).max(65535),
  names: z.array(networkName).max(10),
  version: z.number().int().min(1),
});

/** The saved setting; a missing file is the default (off). A damaged one is reported, not guessed. */
export function readServeSettings(dataDir: string): ServeSettings {
  const file = join(dataDir, SERVE_FILE);
  if (!existsSync(file)) return DEFAULT_SERVE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  const parsed = FILE_SCHEMA.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} does not hold enabled, port, names and version`);
  return parsed.data;
}

/** Writes a private file whole (a crash leaves the old one or the new one, never half). */
export function writePrivateJson(path: string, value: unknown): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(value, null, 2) + '\n', { mode: PRIVATE_FILE_MODE });
  renameSync(temp, path);
}

export function writeServeSettings(dataDir: string, settings: ServeSettings): void {
  writePrivateJson(join(dataDir, SERVE_FILE), settings);
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}
