import SQLite from 'better-sqlite3';

/**
 * The SQLite-only parts of backup and restore, behind small functions so services never touch pragmas.
 */

export interface CopyProgress {
  totalPages: number;
  remainingPages: number;
}

/** Pages copied per step: small enough that the app's own queries run between steps. */
const PAGES_PER_STEP = 256;

/**
 * Copies the live database to a new file with SQLite's online backup API, on the app's own (writer)
 * connection: writes made through it while the copy runs go into the copy too, so the result is one
 * consistent snapshot, never a half-written file as a plain file copy of a WAL database could be.
 */
export async function copyDatabase(
  sqlite: SQLite.Database,
  destinationFile: string,
  onProgress: (progress: CopyProgress) => void = () => {},
): Promise<void> {
  await sqlite.backup(destinationFile, {
    progress: (info) => {
      onProgress(info);
      return PAGES_PER_STEP;
    },
  });
}

function withFile<T>(file: string, readonly: boolean, use: (db: SQLite.Database) => T): T {
  const db = new SQLite(file, { readonly, fileMustExist: true });
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
