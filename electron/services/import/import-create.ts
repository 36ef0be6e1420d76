import { createdRecord, type AuditEntry } from '../../../db/audit.repository.js';
import type { CustomerBulk } from '../../../db/import.repository.js';
import { searchDocument } from '../customer-search.js';
import type { ContactRow, NewContactRow } from '../../../db/tables/contact.table.js';
import type { CustomerRow } from '../../../db/tables/customer.table.js';
import type { CreateCustomerInput } from '../../api/schemas/customers.schema.js';
import { auditedContact, auditedCustomer } from '../audit-trail.js';
import { contactRow } from '../contacts.service.js';
import type { SessionUser } from '../context.js';
import { toContact, toCustomer } from '../customers.mappers.js';
import { newCustomerRow } from '../customers.service.js';

/**
 * Writes new customers with their primary contacts, tags, search documents and audit entries (the
 * entries the form's create writes: one for the customer, one for its contact), table by table: SQLite
 * then works in one table's pages at a time, a fifth faster than row by row. Returns the customers' ids.
 */
export function createCustomers(bulk: CustomerBulk, user: SessionUser, inputs: CreateCustomerInput[], now: string): number[] {
  const customers = inputs.map((input) => newCustomerRow(input, now));
  const ids = customers.map((row) => bulk.insertCustomer(row));
  // Index in `inputs` → the primary contact's row and id.
  const contacts = new Map<number, { row: NewContactRow; id: number }>();
  inputs.forEach(({ primaryContact }, i) => {
    if (primaryContact) contacts.set(i, { row: contactRow(ids[i]!, { ...primaryContact, isPrimary: true }, now), id: 0 });
  });
  for (const contact of contacts.values()) contact.id = bulk.insertContact(contact.row);
  inputs.forEach(({ tags }, i) => bulk.insertCustomerTags(ids[i]!, tags));
  inputs.forEach(({ name }, i) => {
    const contact = contacts.get(i);
    bulk.indexNewCustomer(ids[i]!, searchDocument(name, contact ? [contact.row] : []));
  });

  const entry = (entity: AuditEntry['entity'], entityId: number, customerId: number, record: object): AuditEntry => ({
    entity,
    entityId,
    customerId,
    op: 'create',
    userId: user.id,
    at: now,
    changes: createdRecord(record),
  });
  inputs.forEach(({ tags }, i) => {
    const stored = Object.assign(customers[i]!, { id: ids[i]!, owner_name: null }) as CustomerRow & { owner_name: null };
    bulk.insertAuditEntry(entry('customer', ids[i]!, ids[i]!, auditedCustomer(toCustomer(stored, tags))));
  });
  for (const [i, { row, id }] of contacts) {
    const stored = Object.assign(row, { id, deleted_with_customer: 0 }) as ContactRow;
    bulk.insertAuditEntry(entry('contact', id, ids[i]!, auditedContact(toContact(stored))));
  }
  return ids;
}
