import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.

const COLUMNS = [
  'id', 'customer_id', 'lead_id', 'opportunity_id', 'type', 'channel', 'direction', 'occurred_at', 'duration_minutes',
  'content', 'outcome', 'next_step', 'next_follow_up_on', 'created_by', 'created_at', 'updated_at', 'deleted_at',
  'deleted_by', 'version',
].join(', ');

/**
 * Interactions may be logged against a lead that is not a customer yet: customer_id becomes nullable
 * (conversion fills it in). SQLite cannot relax NOT NULL in place, so the table is rebuilt by SQLite's
 * documented procedure: a new table, a copy, drop the old one, rename the new one. Foreign keys are off
 * meanwhile (the pragma only works outside a transaction; this migrator runs without one), otherwise
 * dropping the old table would delete the participants that point at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('interactions_new')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        // A lead's interaction has no customer until the lead is converted. Purging a customer from the
        // trash still removes its interactions with it.
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('cascade'))
        // Kept by id without foreign keys: purging a lead or a deal must never be blocked by its history.
        .addColumn('lead_id', 'integer')
        .addColumn('opportunity_id', 'integer')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('direction', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer')
        .addColumn('content', 'text')
        .addColumn('outcome', 'text')
        .addColumn('next_step', 'text')
        .addColumn('next_follow_up_on', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await sql.raw(`INSERT INTO interactions_new (${COLUMNS}) SELECT ${COLUMNS} FROM interactions`).execute(trx);
      await trx.schema.dropTable('interactions').execute();
      // interaction_staff and interaction_contacts name "interactions": after the rename they point here.
      await trx.schema.alterTable('interactions_new').renameTo('interactions').execute();

      // The indexes of 0006, as they were.
      await trx.schema
        .createIndex('interactions_timeline')
        .on('interactions')
        .columns(['customer_id', 'occurred_at desc', 'id desc'])
        .where(sql.ref('deleted_at'), 'is', null)
        .execute();
      for (const column of ['lead_id', 'opportunity_id']) {
        await trx.schema
          .createIndex(`interactions_${column}`)
          .on('interactions')
          .columns([column, 'occurred_at desc', 'id desc'])
          .where((eb) => eb.and([eb(column, 'is not', null), eb('deleted_at', 'is', null)]))
          .execute();
      }

      const { rows } = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (rows.length > 0) throw new Error(`Rebuilding interactions broke ${rows.length} foreign key(s)`);
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
