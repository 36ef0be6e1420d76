import { sql } from 'kysely';
import type { Db } from './connection.js';
import { customerSearch, deleteSearchDocument } from './search.js';
import type { ContactRow } from './tables/contact.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';

/**
 * The trash: deleted customers, and contacts deleted on their own (those deleted with their customer
 * are part of the customer's entry). What a viewer sees follows the customer's visibility.
 */

export type TrashKind = 'customer' | 'contact';

export interface TrashFilter {
  search?: string | undefined;
  kind?: TrashKind | undefined;
}

export interface TrashRow {
  kind: TrashKind;
  id: number;
  name: string;
  customer_id: number;
  customer_name: string;
  /** For a contact: whether its customer is in the trash too. */
  customer_deleted: number;
  /** For a customer: how many contacts a restore brings back with it. */
  contacts: number;
  deleted_at: string;
  deleted_by: number | null;
  deleted_by_name: string | null;
  version: number;
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function deletedCustomers(db: Db, viewer: Viewer, search: string | undefined) {
  let query = db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.deleted_by')
    .where('c.deleted_at', 'is not', null);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  if (search) query = query.where(sql<boolean>`c.name LIKE ${containing(search)} ESCAPE '\\'`);
  return query.select([
    sql<TrashKind>`'customer'`.as('kind'),
    'c.id',
    'c.name',
    'c.id as customer_id',
    'c.name as customer_name',
    sql<number>`0`.as('customer_deleted'),
    sql<number>`(SELECT count(*) FROM contacts k WHERE k.customer_id = c.id AND k.deleted_with_customer = 1)`.as('contacts'),
    sql<string>`c.deleted_at`.as('deleted_at'),
    'c.deleted_by',
    'u.display_name as deleted_by_name',
    'c.version',
  ]);
}

function deletedContacts(db: Db, viewer: Viewer, search: string | undefined) {
  let query = db
    .selectFrom('contacts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('users as u', 'u.id', 'k.deleted_by')
    .where('k.deleted_at', 'is not', null)
    .where('k.deleted_with_customer', '=', 0);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  if (search) {
    const pattern = containing(search);
    query = query.where(sql<boolean>`(k.name LIKE ${pattern} ESCAPE '\\' OR c.name LIKE ${pattern} ESCAPE '\\')`);
  }
  return query.select([
    sql<TrashKind>`'contact'`.as('kind'),
    'k.id',
    'k.name',
    'c.id as customer_id',
    'c.name as customer_name',
    sql<number>`c.deleted_at IS NOT NULL`.as('customer_deleted'),
    sql<number>`0`.as('contacts'),
    sql<string>`k.deleted_at`.as('deleted_at'),
    'k.deleted_by',
    'u.display_name as deleted_by_name',
    'k.version',
  ]);
}

function trash(db: Db, viewer: Viewer, filter: TrashFilter) {
  if (filter.kind === 'customer') return deletedCustomers(db, viewer, filter.search);
  if (filter.kind === 'contact') return deletedContacts(db, viewer, filter.search);
  return deletedCustomers(db, viewer, filter.search).unionAll(deletedContacts(db, viewer, filter.search));
}

/** A page of the trash, most recently deleted first. */
export function listTrashPage(db: Db, viewer: Viewer, page: TrashFilter & { offset: number; limit: number }): Promise<TrashRow[]> {
  return db
    .selectFrom(trash(db, viewer, page).as('t'))
    .selectAll()
    .orderBy('t.deleted_at', 'desc')
    .orderBy('t.kind', 'desc')
    .orderBy('t.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function countTrash(db: Db, viewer: Viewer, filter: TrashFilter): Promise<number> {
  const row = await db
    .selectFrom(trash(db, viewer, filter).as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A customer the viewer may see, deleted or not (a restore must tell "already restored" from "gone"). */
export function findCustomerAnyState(db: Db, viewer: Viewer, id: number) {
  let query = db.selectFrom('customers as c').selectAll('c').where('c.id', '=', id);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  return query.executeTakeFirst();
}

/** A contact whose customer the viewer may see, deleted or not, with its customer's name and state. */
export function findContactAnyState(db: Db, viewer: Viewer, id: number) {
  let query = db
    .selectFrom('contacts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .selectAll('k')
    .select(['c.name as customer_name', 'c.deleted_at as customer_deleted_at'])
    .where('k.id', '=', id);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  return query.executeTakeFirst();
}

/** Takes a customer out of the trash; the caller checks, in the same transaction, that it is there. */
export async function restoreCustomer(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('customers')
    .set((eb) => ({ deleted_at: null, deleted_by: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The contacts deleted together with the customer (not those deleted on their own before). */
export function listContactsDeletedWith(db: Db, customerId: number): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('deleted_with_customer', '=', 1)
    .orderBy('id')
    .execute();
}

/** Brings back the contacts deleted together with the customer; returns their ids. */
export async function restoreContactsDeletedWith(db: Db, customerId: number, now: string): Promise<number[]> {
  const rows = await db
    .updateTable('contacts')
    .set((eb) => ({
      deleted_at: null,
      deleted_by: null,
      deleted_with_customer: 0,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('customer_id', '=', customerId)
    .where('deleted_with_customer', '=', 1)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Takes a contact deleted on its own out of the trash; the caller checks, in the same transaction, that it is there. */
export async function restoreContact(db: Db, id: number, now: string, isPrimary: boolean): Promise<void> {
  await db
    .updateTable('contacts')
    .set((eb) => ({
      deleted_at: null,
      deleted_by: null,
      is_primary: isPrimary ? 1 : 0,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function hasLivePrimaryContact(db: Db, customerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('is_primary', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The contacts a customer's purge removes: every one it has, all in the trash with it. */
export function listAllContactsOfCustomer(db: Db, customerId: number): Promise<Pick<ContactRow, 'id' | 'name'>[]> {
  return db.selectFrom('contacts').select(['id', 'name']).where('customer_id', '=', customerId).orderBy('id').execute();
}

/**
 * Permanently removes a customer with its contacts, tags, search documents, deals (with their stage
 * changes) and tasks; its interactions go with it by cascade. The caller checks that it is in the trash.
 * The audit log keeps its entries: who created, changed, deleted and purged what stays on record.
 */
export async function purgeCustomer(db: Db, id: number): Promise<void> {
  await db.deleteFrom('tasks').where('customer_id', '=', id).execute();
  const deals = db.selectFrom('opportunities').select('id').where('customer_id', '=', id);
  await db.deleteFrom('opportunity_stage_changes').where('opportunity_id', 'in', deals).execute();
  await db.deleteFrom('opportunities').where('customer_id', '=', id).execute();
  await db.deleteFrom('contacts').where('customer_id', '=', id).execute();
  await db.deleteFrom('customer_tags').where('customer_id', '=', id).execute();
  await deleteSearchDocument(db, customerSearch, id);
  await db.deleteFrom('customers').where('id', '=', id).execute();
}

/** Permanently removes one contact; the caller checks that it is in the trash. */
export async function purgeContact(db: Db, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
