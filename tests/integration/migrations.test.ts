import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { APP_SCHEMA_VERSION, DatabaseTooNewError, migrateToLatest, schemaVersion } from '../../db/migrate.js';
import { createHost, DATABASE_FILE } from '../../electron/host.js';
import { migrations } from '../../migrations/index.js';
import { tempDir } from '../helpers/test-host.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('build an empty database up to the current schema, and are idempotent', async () => {
    const dir = freshDir();
    const { db, close } = openDatabase(join(dir, DATABASE_FILE));
    const first = await migrateToLatest(db);
    expect(first.schemaVersion).toBe(APP_SCHEMA_VERSION);
    expect(first.applied).toEqual(Object.keys(migrations));
    const second = await migrateToLatest(db);
    expect(second).toEqual({ schemaVersion: APP_SCHEMA_VERSION, applied: [] });
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['customers', 'contacts', 'users', 'sessions', 'audit_log']));
    await close();
  });

  it('open the database with WAL, foreign keys, a busy timeout and synchronous=FULL', async () => {
    const dir = freshDir();
    const { sqlite, close } = openDatabase(join(dir, DATABASE_FILE));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await close();
  });

  it('a database written by a newer app is refused with a clear message and left byte-for-byte untouched', async () => {
    const dir = freshDir();
    const file = join(dir, DATABASE_FILE);
    const host = await createHost({ dataDir: dir });
    await host.close();
    // A later version of the app would have recorded a migration this build does not know.
    const raw = new SQLite(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    const error = await createHost({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer version of the office CRM.*9999-from-the-future.*has not been changed/s);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM kysely_migration').get()).toEqual({ n: APP_SCHEMA_VERSION + 1 });
    reopened.close();
  });

  it('reports the schema version of an existing database', async () => {
    const dir = freshDir();
    const { db, close } = openDatabase(join(dir, DATABASE_FILE));
    expect(await schemaVersion(db)).toBe(0);
    await migrateToLatest(db);
    expect(await schemaVersion(db)).toBe(APP_SCHEMA_VERSION);
    await close();
  });
});
