import { listContactsOfCustomer } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { writeSearchDocument, type SearchDocument } from '../../db/search.js';
import { searchDocument } from '../../db/seed/search-document.js';

/** A customer's search document: its name and its live contacts' names, emails and phone digits. */
export async function customerSearchDocument(db: Db, customerId: number, customerName: string): Promise<SearchDocument> {
  return searchDocument(customerName, await listContactsOfCustomer(db, customerId));
}

/** Rewrites a customer's search document from its name and live contacts. Call inside the write's transaction. */
export async function reindexCustomer(db: Db, customerId: number, customerName: string): Promise<void> {
  await writeSearchDocument(db, customerId, await customerSearchDocument(db, customerId, customerName));
}
