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
  const live = contacts.filter((c) => !c.deleted_at);
  return {
    names: [customerName, ...live.map((c) => c.name)],
    emails: live.flatMap((c) => (c.email ? [c.email] : [])),
    phoneDigits: live.flatMap((c) => [c.mobile, c.landline].flatMap((p) => (p ? phoneSearchDigits(p) : []))),
  };
}
