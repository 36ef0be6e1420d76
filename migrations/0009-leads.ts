import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A lead: a company and a person not yet a customer. The source is free text from the editable list
  // (settings "leads.sources"); owner_id NULL puts the lead in the public pool. A converted lead keeps
  // the customer it became.
  await db.schema
    .createTable('leads')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_name', 'text')
    .addColumn('person_name', 'text')
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('landline', 'text')
    .addColumn('email', 'text')
    .addColumn('wechat_id', 'text')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('notes', 'text')
    .addColumn('source', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    // No foreign keys to customers here or in pool_holdings: purging a customer from the trash must not
    // be blocked by a lead it came from or by its pool bookkeeping.
    .addColumn('converted_customer_id', 'integer')
    .addColumn('converted_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Lists read live leads by owner (a rep's own, the pool's NULL owner) newest first.
  await db.schema
    .createIndex('leads_live_owner')
    .on('leads')
    .columns(['owner_id', 'updated_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('leads_live_updated')
    .on('leads')
    .columns(['updated_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  // Rules that route a new lead by its source or region to a user or a team, first match wins.
  await db.schema
    .createTable('lead_assignment_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('match_field', 'text', (c) => c.notNull())
    .addColumn('match_value', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .execute();

  // The round-robin rotation of each team: how many leads each rep got from it and when last, so the
  // next lead goes to the rep with the fewest, the longest-waiting first.
  await db.schema
    .createTable('lead_rotation')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_count', 'integer', (c) => c.notNull())
    .addColumn('last_assigned_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_rotation_pk', ['team_id', 'user_id'])
    .execute();

  // Since when a customer's current owner holds it and whether the recycling warning for this holding
  // was written: the recycling clock starts at the later of the last follow-up and the claim.
  await db.schema
    .createTable('pool_holdings')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey())
    .addColumn('held_since', 'text', (c) => c.notNull())
    .addColumn('warned_for', 'text')
    .execute();
  // Customers owned before this version start their first cycle now, rather than all falling into the
  // pool at the first check because nobody logged a follow-up yet.
  await sql`INSERT INTO pool_holdings (customer_id, held_since, warned_for)
    SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL FROM customers WHERE owner_id IS NOT NULL AND deleted_at IS NULL`.execute(db);
}
