import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './schema.js';
import { matchesSearch } from './search.js';
import type { CustomerRow, CustomerStage, NewCustomerRow, CustomerUpdate } from './tables/customer.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';

export const CUSTOMER_SORT_COLUMNS = {
  name: 'c.name',
  kind: 'c.kind',
  stage: 'c.stage',
  tier: 'c.tier',
  industry: 'c.industry',
  region: 'c.province',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  lastContactedAt: 'c.last_contacted_at',
  nextFollowUpOn: 'c.next_follow_up_on',
} as const;

export type CustomerSortKey = keyof typeof CUSTOMER_SORT_COLUMNS;

export interface CustomerFilter {
  search?: string | undefined;
  stages?: CustomerStage[] | undefined;
  ownerIds?: number[] | undefined;
  tag?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  /** ISO instants, inclusive from, exclusive to. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  // Contact recency (interaction timeline). Instants: from inclusive, to exclusive.
  lastContactedFrom?: string | undefined;
  lastContactedTo?: string | undefined;
  /** Never contacted, or last contacted before this instant ("not contacted for N days"). */
  notContactedSince?: string | undefined;
  /** Calendar dates, both inclusive ("overdue": to yesterday; "within 7 days": today to today + 7). */
  nextFollowUpFrom?: string | undefined;
  nextFollowUpTo?: string | undefined;
}

export interface CustomerPageQuery extends CustomerFilter {
  sort: CustomerSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface CustomerListRow {
  id: number;
  name: string;
  kind: CustomerRow['kind'];
  industry: string | null;
  province: string | null;
  city: string | null;
  stage: CustomerStage;
  tier: CustomerRow['tier'];
  owner_id: number | null;
  owner_name: string | null;
  primary_contact_name: string | null;
  primary_contact_mobile: string | null;
  tags: string | null;
  last_contacted_at: string | null;
  next_follow_up_on: string | null;
  created_at: string;
  updated_at: string;
}

type CustomerScope = ExpressionBuilder<Database & { c: Database['customers'] }, 'c'>;

function filtered(db: Db, viewer: Viewer, filter: CustomerFilter) {
  let query = db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  const search = filter.search ? matchesSearch(sql.ref('c.id'), filter.search) : null;
  if (search) query = query.where(search);
  if (filter.stages?.length) query = query.where('c.stage', 'in', filter.stages);
  if (filter.ownerIds?.length) query = query.where('c.owner_id', 'in', filter.ownerIds);
  if (filter.province) query = query.where('c.province', '=', filter.province);
  if (filter.city) query = query.where('c.city', '=', filter.city);
  if (filter.createdFrom) query = query.where('c.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('c.created_at', '<', filter.createdTo);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb: CustomerScope) =>
      eb.exists(
        eb
          .selectFrom('customer_tags as t')
          .select('t.customer_id')
          .whereRef('t.customer_id', '=', 'c.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  // --- contact recency filters (interaction timeline) ---
  if (filter.lastContactedFrom) query = query.where('c.last_contacted_at', '>=', filter.lastContactedFrom);
  if (filter.lastContactedTo) query = query.where('c.last_contacted_at', '<', filter.lastContactedTo);
  if (filter.notContactedSince) {
    // Never contacted counts as "not since". One comparison rather than IS NULL OR <, which SQLite
    // answers with a row lookup per match (slow at 60k matches).
    const since = filter.notContactedSince;
    query = query.where((eb) => eb(eb.fn.coalesce('c.last_contacted_at', sql.lit('')), '<', since));
  }
  if (filter.nextFollowUpFrom) query = query.where('c.next_follow_up_on', '>=', filter.nextFollowUpFrom);
  if (filter.nextFollowUpTo) query = query.where('c.next_follow_up_on', '<=', filter.nextFollowUpTo);
  // --- end of contact recency filters ---
  return query;
}

export async function countCustomers(db: Db, viewer: Viewer, filter: CustomerFilter): Promise<number> {
  const row = await filtered(db, viewer, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listCustomerPage(db: Db, viewer: Viewer, page: CustomerPageQuery): Promise<CustomerListRow[]> {
  const column = CUSTOMER_SORT_COLUMNS[page.sort];
  return filtered(db, viewer, page)
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'c.id',
      'c.name',
      'c.kind',
      'c.industry',
      'c.province',
      'c.city',
      'c.stage',
      'c.tier',
      'c.owner_id',
      'u.display_name as owner_name',
      'c.last_contacted_at',
      'c.next_follow_up_on',
      'c.created_at',
      'c.updated_at',
    ])
    // Correlated lookups run only for the rows on the page.
    .select((eb) => [
      eb
        .selectFrom('contacts as p')
        .select('p.name')
        .whereRef('p.customer_id', '=', 'c.id')
        .where('p.deleted_at', 'is', null)
        .orderBy('p.is_primary', 'desc')
        .orderBy('p.id')
        .limit(1)
        .as('primary_contact_name'),
      eb
        .selectFrom('contacts as p')
        .select('p.mobile')
        .whereRef('p.customer_id', '=', 'c.id')
        .where('p.deleted_at', 'is', null)
        .orderBy('p.is_primary', 'desc')
        .orderBy('p.id')
        .limit(1)
        .as('primary_contact_mobile'),
      sql<string | null>`(SELECT group_concat(t.tag, ',') FROM customer_tags t WHERE t.customer_id = c.id)`.as('tags'),
    ])
    .orderBy(column, page.direction)
    .orderBy('c.id', page.direction)
    .offset(page.offset)
    .limit(page.limit)
    .execute() as Promise<CustomerListRow[]>;
}

/** A live customer the viewer may see, or undefined. */
export function findVisibleCustomer(db: Db, viewer: Viewer, id: number) {
  return filtered(db, viewer, {})
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .selectAll('c')
    .select('u.display_name as owner_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function findCustomerTags(db: Db, customerId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_tags')
    .select('tag')
    .where('customer_id', '=', customerId)
    .orderBy('tag')
    .execute();
  return rows.map((r) => r.tag);
}

export async function replaceCustomerTags(db: Db, customerId: number, tags: string[]): Promise<void> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  if (tags.length > 0) {
    await db
      .insertInto('customer_tags')
      .values(tags.map((tag) => ({ customer_id: customerId, tag })))
      .execute();
  }
}

export async function insertCustomer(db: Db, row: NewCustomerRow): Promise<number> {
  const { id } = await db.insertInto('customers').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Updates only if the stored version is still `version`; returns whether it did. */
export async function updateCustomerIfVersion(
  db: Db,
  id: number,
  version: number,
  changes: CustomerUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function softDeleteCustomer(db: Db, id: number, userId: number, now: string): Promise<void> {
  await db
    .updateTable('customers')
    .set((eb) => ({ deleted_at: now, deleted_by: userId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Live customers whose folded name equals `nameKey`. */
export function findCustomersByNameKey(db: Db, nameKey: string, excludeId?: number) {
  let query = db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.name', 'c.owner_id', 'u.display_name as owner_name'])
    .where('c.name_key', '=', nameKey)
    .where('c.deleted_at', 'is', null);
  if (excludeId !== undefined) query = query.where('c.id', '!=', excludeId);
  return query.limit(10).execute();
}

/** The distinct tags in use, most used first: suggestions for the tag input and filter. */
export async function listTags(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_tags')
    .select('tag')
    .groupBy('tag')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => r.tag);
}
