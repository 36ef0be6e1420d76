import { createdRecord, diffRecords } from '../../../db/audit.repository.js';
import { findContact, findContacts, insertContact, listContactsOfCustomer, updateContactIfVersion } from '../../../db/contact.repository.js';
import type { Db } from '../../../db/connection.js';
import {
  findCustomerTags,
  findTagsOfCustomers,
  findVisibleCustomer,
  findVisibleCustomers,
  replaceCustomerTags,
  updateCustomerIfVersion,
  type VisibleCustomerRow,
} from '../../../db/customer.repository.js';
import type { ContactRow } from '../../../db/tables/contact.table.js';
import type { Viewer } from '../../../db/visibility.js';
import { changedColumns } from '../../../db/versioned.js';
import type { ContactFields, CreateCustomerInput, CustomerFields } from '../../api/schemas/customers.schema.js';
import { contactRow } from '../contacts.service.js';
import { auditedContact, recordChange } from '../audit-trail.js';
import type { UserContext } from '../context.js';
import { toContact, toCustomer } from '../customers.mappers.js';
import { customerColumns } from '../customers.service.js';
import { CUSTOMER_IMPORT_FIELDS, type ImportField } from './import-fields.js';

/** The contact fields of an import row, by the name ContactFields gives them. */
const CONTACT_FIELD_OF: Partial<Record<ImportField, keyof ContactFields>> = {
  contactName: 'name',
  title: 'title',
  mobile: 'mobile',
  landline: 'landline',
  email: 'email',
  wechatId: 'wechatId',
  gender: 'gender',
  birthday: 'birthday',
};

/** Copies the fields the row gave (non-blank cells) over what is stored; blank cells never erase anything. */
function overlay<T extends object>(stored: T, given: Partial<T>, keys: (keyof T)[]): T {
  const merged = { ...stored };
  for (const key of keys) if (key in given) merged[key] = given[key] as T[keyof T];
  return merged;
}

/** An existing record a row matched: the customer, and the contact when it matched by a contact's channel. */
export interface RecordMatch {
  customerId: number;
  contactId: number | null;
}

/**
 * The records a batch's rows matched, as they were when the batch began: read in three queries for the
 * batch instead of three a row. Each is handed out once; a second row of the batch matching the same
 * customer or contact reads it again, since the first row may have changed it.
 */
export class MatchedRecords {
  private constructor(
    private readonly customers: Map<number, VisibleCustomerRow>,
    private readonly tags: Map<number, string[]>,
    private readonly contacts: Map<number, ContactRow>,
  ) {}

  static async read(db: Db, viewer: Viewer, matches: RecordMatch[]): Promise<MatchedRecords> {
    const customerIds = [...new Set(matches.map((m) => m.customerId))];
    const contactIds = matches.flatMap((m) => (m.contactId === null ? [] : [m.contactId]));
    const [customers, tags, contacts] = await Promise.all([
      findVisibleCustomers(db, viewer, customerIds),
      findTagsOfCustomers(db, customerIds),
      findContacts(db, contactIds),
    ]);
    return new MatchedRecords(customers, tags, contacts);
  }

  /** The live customer the viewer may see with its tags, or null. */
  async customer(db: Db, viewer: Viewer, id: number): Promise<{ row: VisibleCustomerRow; tags: string[] } | null> {
    const read = this.customers.get(id);
    if (read) {
      this.customers.delete(id);
      return { row: read, tags: this.tags.get(id) ?? [] };
    }
    const row = await findVisibleCustomer(db, viewer, id);
    return row ? { row, tags: await findCustomerTags(db, id) } : null;
  }

  /** The live contact, or undefined. */
  async contact(db: Db, id: number): Promise<ContactRow | undefined> {
    const read = this.contacts.get(id);
    if (!read) return findContact(db, id);
    this.contacts.delete(id);
    return read;
  }
}

/**
 * The "update the existing record" duplicate policy for one row, inside the import's transaction: the
 * customer keeps its name, takes the row's other non-blank fields and gains its tags; the matched contact takes the row's
 * contact fields, or the row's contact is added when the match was by company name. Returns the
 * customer to re-index when a contact was added or changed (its name stays, and its other fields are
 * not in the search document), else null.
 */
export async function updateFromRow(
  trx: Db,
  ctx: UserContext,
  records: MatchedRecords,
  match: RecordMatch,
  input: CreateCustomerInput,
  provided: Set<ImportField>,
  now: string,
): Promise<{ id: number; name: string } | null> {
  const found = await records.customer(trx, ctx.user, match.customerId);
  if (!found) return null;
  const { row, tags } = found;
  const { id: _id, ownerName: _o, lastContactedAt: _l, createdAt: _c, updatedAt: _u, version: _v, ...before } = toCustomer(row, tags);
  // The name stays: it is what the record is known by, and the row may spell it differently (that is how it matched).
  const givenFields = CUSTOMER_IMPORT_FIELDS.filter((field) => provided.has(field) && field !== 'tags' && field !== 'name');
  const after: CustomerFields = { ...overlay(before, input, givenFields), tags: [...new Set([...tags, ...input.tags])] };
  const changes = diffRecords(before, after);
  if (Object.keys(changes).length > 0) {
    await updateCustomerIfVersion(trx, row.id, row.version, { ...changedColumns(row, customerColumns(after)), updated_at: now });
    if (changes.tags) await replaceCustomerTags(trx, row.id, after.tags);
    await recordChange(trx, ctx, now, { entity: 'customer', entityId: row.id, customerId: row.id, op: 'update', changes });
  }
  const given = input.primaryContact;
  const stored = given && match.contactId !== null ? await records.contact(trx, match.contactId) : undefined;
  const contactChanged = given ? await mergeContact(trx, ctx, row.id, stored, given, provided, now) : false;
  return contactChanged ? { id: row.id, name: after.name } : null;
}

/** The row's contact merged into the matched one (`stored`), or added; whether a contact was added or changed. */
async function mergeContact(
  trx: Db,
  ctx: UserContext,
  customerId: number,
  stored: ContactRow | undefined,
  given: NonNullable<CreateCustomerInput['primaryContact']>,
  provided: Set<ImportField>,
  now: string,
): Promise<boolean> {
  if (!stored) {
    const isPrimary = (await listContactsOfCustomer(trx, customerId)).length === 0;
    const id = await insertContact(trx, contactRow(customerId, { ...given, isPrimary }, now));
    const created = auditedContact(toContact((await findContact(trx, id))!));
    await recordChange(trx, ctx, now, { entity: 'contact', entityId: id, customerId, op: 'create', changes: createdRecord(created) });
    return true;
  }
  const before = auditedContact(toContact(stored));
  const keys = [...provided].flatMap((field) => CONTACT_FIELD_OF[field] ?? []);
  // Compared as stored (phones normalized), so "13800138000" and "138 0013 8000" are no change.
  // Only the changed columns are set (each set column rewrites its index entries).
  const changed = changedColumns(contactRow(customerId, before, now), contactRow(customerId, overlay(before, given, keys), now));
  if (Object.keys(changed).length === 0) return false;
  await updateContactIfVersion(trx, stored.id, stored.version, { ...changed, updated_at: now });
  const after = auditedContact(toContact((await findContact(trx, stored.id))!));
  await recordChange(trx, ctx, now, { entity: 'contact', entityId: stored.id, customerId, op: 'update', changes: diffRecords(before, after) });
  return true;
}
