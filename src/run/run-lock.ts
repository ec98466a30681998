/**
 * One classify run per output folder. The lock is `<out>/run.lock`, a one-table SQLite file held in SQLite's
 * exclusive locking mode, that is, a lock the operating system holds for this process: it ends when the
 * process ends, however it ends (kill -9 included), so there is no stale lock to detect and no reused PID to
 * be fooled by, which a PID file cannot promise. The holder's PID and start time are written to the run
 * store's `meta` table, where a refused process reads them for its message.
 *
 * The lock is for classify runs only. Another process may open run.sqlite itself at any time (evaluate, the
 * reading server with its own tables): the store is in WAL mode and every connection waits for a busy lock
 * (better-sqlite3's 5 s busy timeout) instead of failing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import { storageError } from './storage-error.js';

export const LOCK_FILE = 'run.lock';

export interface LockHolder {
  pid: number;
  startedAt: string;
}

export interface RunLock {
  release(): void;
}

/**
 * Takes the folder's lock or refuses (exit 2) naming the run that holds it; `holder` reads who that is from
 * the run store (written by `RunStore.recordHolder` right after a run takes the lock).
 */
export function acquireRunLock(outDir: string, holder: () => LockHolder | undefined): RunLock {
  const path = join(outDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 0 });
  } catch (error) {
    throw storageError(path, error);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY'); // no journal file beside the lock
    // The first write takes SQLite's exclusive lock; in exclusive locking mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (taken_at TEXT); DELETE FROM lock; INSERT INTO lock VALUES (datetime()); COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw storageError(path, error);
    const who = holder();
    // A library script may start two runs on one folder itself: then the holder is this very process.
    const named = !who ? 'it has just started' : who.pid === process.pid ? `a run of this same process, started ${who.startedAt}` : `PID ${who.pid}, started ${who.startedAt}`;
    throw new StorageError(path, `${outDir}: another cmrdx run is using this output folder (${named})`, {
      code: 'storage.locked',
      hint: 'Wait for it to finish, stop it, or choose another --out folder; --fresh cannot start over under a running run either',
    });
  }
  return { release: () => db.open && db.close() };
}
