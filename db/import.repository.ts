import { sql } from 'kysely';
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
const INSERT_ROWS = 500;

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
 * Inserts customers; returns their ids in the order of `rows`. Ids come back through RETURNING, whose
 * order SQLite does not promise; but rows are inserted in VALUES order and AUTOINCREMENT ids only grow,
 * so the sorted ids are the rows' ids in order.
 */
export async function insertCustomers(db: Db, rows: NewCustomerRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows, INSERT_ROWS)) {
    const returned = await db.insertInto('customers').values(part).returning('id').execute();
    ids.push(...returned.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

export async function insertContacts(db: Db, rows: NewContactRow[]): Promise<void> {
  for (const part of chunks(rows, INSERT_ROWS)) await db.insertInto('contacts').values(part).execute();
}

export async function insertCustomerTags(db: Db, rows: { customer_id: number; tag: string }[]): Promise<void> {
  for (const part of chunks(rows, INSERT_ROWS * 4)) await db.insertInto('customer_tags').values(part).execute();
}

/** Search documents of customers that have none yet (new ones): no delete needed first. */
export async function insertSearchDocuments(db: Db, docs: { customerId: number; doc: SearchDocument }[]): Promise<void> {
  for (const part of chunks(docs, INSERT_ROWS)) {
    const texts = part.map(({ customerId, doc }) => ({ customerId, ...searchIndexTexts(doc) }));
    await sql`INSERT INTO customer_search (rowid, body) VALUES ${sql.join(texts.map((t) => sql`(${t.customerId}, ${t.body})`))}`.execute(db);
    await sql`INSERT INTO customer_search_pairs (rowid, body) VALUES ${sql.join(texts.map((t) => sql`(${t.customerId}, ${t.pairs})`))}`.execute(db);
  }
}

export async function insertAuditEntries(db: Db, entries: AuditEntry[]): Promise<void> {
  for (const part of chunks(entries, INSERT_ROWS)) {
    await db.insertInto('audit_log').values(part.map(auditRow)).execute();
  }
}
