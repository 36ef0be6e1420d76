import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { AuditLogRow } from './tables/audit-log.table.js';

/** Adds tags a customer does not have yet. */
export async function addCustomerTags(db: Db, customerId: number, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('customer_tags')
    .values(tags.map((tag) => ({ customer_id: customerId, tag })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Hands a contact to another customer (a merge's survivor). */
export async function moveContact(db: Db, id: number, customerId: number, isPrimary: boolean, now: string): Promise<void> {
  await db
    .updateTable('contacts')
    .set((eb) => ({ customer_id: customerId, is_primary: isPrimary ? 1 : 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function recordMerge(db: Db, survivorId: number, mergedId: number, userId: number, now: string): Promise<void> {
  await db.insertInto('customer_merges').values({ survivor_id: survivorId, merged_id: mergedId, merged_by: userId, merged_at: now }).execute();
}

/** The customer and every customer merged into it, directly or through an earlier merge. */
export async function customerWithMergedIds(db: Db, customerId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE family(id) AS (
      SELECT ${customerId}
      UNION SELECT m.merged_id FROM customer_merges m JOIN family f ON m.survivor_id = f.id
    )
    SELECT id FROM family`.execute(db);
  return rows.map((r) => r.id);
}

/** A customer's audit entries, including those of the customers merged into it, oldest first. */
export async function listCustomerHistory(db: Db, customerId: number): Promise<AuditLogRow[]> {
  const ids = await customerWithMergedIds(db, customerId);
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'customer')
    .where('entity_id', 'in', ids)
    .orderBy('id')
    .execute();
}
