import { writeAudit, type AuditEntry, type FieldChanges } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import type { UserContext } from './context.js';
import type { Contact, Customer } from './customers.mappers.js';
import type { Interaction } from './interactions.mappers.js';

/**
 * What the audit log keeps of a customer: the fields a user edits, not bookkeeping (id, version,
 * timestamps) or names derived from ids (the owner's name is looked up when the history is shown).
 */
export function auditedCustomer(customer: Customer & { contacts?: unknown }) {
  const { id: _id, ownerName: _owner, createdAt: _c, updatedAt: _u, version: _v, contacts: _k, ...fields } = customer;
  return fields;
}

/** What the audit log keeps of a contact (its customer is the entry's customer). */
export function auditedContact(contact: Contact) {
  const { id: _id, customerId: _cid, createdAt: _c, updatedAt: _u, version: _v, ...fields } = contact;
  return fields;
}

/** What the audit log keeps of an interaction: what was logged, not bookkeeping (the entry says who and when). */
export function auditedInteraction(interaction: Interaction) {
  const { id: _id, customerId: _c, createdBy: _b, createdAt: _ca, updatedAt: _u, version: _v, ...fields } = interaction;
  return fields;
}

/** Writes one audit entry by the signed-in user at `at`; call inside the change's transaction. */
export function recordChange(db: Db, ctx: UserContext, at: string, entry: Omit<AuditEntry, 'userId' | 'at'>): Promise<void> {
  return writeAudit(db, { ...entry, userId: ctx.user.id, at });
}

export interface CascadeRecord {
  id: number;
  changes?: FieldChanges;
}

/**
 * A customer's delete, restore or purge, which carries its contacts along: one entry for the customer and
 * one per contact, so each record's own history is complete.
 */
export async function recordWithContacts(
  db: Db,
  ctx: UserContext,
  at: string,
  op: AuditOp,
  customer: CascadeRecord,
  contacts: CascadeRecord[],
): Promise<void> {
  const customerId = customer.id;
  await recordChange(db, ctx, at, { entity: 'customer', entityId: customerId, customerId, op, changes: customer.changes ?? {} });
  for (const contact of contacts) {
    await recordChange(db, ctx, at, { entity: 'contact', entityId: contact.id, customerId, op, changes: contact.changes ?? {} });
  }
}

/** The change events of such a cascade, published after commit. */
export function publishWithContacts(ctx: UserContext, op: AuditOp, customerId: number, contactIds: number[]): void {
  ctx.events.publish({ entity: 'customer', id: customerId, op });
  for (const id of contactIds) ctx.events.publish({ entity: 'contact', id, op });
}
