import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // Purging a customer from the trash removes its interactions with it (soft deletes never cascade).
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // Leads and opportunities are built alongside this table; their foreign keys come with a later
    // migration once both tables exist.
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
  // The customer timeline, newest first, read in index order one page at a time (keyset on
  // occurred_at, id); the same index answers "latest contact of this customer". Live rows only.
  await db.schema
    .createIndex('interactions_timeline')
    .on('interactions')
    .columns(['customer_id', 'occurred_at desc', 'id desc'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  for (const column of ['lead_id', 'opportunity_id']) {
    await db.schema
      .createIndex(`interactions_${column}`)
      .on('interactions')
      .columns([column, 'occurred_at desc', 'id desc'])
      .where((eb) => eb.and([eb(column, 'is not', null), eb('deleted_at', 'is', null)]))
      .execute();
  }

  // Who took part: colleagues and the customer's contacts. Link rows only, so no rowid of their own.
  await db.schema
    .createTable('interaction_staff')
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('interaction_staff_pk', ['interaction_id', 'user_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('interaction_staff_user').on('interaction_staff').columns(['user_id', 'interaction_id']).execute();

  await db.schema
    .createTable('interaction_contacts')
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_contacts_pk', ['interaction_id', 'contact_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('interaction_contacts_contact')
    .on('interaction_contacts')
    .columns(['contact_id', 'interaction_id'])
    .execute();
}
