import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A contact deleted together with its customer comes back with it; one the user deleted on its own
  // before stays deleted. Timestamps cannot tell the two apart (one click may delete both within the
  // same millisecond), so the cascade marks the contacts it deletes.
  await db.schema
    .alterTable('contacts')
    .addColumn('deleted_with_customer', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Contacts left live under a customer deleted before this migration: that delete meant them too.
  await sql`
    UPDATE contacts
       SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, deleted_with_customer = 1, version = contacts.version + 1
      FROM customers c
     WHERE c.id = contacts.customer_id AND c.deleted_at IS NOT NULL AND contacts.deleted_at IS NULL`.execute(db);
  // The search index holds live customers only; a restore writes the document again.
  for (const index of ['customer_search', 'customer_search_pairs']) {
    await sql`DELETE FROM ${sql.table(index)} WHERE rowid IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)`.execute(db);
  }

  // The trash lists deleted rows newest first. Partial indexes hold only the deleted rows, and a
  // query for live rows (deleted_at IS NULL) can never pick them, so list plans stay as they are.
  await sql`CREATE INDEX customers_trash ON customers (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contacts_trash ON contacts (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);

  // The customer a change belongs to, so a customer's timeline (its own changes and its contacts')
  // is one index range, and survives the purge of a contact.
  await db.schema.alterTable('audit_log').addColumn('customer_id', 'integer').execute();
  await sql`UPDATE audit_log SET customer_id = entity_id WHERE entity = 'customer'`.execute(db);
  await sql`
    UPDATE audit_log SET customer_id = (SELECT customer_id FROM contacts WHERE contacts.id = audit_log.entity_id)
     WHERE entity = 'contact'`.execute(db);
  await db.schema.createIndex('audit_log_customer').on('audit_log').columns(['customer_id', 'id']).execute();
}
