import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { BoundedWaitSqliteDialect } from './bounded-wait-dialect.js';
import type { Database } from './schema.js';
import { statementCache } from './statement-cache.js';

export type Db = Kysely<Database>;

// The Electron build of better-sqlite3, when this process is the unpackaged desktop app (see useNativeBinding).
let nativeBinding: string | undefined;

/**
 * Makes every database this process opens (the office file, backup copies, restore candidates, worker
 * threads told of it through nativeBindingInUse) load better-sqlite3 from `path`: the desktop shell's
 * Electron build. Set once at start; Node (tests, the headless host) keeps the default build.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export const nativeBindingInUse = (): string | undefined => nativeBinding;

/** A better-sqlite3 handle on `file` with the process's build. */
export function openSqlite(file: string, options: SQLite.Options = {}): SQLite.Database {
  return new SQLite(file, { ...(nativeBinding ? { nativeBinding } : {}), ...options });
}

export interface Connection {
  db: Db;
  /** The raw handle, for the few SQLite-only operations kept in db/ (backup API, pragmas). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Opens the office database with the pragmas the whole app relies on.
 *
 * synchronous=FULL: in WAL mode NORMAL survives an app crash but may lose the last commits on a power
 * cut. Office PCs do lose power, "never loses a record" is the promise, and a person saving a form can
 * afford the extra fsync (bulk work batches many rows per transaction), so we pay for FULL.
 *
 * cache_size = 64 MB (default 2 MB): at 100k customers the list's indexes are a few MB each, and a deep
 * page or a count walks one of them; kept in SQLite's own cache those walks took a third to half less
 * time than re-reading pages from the OS (npm run bench). Memory is only used as pages are read.
 */
interface Handle {
  sqlite: SQLite.Database;
  /** The connection's statement cache, shared with Kysely's queries. */
  prepare: (sql: string) => SQLite.Statement;
}

// The better-sqlite3 handle under each Kysely instance openDatabase made (see sqliteHandleOf).
const handles = new WeakMap<Db, Handle>();

/**
 * The raw handle under `db`, for db/'s bulk paths (prepared statements reused across thousands of rows).
 * Only for a Kysely instance openDatabase returned, not a transaction; use it only while holding the
 * connection through Kysely (db/import.repository.ts bulkSession), so no other request's transaction
 * is open on it at the time.
 */
export function sqliteHandleOf(db: Db): SQLite.Database {
  const handle = handles.get(db);
  if (!handle) throw new Error('Not a database opened by openDatabase');
  return handle.sqlite;
}

/**
 * The prepared statements of `db`'s connection for a read that may run at once, without queuing for
 * the connection through Kysely; undefined where it must queue. A synchronous read cannot interleave
 * with other work, so it is safe whenever no transaction is open: one that is (another request's, or
 * the caller's own) holds rows the read must not see, or must see through the transaction itself.
 * `db` must be the instance openDatabase returned; a transaction's queries go through the transaction.
 */
export function idleStatements(db: Db): ((sql: string) => SQLite.Statement) | undefined {
  const handle = handles.get(db);
  return handle && handle.sqlite.open && !handle.sqlite.inTransaction ? handle.prepare : undefined;
}

export function openDatabase(file: string, options: { connectionWaitMs?: number } = {}): Connection {
  const sqlite = openSqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  const prepare = statementCache(sqlite);
  const dialect = new BoundedWaitSqliteDialect({ database: { prepare, close: () => sqlite.close() } }, options.connectionWaitMs);
  const db = new Kysely<Database>({ dialect });
  handles.set(db, { sqlite, prepare });
  return {
    db,
    sqlite,
    close: async () => {
      // Keeps the query planner's statistics fresh for the next start (cheap; SQLite decides what to analyze).
      if (sqlite.open) sqlite.pragma('optimize');
      // Kysely's destroy() closes the better-sqlite3 handle too.
      await db.destroy();
    },
  };
}
