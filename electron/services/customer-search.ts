import { listContactsOfCustomer } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { writeSearchDocument, type SearchDocument } from '../../db/search.js';
import { phoneSearchDigits } from './validation/phone.js';

/** A customer's search document: its name and its live contacts' names, emails and phone digits. */
export async function customerSearchDocument(db: Db, customerId: number, customerName: string): Promise<SearchDocument> {
  const contacts = await listContactsOfCustomer(db, customerId);
  return {
    names: [customerName, ...contacts.map((c) => c.name)],
    emails: contacts.flatMap((c) => (c.email ? [c.email] : [])),
    phoneDigits: contacts.flatMap((c) => [c.mobile, c.landline].flatMap((p) => (p ? phoneSearchDigits(p) : []))),
  };
}

/** Rewrites a customer's search document from its name and live contacts. Call inside the write's transaction. */
export async function reindexCustomer(db: Db, customerId: number, customerName: string): Promise<void> {
  await writeSearchDocument(db, customerId, await customerSearchDocument(db, customerId, customerName));
}
