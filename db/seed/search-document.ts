import type { SearchDocument } from '../search.js';
import { phoneSearchDigits } from '../../electron/services/validation/phone.js';

interface ContactChannels {
  name: string;
  email?: string | null;
  mobile?: string | null;
  landline?: string | null;
  deleted_at?: string | null;
}

/**
 * The search document reindexCustomer (electron/services/customer-search.ts) builds, from rows in
 * memory instead of a query: the customer's name, then its live contacts in the order
 * listContactsOfCustomer returns them (primary first, then by id, which is generation order here).
 * The seed test checks the two agree.
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
