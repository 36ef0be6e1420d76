import type { Db } from './connection.js';

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

/**
 * The merged customer's timeline becomes the survivor's: every audit entry shown on it (its own and its
 * contacts') is shown on the survivor's. The entries keep naming the record they were about.
 */
export async function moveTimeline(db: Db, fromCustomerId: number, toCustomerId: number): Promise<void> {
  await db.updateTable('audit_log').set({ customer_id: toCustomerId }).where('customer_id', '=', fromCustomerId).execute();
}

/**
 * The merged customer's interactions, deals and tasks (by customer, and those linked to it) become the
 * survivor's. Versions move on, so a colleague's form still showing the old customer gets a conflict.
 */
export async function moveCustomerRecords(db: Db, fromCustomerId: number, toCustomerId: number, now: string): Promise<void> {
  for (const table of ['interactions', 'opportunities', 'tasks'] as const) {
    await db
      .updateTable(table)
      .set((eb) => ({ customer_id: toCustomerId, updated_at: now, version: eb('version', '+', 1) }))
      .where('customer_id', '=', fromCustomerId)
      .execute();
  }
  await db
    .updateTable('tasks')
    .set({ linked_id: toCustomerId })
    .where('linked_type', '=', 'customer')
    .where('linked_id', '=', fromCustomerId)
    .execute();
}
