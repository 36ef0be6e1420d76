import { listContactsOfCustomer } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { customerSearch, writeSearchDocument, type SearchDocument } from '../../db/search.js';
import { phoneSearchDigits } from './validation/phone.js';

interface ContactChannels {
  name: string;
  email?: string | null;
  mobile?: string | null;
  landline?: string | null;
  deleted_at?: string | null;
}

/**
 * A customer's search document from its contacts' rows: the customer's name, then its live contacts
 * in the order given (listContactsOfCustomer's: primary first, then by id, which is generation order
 * in the seed). The saves' re-index (customerSearchDocument below) builds it from that query;
 * the seed and the import from rows in memory. The seed test checks the two agree.
 */
export function searchDocument(customerName: string, contacts: ContactChannels[]): SearchDocument {
  // Loops rather than filter/map/flatMap: the import builds 100k of these.
  const doc: SearchDocument = { names: [customerName], emails: [], phoneDigits: [] };
  for (const c of contacts) {
    if (c.deleted_at) continue;
    doc.names.push(c.name);
    if (c.email) doc.emails.push(c.email);
    if (c.mobile) doc.phoneDigits.push(...phoneSearchDigits(c.mobile));
    if (c.landline) doc.phoneDigits.push(...phoneSearchDigits(c.landline));
  }
  return doc;
}

/** A customer's search document: its name and its live contacts' names, emails and phone digits. */
export async function customerSearchDocument(db: Db, customerId: number, customerName: string): Promise<SearchDocument> {
  return searchDocument(customerName, await listContactsOfCustomer(db, customerId));
}

/** Rewrites a customer's search document from its name and live contacts. Call inside the write's transaction. */
export async function reindexCustomer(db: Db, customerId: number, customerName: string): Promise<void> {
  await writeSearchDocument(db, customerSearch, customerId, await customerSearchDocument(db, customerId, customerName));
}
