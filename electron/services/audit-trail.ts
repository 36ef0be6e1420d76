import { writeAudit, type AuditEntry } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import type { UserContext } from './context.js';
import type { Contact, Customer } from './customers.mappers.js';

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

/** Writes one audit entry by the signed-in user at `at`; call inside the change's transaction. */
export function recordChange(db: Db, ctx: UserContext, at: string, entry: Omit<AuditEntry, 'userId' | 'at'>): Promise<void> {
  return writeAudit(db, { ...entry, userId: ctx.user.id, at });
}
