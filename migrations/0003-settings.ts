import type { Kysely } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
/** Small app settings (backups first), one JSON value per key, so areas add settings without migrations. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
