import { listContactsOfCustomer } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { writeSearchDocument } from '../../db/search.js';
import { phoneSearchDigits } from './validation/phone.js';

/** Rewrites a customer's search document from its name and live contacts. Call inside the write's transaction. */
export async function reindexCustomer(db: Db, customerId: number, customerName: string): Promise<void> {
  const contacts = await listContactsOfCustomer(db, customerId);
  await writeSearchDocument(db, customerId, {
    names: [customerName, ...contacts.map((c) => c.name)],
    emails: contacts.flatMap((c) => (c.email ? [c.email] : [])),
    phoneDigits: contacts.flatMap((c) => [c.mobile, c.landline].flatMap((p) => (p ? phoneSearchDigits(p) : []))),
  });
}
