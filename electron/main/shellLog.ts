/**
 * The desktop shell's log: `logs/pelita.log` in the data folder, one line per event (window
 * crashes, hangs, failed loads, backend restarts), so the admin can see afterwards what
 * happened on a PC. Rotated by size: at MAX_BYTES the file becomes pelita.1.log (pelita.2.log
 * …) and at most KEEP old files stay. Never holds personal data: only the shell's own events.
 */
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TIME_ZONE } from '../../shared/format';
import { zoneOffsetMinutes } from '../../shared/time';
import { makePrivateDir } from '../backend/lib/privateFiles';

export const LOG_FILE = 'pelita.log';
export const MAX_BYTES = 1024 * 1024;
export const KEEP = 4;

export interface ShellLog {
  /** The folder the admin opens. */
  dir: string;
  write(line: string): void;
}

/** `2026-12-01 11:52:03 WITA`: the office's wall clock, as everywhere else in Pelita. */
export function officeTimestamp(at: Date): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(DEFAULT_TIME_ZONE, at) * 60_000);
  return local.toISOString().slice(0, 19).replace('T', ' ') + ' WITA';
}

const rotated = (dir: string, n: number) => join(dir, `pelita.${n}.log`);

function rotate(dir: string, keep: number): void {
  rmSync(rotated(dir, keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(rotated(dir, n))) renameSync(rotated(dir, n), rotated(dir, n + 1));
  }
  renameSync(join(dir, LOG_FILE), rotated(dir, 1));
}

export function openShellLog(
  dir: string,
  opts: { maxBytes?: number; keep?: number; now?: () => Date; echo?: (line: string) => void } = {},
): ShellLog {
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  const keep = opts.keep ?? KEEP;
  const now = opts.now ?? (() => new Date());
  const echo = opts.echo ?? ((line: string) => console.error('[pelita] ' + line));
  return {
    dir,
    write(line) {
      echo(line);
      // A log that cannot be written must never stop the app: the console still has the line.
      try {
        makePrivateDir(dir);
        const file = join(dir, LOG_FILE);
        if (existsSync(file) && statSync(file).size >= maxBytes) rotate(dir, keep);
        appendFileSync(file, `${officeTimestamp(now())} ${line.replace(/\s+/g, ' ')}\n`, {
          mode: 0o600,
        });
      } catch (e) {
        console.error('[pelita] could not write the log', e);
      }
    },
  };
}
