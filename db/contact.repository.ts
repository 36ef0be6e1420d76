import type { Db } from './connection.js';
import { inList } from './in-list.js';
import { preparedSelect } from './prepared-select.js';
import type { ContactRow, ContactUpdate, NewContactRow } from './tables/contact.table.js';
import { softDelete, updateIfVersion } from './versioned.js';

const contactsOfCustomer = preparedSelect((db, $: { customerId: number }) =>
  db.selectFrom('contacts').selectAll().where('customer_id', '=', $.customerId).where('deleted_at', 'is', null).orderBy('is_primary', 'desc').orderBy('id'),
);

export function listContactsOfCustomer(db: Db, customerId: number): Promise<ContactRow[]> {
  return contactsOfCustomer(db, { customerId });
}

export function findContact(db: Db, id: number): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The live contacts among `ids`, by id (findContact for many). */
export async function findContacts(db: Db, ids: readonly number[]): Promise<Map<number, ContactRow>> {
  const rows = ids.length === 0 ? [] : await db.selectFrom('contacts').selectAll().where(inList('id', ids)).where('deleted_at', 'is', null).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function insertContact(db: Db, row: NewContactRow): Promise<number> {
  const { id } = await db.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const updateContactIfVersion = (db: Db, id: number, version: number, changes: ContactUpdate): Promise<boolean> =>
  updateIfVersion(db, 'contacts', id, version, changes);

/** Only one primary contact per customer: clears the flag on the others; returns their ids (for the audit log). */
export async function clearPrimaryContact(db: Db, customerId: number, exceptId: number, now: string): Promise<number[]> {
  const rows = await db
    .updateTable('contacts')
    .set((eb) => ({ is_primary: 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('customer_id', '=', customerId)
    .where('id', '!=', exceptId)
    .where('is_primary', '=', 1)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface ContactMatchQuery {
  mobile?: string | null;
  landline?: string | null;
  email?: string | null;
  excludeContactId?: number | undefined;
}

/** Live contacts (of live customers) sharing a normalized phone or email. */
export async function findContactsByChannels(db: Db, match: ContactMatchQuery) {
  const { mobile, landline, email } = match;
  const phones = [mobile, landline].filter((p): p is string => !!p);
  if (phones.length === 0 && !email) return [];
  let query = db
    .selectFrom('contacts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'k.id',
      'k.name',
      'k.mobile',
      'k.landline',
      'k.email',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.owner_id',
      'u.display_name as owner_name',
    ])
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phones.length ? [eb('k.mobile', 'in', phones), eb('k.landline', 'in', phones)] : []),
        ...(email ? [eb('k.email', '=', email)] : []),
      ]),
    );
  if (match.excludeContactId !== undefined) query = query.where('k.id', '!=', match.excludeContactId);
  return query.limit(10).execute();
}

export const softDeleteContact = (db: Db, id: number, userId: number, now: string): Promise<void> =>
  softDelete(db, 'contacts', id, userId, now);

/** The customer's live contacts go to the trash with it, marked so its restore brings them back; returns their ids. */
export async function softDeleteContactsWithCustomer(db: Db, customerId: number, userId: number, now: string): Promise<number[]> {
  const rows = await db
    .updateTable('contacts')
    .set((eb) => ({
      deleted_at: now,
      deleted_by: userId,
      deleted_with_customer: 1,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
