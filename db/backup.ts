import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import type SQLite from 'better-sqlite3';
import { nativeBindingInUse, openSqlite } from './connection.js';
import type { BackupJob } from './backup-worker.js';
import { runWorker } from './worker-thread.js';

/**
 * The SQLite-only parts of backup and restore, behind small functions so services never touch pragmas.
 */

const BACKUP_WORKER = new URL('./backup-worker.js', import.meta.url);

export interface CopyProgress {
  totalPages: number;
  remainingPages: number;
}

/** How far backUpDatabase got: copying (pages), then checking the copy. */
export type BackupCopyProgress = ({ phase: 'copying' } & CopyProgress) | { phase: 'checking' };

/** Pages copied per step (4 MB): the copy runs on its own thread, steps only pace the progress reports. */
const PAGES_PER_STEP = 1024;
/** Steps between flushes of the copy to disk (16 MB). */
const STEPS_PER_FLUSH = 4;

/**
 * Copies the database file to a new file with SQLite's online backup API, on a connection of its own
 * holding one read transaction throughout: every step reads the same snapshot, so the app's writes
 * meanwhile (on its own connection; WAL lets them go on) neither restart the copy nor get half into it.
 * Never a half-written file, as a plain file copy of a WAL database could be. The copy is flushed to
 * disk as it grows: hundreds of MB left to the OS to write at once made every save's fsync wait behind
 * them (npm run bench, "saves while the backup runs").
 */
export async function snapshotDatabase(
  databaseFile: string,
  destinationFile: string,
  onProgress: (progress: CopyProgress) => void = () => {},
): Promise<void> {
  const source = openSqlite(databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_schema').get(); // starts the read transaction now
    let steps = 0;
    await source.backup(destinationFile, {
      progress: (info) => {
        onProgress(info);
        if (++steps % STEPS_PER_FLUSH === 0) flushFileToDisk(destinationFile);
        return PAGES_PER_STEP;
      },
    });
    source.exec('COMMIT');
  } finally {
    source.close();
  }
}

/** fdatasync of a file written by someone else (SQLite, a copy): what it holds is on disk, not only in the OS cache. */
export function flushFileToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function withFile<T>(file: string, readonly: boolean, use: (db: SQLite.Database) => T): T {
  const db = openSqlite(file, { readonly, fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function checkResult(rows: unknown[]): string[] {
  const messages = rows.map((row) => String(Object.values(row as object)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** The problems `PRAGMA quick_check` finds in a database file (empty when it is sound). */
export function quickCheck(file: string): string[] {
  return withFile(file, true, (db) => checkResult(db.pragma('quick_check') as unknown[]));
}

/** The problems the full `PRAGMA integrity_check` finds (empty when it is sound). Throws on a non-database file. */
export function integrityCheck(file: string): string[] {
  return withFile(file, true, (db) => checkResult(db.pragma('integrity_check') as unknown[]));
}

/** Row counts of the app's tables (not SQLite's own, the search indexes' shadow tables or the migration bookkeeping), by name. */
export function tableRowCounts(file: string): Record<string, number> {
  return withFile(file, true, (db) => {
    const tables = db
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts: Record<string, number> = {};
    for (const name of tables) {
      counts[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
    }
    return counts;
  });
}

/**
 * Makes a database file stand alone: its WAL folded back into the main file and rollback journaling,
 * so it can be moved, hashed or zipped as one file.
 */
export function settleDatabaseFile(file: string): void {
  withFile(file, false, (db) => {
    db.pragma('journal_mode = DELETE');
  });
}

export interface CopyCheck {
  /** What quick_check found in the copy; empty when it is sound. */
  problems: string[];
  /** tableRowCounts of a sound copy. */
  rowCounts: Record<string, number>;
}

/**
 * A checked copy of the database for a backup, made on a worker thread (db/backup-worker.ts):
 * snapshotDatabase, then settleDatabaseFile, quickCheck and tableRowCounts of the copy. At 100k
 * customers these read and write the whole file for tens of seconds; on the main thread every request
 * and save waited for their steps (npm run bench, "longest write stall during backup": 4.6 s).
 */
export function backUpDatabase(databaseFile: string, copyFile: string, onProgress: (progress: BackupCopyProgress) => void): Promise<CopyCheck> {
  return runWorker(BACKUP_WORKER, { job: 'back-up', databaseFile, copyFile, nativeBinding: nativeBindingInUse() } satisfies BackupJob, onProgress);
}

/** integrityCheck on a worker thread: a restore checks the whole file while the app goes on serving. */
export function checkIntegrity(file: string): Promise<string[]> {
  return runWorker(BACKUP_WORKER, { job: 'integrity-check', file, nativeBinding: nativeBindingInUse() } satisfies BackupJob);
}
