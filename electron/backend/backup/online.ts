/**
 * SQLite's online backup on the backend's own connection, stepped only between transactions.
 * better-sqlite3's `backup()` steps on every turn of the event loop, but a dispatch transaction
 * spans several turns, and SQLite refuses a step while the same connection is writing
 * (SQLITE_LOCKED), so under steady writes it fails. Here each step waits until no transaction is
 * open; writes made between steps are carried into the copy by SQLite itself.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';

/** About 4 MB a step with 4 KB pages: a few milliseconds each. */
const PAGES_PER_STEP = 1000;

interface NativeBackup {
  transfer(pages: number): { totalPages: number; remainingPages: number };
  close(): void;
}
interface NativeDatabase {
  backup(db: BetterSqlite3.Database, attached: string, file: string, isNew: boolean): NativeBackup;
}

/** The native handle better-sqlite3 keeps under a private symbol (lib/util.js `cppdb`). */
function nativeOf(sqlite: BetterSqlite3.Database): NativeDatabase {
  for (const s of Object.getOwnPropertySymbols(sqlite)) {
    const v = (sqlite as unknown as Record<symbol, unknown>)[s];
    if (v && typeof (v as NativeDatabase).backup === 'function') return v as NativeDatabase;
  }
  throw new Error('better-sqlite3 native handle not found');
}

export async function onlineBackup(sqlite: BetterSqlite3.Database, file: string): Promise<void> {
  const backup = nativeOf(sqlite).backup(sqlite, 'main', file, true);
  try {
    for (;;) {
      if (sqlite.inTransaction) {
        await sleep(1);
        continue;
      }
      if (backup.transfer(PAGES_PER_STEP).remainingPages === 0) return;
      await nextTurn();
    }
  } finally {
    backup.close();
  }
}
