import { CompiledQuery, sql } from 'kysely';
import type { Db } from './connection.js';
import { searchIndexTexts, type SearchDocument } from './search.js';
import { auditRow, type AuditEntry } from './audit.repository.js';
import type { NewContactRow } from './tables/contact.table.js';
import type { NewCustomerRow } from './tables/customer.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';

/**
 * Batched reads and writes for bulk work (import): one statement per chunk of rows instead of one per
 * row. Chunks stay far below SQLite's 32766 bound parameters.
 */

const LOOKUP_CHUNK = 500;
/** Bound parameters per statement: well under SQLite's limit (32766), and statements stay quick to prepare. */
const MAX_PARAMETERS = 10_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CustomerKeyMatch {
  id: number;
  name: string;
  name_key: string;
}

/** Live customers whose folded name is one of `keys`. */
export async function findCustomersByNameKeys(db: Db, keys: string[]): Promise<CustomerKeyMatch[]> {
  const found: CustomerKeyMatch[] = [];
  for (const part of chunks([...new Set(keys)], LOOKUP_CHUNK)) {
    found.push(
      ...(await db
        .selectFrom('customers')
        .select(['id', 'name', 'name_key'])
        .where('name_key', 'in', part)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute()),
    );
  }
  return found;
}

export interface ContactChannelMatch {
  id: number;
  customer_id: number;
  customer_name: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
}

/** Live contacts (of live customers) with one of the normalized phones or emails. */
export async function findContactsByAnyChannel(db: Db, phones: string[], emails: string[]): Promise<ContactChannelMatch[]> {
  const found = new Map<number, ContactChannelMatch>();
  const query = (where: 'phones' | 'email', part: string[]) =>
    db
      .selectFrom('contacts as k')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select(['k.id', 'k.customer_id', 'c.name as customer_name', 'k.mobile', 'k.landline', 'k.email'])
      .where('k.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where((eb) => (where === 'phones' ? eb.or([eb('k.mobile', 'in', part), eb('k.landline', 'in', part)]) : eb('k.email', 'in', part)))
      .orderBy('k.id')
      .execute();
  for (const part of chunks([...new Set(phones)], LOOKUP_CHUNK)) for (const m of await query('phones', part)) found.set(m.id, m);
  for (const part of chunks([...new Set(emails)], LOOKUP_CHUNK)) for (const m of await query('email', part)) found.set(m.id, m);
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/** Which of `ids` the viewer may see. */
export async function visibleCustomerIds(db: Db, viewer: Viewer, ids: number[]): Promise<Set<number>> {
  const visible = new Set<number>();
  const condition = customerVisibleTo(sql.ref('owner_id'), viewer);
  for (const part of chunks([...new Set(ids)], LOOKUP_CHUNK)) {
    let query = db.selectFrom('customers').select('id').where('id', 'in', part);
    if (condition) query = query.where(condition);
    for (const row of await query.execute()) visible.add(row.id);
  }
  return visible;
}

/**
 * A multi-row INSERT of plain values, compiled by hand: the query builder would build (and the garbage
 * collector then free) a node for every value, which at 100k rows costs more than SQLite's own work.
 * Table and column names come from this file only, never from input.
 */
async function insertValues<T extends object>(
  db: Db,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: T[],
  returning = false,
): Promise<number[]> {
  const ids: number[] = [];
  const rowsPerStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const part of chunks(rows, rowsPerStatement)) {
    const parameters: unknown[] = [];
    for (const row of part) for (const column of columns) parameters.push(row[column] ?? null);
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(part.length).fill(tuple).join(', ')}${returning ? ' RETURNING id' : ''}`;
    const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(text, parameters));
    for (const row of result.rows) ids.push(row.id);
  }
  return ids;
}

const CUSTOMER_COLUMNS = ['name', 'name_key', 'name_stem', 'kind', 'industry', 'province', 'city', 'address', 'source', 'stage', 'tier', 'owner_id',
  'notes', 'last_contacted_at', 'next_follow_up_on', 'created_at', 'updated_at', 'deleted_at', 'deleted_by', 'version'] as const satisfies readonly (keyof NewCustomerRow)[];
const CONTACT_COLUMNS = ['customer_id', 'name', 'title', 'mobile', 'landline', 'email', 'wechat_id', 'birthday', 'gender', 'is_primary',
  'created_at', 'updated_at', 'deleted_at', 'deleted_by', 'version'] as const satisfies readonly (keyof NewContactRow)[];

/**
 * Inserts customers; returns their ids in the order of `rows`. Ids come back through RETURNING, whose
 * order SQLite does not promise; but rows are inserted in VALUES order and AUTOINCREMENT ids only grow,
 * so the sorted ids are the rows' ids in order.
 */
export async function insertCustomers(db: Db, rows: NewCustomerRow[]): Promise<number[]> {
  return insertSorted(db, 'customers', CUSTOMER_COLUMNS, rows);
}

async function insertSorted<T extends object>(db: Db, table: string, columns: readonly (keyof T & string)[], rows: T[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows, Math.floor(MAX_PARAMETERS / columns.length))) {
    ids.push(...(await insertValues(db, table, columns, part, true)).sort((a, b) => a - b));
  }
  return ids;
}

/** Inserts contacts; returns their ids in the order of `rows` (see insertCustomers). */
export async function insertContacts(db: Db, rows: NewContactRow[]): Promise<number[]> {
  return insertSorted(db, 'contacts', CONTACT_COLUMNS, rows);
}

export async function insertCustomerTags(db: Db, rows: { customer_id: number; tag: string }[]): Promise<void> {
  await insertValues(db, 'customer_tags', ['customer_id', 'tag'], rows);
}

/** Search documents of customers that have none yet (new ones): no delete needed first. */
export async function insertSearchDocuments(db: Db, docs: { customerId: number; doc: SearchDocument }[]): Promise<void> {
  const texts = docs.map(({ customerId, doc }) => ({ rowid: customerId, ...searchIndexTexts(doc) }));
  await insertValues(db, 'customer_search', ['rowid', 'body'], texts);
  await insertValues(db, 'customer_search_pairs', ['rowid', 'body'], texts.map(({ rowid, pairs }) => ({ rowid, body: pairs })));
}

export async function insertAuditEntries(db: Db, entries: AuditEntry[]): Promise<void> {
  await insertValues(db, 'audit_log', ['entity', 'entity_id', 'customer_id', 'op', 'user_id', 'at', 'changes'], entries.map(auditRow));
}
