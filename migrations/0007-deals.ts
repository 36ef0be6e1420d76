import { type Kysely, sql } from 'kysely';

/**
 * Sales opportunities (deals) in a configurable pipeline.
 *
 * Frozen once released: never edit; add a new migration instead.
 */

/** The default pipeline. Stages carry a translation key (label_key) until the owner renames them. */
const DEFAULT_STAGES = [
  { label_key: 'initialContact', probability: 10, outcome: 'open' },
  { label_key: 'needsConfirmed', probability: 30, outcome: 'open' },
  { label_key: 'proposal', probability: 50, outcome: 'open' },
  { label_key: 'negotiation', probability: 80, outcome: 'open' },
  { label_key: 'won', probability: 100, outcome: 'won' },
  { label_key: 'lost', probability: 0, outcome: 'lost' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pipeline_stages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // Exactly one of the two: a default stage's translation key, or the text a user gave it.
    .addColumn('label_key', 'text')
    .addColumn('name', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull().check(sql`probability BETWEEN 0 AND 100`))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('open', 'won', 'lost')`))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('pipeline_stages_label', sql`(label_key IS NULL) <> (name IS NULL)`)
    .execute();

  // One row of pipeline settings (id is always 1).
  await db.schema
    .createTable('pipeline_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('idle_days', 'integer', (c) => c.notNull().check(sql`idle_days BETWEEN 1 AND 365`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('expected_close_on', 'text')
    // JSON arrays of short texts: free-form until a product catalogue exists.
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('competitors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('pipeline_stages.id'))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('notes', 'text')
    .addColumn('lost_reason', 'text')
    .addColumn('won_at', 'text')
    .addColumn('lost_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('stage_entered_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The board: a column's cards (newest in the stage first) and its totals come from one range of this
  // index; it covers the totals and the idle count, so they never read the table.
  await sql`CREATE INDEX opportunities_board ON opportunities
    (stage_id, stage_entered_at DESC, id DESC, currency, amount_minor, last_activity_at, customer_id)
    WHERE deleted_at IS NULL`.execute(db);
  // The customer page and the customer list's "open deals" columns.
  await sql`CREATE INDEX opportunities_customer ON opportunities (customer_id, closed_at) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX opportunities_owner ON opportunities (owner_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX opportunities_expected_close ON opportunities (expected_close_on) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX opportunities_updated ON opportunities (updated_at) WHERE deleted_at IS NULL`.execute(db);

  await db.schema
    .createTable('opportunity_stage_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('opportunity_id', 'integer', (c) => c.notNull().references('opportunities.id'))
    // Null on the first row: the stage a deal was created in.
    .addColumn('from_stage_id', 'integer', (c) => c.references('pipeline_stages.id'))
    .addColumn('to_stage_id', 'integer', (c) => c.notNull().references('pipeline_stages.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('opportunity_stage_changes_opportunity')
    .on('opportunity_stage_changes')
    .columns(['opportunity_id', 'id'])
    .execute();
  await db.schema.createIndex('opportunity_stage_changes_at').on('opportunity_stage_changes').column('at').execute();

  const now = new Date().toISOString();
  await db
    .insertInto('pipeline_stages')
    .values(DEFAULT_STAGES.map((stage, position) => ({ ...stage, name: null, position, created_at: now, updated_at: now })))
    .execute();
  await db.insertInto('pipeline_settings').values({ id: 1, idle_days: 14, updated_at: now }).execute();
}
