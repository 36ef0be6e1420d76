import { Migrator, sql, type MigrationProvider } from 'kysely';
import { migrations } from '../migrations/index.js';
import type { Db } from './connection.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The schema version this build of the app writes: the number of migrations it knows. */
export const APP_SCHEMA_VERSION = Object.keys(migrations).length;

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was written by a newer version of the office CRM (it has migrations ` +
        `${unknownMigrations.join(', ')} that this version does not know). Install the newer version ` +
        `to open it. The database has not been changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationFailedError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`Updating the database failed at step ${migration}: ${String(cause)}. The database was left as it was.`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  const names = rows.map((r) => r.name);
  const unknown = names.filter((n) => !(n in migrations));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
  return names;
}

/**
 * Brings the database up to this app's schema. Forward-only. A database from a newer app is refused
 * untouched: never deleted, replaced or "repaired".
 */
export async function migrateToLatest(db: Db): Promise<{ schemaVersion: number; applied: string[] }> {
  await appliedMigrations(db);
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName ?? 'unknown', error);
  }
  return { schemaVersion: await schemaVersion(db), applied: results.map((r) => r.migrationName) };
}

export async function schemaVersion(db: Db): Promise<number> {
  return (await appliedMigrations(db)).length;
}
