import type { Db } from '../../db/connection.js';
import { leadSearch, writeSearchDocument, type SearchDocument } from '../../db/search.js';
import type { LeadRow } from '../../db/tables/lead.table.js';
import { phoneSearchDigits } from './validation/phone.js';

export type LeadSearchFields = Partial<Pick<LeadRow, 'company_name' | 'person_name' | 'email' | 'mobile' | 'landline'>>;

/** A lead's search document: its company and person, e-mail and phone digits (by the customers' rules). */
export function leadSearchDocument(lead: LeadSearchFields): SearchDocument {
  const doc: SearchDocument = { names: [], emails: [], phoneDigits: [] };
  for (const name of [lead.company_name, lead.person_name]) if (name) doc.names.push(name);
  if (lead.email) doc.emails.push(lead.email);
  for (const phone of [lead.mobile, lead.landline]) if (phone) doc.phoneDigits.push(...phoneSearchDigits(phone));
  return doc;
}

/** Writes a lead's search document from its fields. Call inside the write's transaction. */
export function reindexLead(db: Db, id: number, lead: LeadSearchFields): Promise<void> {
  return writeSearchDocument(db, leadSearch, id, leadSearchDocument(lead));
}
