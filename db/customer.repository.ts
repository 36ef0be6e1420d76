import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './connection.js';
import { inList } from './in-list.js';
import { preparedSelect } from './prepared-select.js';
import { customerSearch, searchMatchIds } from './search.js';
import type { CustomerRow, CustomerStage, NewCustomerRow, CustomerUpdate } from './tables/customer.table.js';
import { customerVisibleTo, viewerOf, viewerShape, viewerValues, type Viewer, type ViewerShape, type ViewerValues } from './visibility.js';
import { softDelete, updateIfVersion } from './versioned.js';

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
  // By the owner's name, as the column shows it (customers without an owner come first when ascending).
  owner: 'u.display_name',
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

/**
 * A tag or a search narrows the list to a set of customer ids (live or not) read from its own index.
 * `contains` tests a customer against the set one at a time: for a tag a primary-key probe; for a search
 * the set's ids as one list, built once, because a full-text query per customer costs far more.
 */
interface IdSet {
  ids: RawBuilder<{ id: number }>;
  contains: RawBuilder<SqlBool>;
}

function idSets(filter: CustomerFilter): IdSet[] {
  const sets: IdSet[] = [];
  if (filter.tag) {
    sets.push({
      ids: sql`SELECT customer_id AS id FROM customer_tags WHERE tag = ${filter.tag}`,
      contains: sql`EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ${filter.tag})`,
    });
  }
  const search = filter.search ? searchMatchIds(customerSearch, filter.search) : null;
  // The unary + keeps SQLite from reading the list's ids from the table one by one (see SetJoin).
  if (search) sets.push({ ids: search, contains: sql`+c.id IN (${search})` });
  return sets;
}

/** The ids in every set. */
const intersection = (sets: IdSet[]) => sql<{ id: number }>`${sql.join(sets.map((s) => s.ids), sql` INTERSECT `)}`;

/**
 * How the sets meet the customers. `lookup`: SQLite reads each id of a set from the table, right when
 * the set is small. `probe`: it walks another index (the sort order's, an owner's, a stage's) and tests
 * each entry against the sets, right when they hold a large share of the customers: a page then reads a
 * few hundred index entries instead of sorting every match, and a filtered count stays within the
 * filter's index range.
 */
export type SetJoin = 'lookup' | 'probe';

/** Sets with at least this many ids in common (2% of 100k customers) are broad enough to probe. */
export const BROAD_SET = 2000;

async function setJoinFor(db: Db, sets: IdSet[]): Promise<SetJoin> {
  if (sets.length === 0) return 'lookup';
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${intersection(sets)} LIMIT ${BROAD_SET})`.execute(db);
  return Number(rows[0]?.n) >= BROAD_SET ? 'probe' : 'lookup';
}

/** The filters on the customer's own columns (and the viewer's visibility, which is one). */
function hasColumnFilters(viewer: Viewer, filter: CustomerFilter): boolean {
  return Boolean(
    customerVisibleTo(sql.ref('c.owner_id'), viewer) ||
      filter.stages?.length ||
      filter.ownerIds?.length ||
      filter.province ||
      filter.city ||
      filter.createdFrom ||
      filter.createdTo ||
      filter.lastContactedFrom ||
      filter.lastContactedTo ||
      filter.notContactedSince ||
      filter.nextFollowUpFrom ||
      filter.nextFollowUpTo,
  );
}

/**
 * `probeOwner`: test the viewer's owners on each entry of another index (the unary + hides the owner
 * index from the planner) instead of reading their customers from the owner index and sorting them. Right
 * for a page of a manager's team, a large share of all customers (a 30k-row sort otherwise).
 */
function filtered(db: Db, viewer: Viewer, filter: CustomerFilter, join: SetJoin = 'lookup', probeOwner = false) {
  let query = db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  const visible = customerVisibleTo(probeOwner ? sql`+c.owner_id` : sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  for (const set of idSets(filter)) query = query.where(join === 'probe' ? set.contains : sql<SqlBool>`c.id IN (${set.ids})`);
  if (filter.stages?.length) query = query.where('c.stage', 'in', filter.stages);
  if (filter.ownerIds?.length) query = query.where('c.owner_id', 'in', filter.ownerIds);
  if (filter.province) query = query.where('c.province', '=', filter.province);
  if (filter.city) query = query.where('c.city', '=', filter.city);
  if (filter.createdFrom) query = query.where('c.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('c.created_at', '<', filter.createdTo);
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

/** A filter of sets and nothing else (no column filter, no visibility rule). */
function setsOnly(viewer: Viewer, filter: CustomerFilter, sets: IdSet[]): boolean {
  return sets.length > 0 && !hasColumnFilters(viewer, filter);
}

/**
 * The live customers in sets and nothing else. Every id in them is a customer (tags by foreign key,
 * search documents by customer id), so the live ones are the common ids except the trashed ones. ORDER
 * BY makes SQLite merge the id-ordered streams (tag index, FTS doclists, trash index) without building
 * a list: for 30k matches several times faster than checking each for deleted_at, and no slower for a few.
 */
async function countInSets(db: Db, sets: IdSet[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (
      ${intersection(sets)} EXCEPT SELECT id FROM customers WHERE deleted_at IS NOT NULL ORDER BY 1)`.execute(db);
  return Number(rows[0]?.n);
}

export async function countCustomers(db: Db, viewer: Viewer, filter: CustomerFilter, join?: SetJoin): Promise<number> {
  const sets = idSets(filter);
  if (setsOnly(viewer, filter, sets)) return countInSets(db, sets);
  const row = await filtered(db, viewer, filter, join ?? (await setJoinFor(db, sets)))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Up to `limit` ids of the sets' common ids (live or not), read from their indexes alone. */
async function idsInSets(db: Db, sets: IdSet[], limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`${intersection(sets)} LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * A page of the list and the number of customers in it. A search or tag with fewer than BROAD_SET ids
 * is read once, whole: the customers among its ids that pass the other filters, in the page's order,
 * give both the page and the total (with no more ids than a page, their rows at once). Counting it and
 * then paging it ran the search twice more, and a count of a search alone subtracted the whole trash
 * from it (~80 of a 3-character search's ~230 µs of SQL). Broader sets are probed from another index,
 * the join decided once for the page and the count.
 */
export async function listCustomersAndCount(db: Db, viewer: Viewer, page: CustomerPageQuery): Promise<{ rows: CustomerListRow[]; total: number }> {
  const sets = idSets(page);
  const ids = sets.length > 0 ? await idsInSets(db, sets, BROAD_SET) : null;
  if (ids && ids.length < BROAD_SET) {
    // The sets' ids stand in for the sets (the search and the tag).
    const others = filtered(db, viewer, { ...page, search: undefined, tag: undefined }).where(inList('c.id', ids));
    if (ids.length <= page.limit) {
      // No more customers than a page: all their rows at once (what a page reads anyway).
      const all = await listRows(others, page);
      return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length };
    }
    const matching = (await idsInOrder(others, page).execute()).map((r) => r.id);
    return { rows: await customerRows(db, matching.slice(page.offset, page.offset + page.limit), page), total: matching.length };
  }
  const join: SetJoin = ids ? 'probe' : 'lookup';
  if (setsOnly(viewer, page, sets)) return { rows: await listCustomerPage(db, viewer, page, join), total: await countInSets(db, sets) };
  const rows = await listCustomerPage(db, viewer, page, join);
  // A page that is not full ends the list, so it tells the total without counting (unless it is empty
  // past the end): a filter with a page of matches or fewer runs one query less.
  const ended = rows.length < page.limit && (rows.length > 0 || page.offset === 0);
  return { rows, total: ended ? page.offset + rows.length : await countCustomers(db, viewer, page, join) };
}

type SortTerm = [column: string, direction: 'asc' | 'desc'];

/** The page's order: the sort column, the owner's id after the owner's name (names may repeat), then the id. */
function sortTerms(page: CustomerPageQuery): SortTerm[] {
  const terms: SortTerm[] = [[CUSTOMER_SORT_COLUMNS[page.sort], page.direction]];
  if (page.sort === 'owner') terms.push(['c.owner_id', page.direction]);
  terms.push(['c.id', page.direction]);
  return terms;
}

function inOrder<Q extends { orderBy(column: Expression<unknown>, direction: 'asc' | 'desc'): Q }>(query: Q, terms: SortTerm[]): Q {
  return terms.reduce((q, [column, direction]) => q.orderBy(sql.ref(column), direction), query);
}

/** The ids of `query`'s customers in the page's order (the owner sort's by the owner's name). */
function idsInOrder(query: ReturnType<typeof filtered>, page: CustomerPageQuery) {
  return inOrder(query.leftJoin('users as u', 'u.id', 'c.owner_id'), sortTerms(page)).select('c.id');
}

/** The page's ids, chosen from the live indexes alone (filter, order, offset). */
async function pageIds(db: Db, viewer: Viewer, page: CustomerPageQuery, join: SetJoin): Promise<number[]> {
  const probeOwner = viewer.role === 'manager' && !page.ownerIds?.length;
  const rows = await idsInOrder(filtered(db, viewer, page, join, probeOwner), page).offset(page.offset).limit(page.limit).execute();
  return rows.map((r) => r.id);
}

/**
 * The owner sort's ids: customers without an owner (first ascending, as SQLite sorts NULL, last
 * descending), then by owner name. Two blocks, because joined from users in name order SQLite reads each
 * owner's customers straight from the owner index (a page in under a millisecond), while one query
 * with the ownerless customers in it sorts all 100k first.
 */
async function ownerSortedIds(db: Db, viewer: Viewer, page: CustomerPageQuery, join: SetJoin): Promise<number[]> {
  const unowned = () => filtered(db, viewer, page, join).where('c.owner_id', 'is', null);
  const owned = () => filtered(db, viewer, page, join).innerJoin('users as u', 'u.id', 'c.owner_id');
  const blocks = [
    {
      ids: (offset: number, limit: number) =>
        inOrder(unowned(), [['c.id', page.direction]]).select('c.id').offset(offset).limit(limit).execute(),
      count: () => unowned().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    },
    {
      ids: (offset: number, limit: number) =>
        inOrder(owned(), sortTerms(page)).select('c.id').offset(offset).limit(limit).execute(),
      count: () => owned().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    },
  ];
  if (page.direction === 'desc') blocks.reverse();
  const ids: number[] = [];
  let offset = page.offset;
  for (const block of blocks) {
    const rows = await block.ids(offset, page.limit - ids.length);
    ids.push(...rows.map((r) => r.id));
    if (ids.length === page.limit) break;
    // The block ended within the page (the next starts at its beginning) or before it (skip its rows).
    offset = rows.length > 0 ? 0 : Math.max(0, offset - Number((await block.count()).n));
  }
  return ids;
}

/**
 * One page of the list in two steps: the page's ids from the indexes alone, then only those rows with
 * their owner, primary contact and tags. A deep offset thereby skips index entries, not whole rows
 * with their lookups.
 */
export async function listCustomerPage(db: Db, viewer: Viewer, page: CustomerPageQuery, join?: SetJoin): Promise<CustomerListRow[]> {
  join ??= await setJoinFor(db, idSets(page));
  return customerRows(db, await (page.sort === 'owner' ? ownerSortedIds : pageIds)(db, viewer, page, join), page);
}

/** The list's rows of these customers, with their owner, primary contact and tags, in the page's order. */
async function customerRows(db: Db, ids: number[], page: CustomerPageQuery): Promise<CustomerListRow[]> {
  return ids.length === 0 ? [] : listRows(db.selectFrom('customers as c').where(inList('c.id', ids)), page);
}

/** A column of the customer's primary contact (or first live contact), for the page's rows only. */
const primaryContact = (column: 'name' | 'mobile') =>
  sql<string | null>`(SELECT p.${sql.raw(column)} FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.is_primary DESC, p.id LIMIT 1)`;

/**
 * The list's computed columns, built once as SQL fragments: written as builder calls, their subqueries
 * were built and compiled again for every page (~45 of a 3-character search's ~265 µs).
 */
const COMPUTED_COLUMNS = [
  primaryContact('name').as('primary_contact_name'),
  primaryContact('mobile').as('primary_contact_mobile'),
  sql<string | null>`(SELECT group_concat(t.tag, ',') FROM customer_tags t WHERE t.customer_id = c.id)`.as('tags'),
];

/** The list's rows of `query`'s customers, in the page's order. */
function listRows(query: ReturnType<typeof filtered>, page: CustomerPageQuery): Promise<CustomerListRow[]> {
  const rows = query
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
    .select(COMPUTED_COLUMNS);
  return inOrder(rows, sortTerms(page)).execute() as Promise<CustomerListRow[]>;
}

/**
 * True where customer `id` is live and the viewer may see it: a condition for queries of the customer's
 * own records, so they need no query of the customer first (SQLite joins it as a primary-key probe).
 */
export function isVisibleCustomer(db: Db, viewer: Viewer, id: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS ${filtered(db, viewer, {}).select(sql.lit(1).as('one')).where('c.id', '=', id)}`;
}

const visibleCustomers = (db: Db, viewer: Viewer) =>
  filtered(db, viewer, {}).leftJoin('users as u', 'u.id', 'c.owner_id').selectAll('c').select('u.display_name as owner_name');

const visibleCustomerById = preparedSelect((db, $: ViewerValues & { id: number }, shape: ViewerShape) =>
  visibleCustomers(db, viewerOf(shape, $)).where('c.id', '=', $.id),
);

/** A live customer the viewer may see, or undefined. */
export async function findVisibleCustomer(db: Db, viewer: Viewer, id: number) {
  const [row] = await visibleCustomerById(db, viewerValues(viewer, { id }), viewerShape(viewer, {}));
  return row;
}

export type VisibleCustomerRow = NonNullable<Awaited<ReturnType<typeof findVisibleCustomer>>>;

/** The live customers among `ids` the viewer may see, by id (findVisibleCustomer for many). */
export async function findVisibleCustomers(db: Db, viewer: Viewer, ids: readonly number[]): Promise<Map<number, VisibleCustomerRow>> {
  const rows = ids.length === 0 ? [] : await visibleCustomers(db, viewer).where(inList('c.id', ids)).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

const tagsOfCustomer = preparedSelect((db, $: { customerId: number }) =>
  db.selectFrom('customer_tags').select('tag').where('customer_id', '=', $.customerId).orderBy('tag'),
);

export async function findCustomerTags(db: Db, customerId: number): Promise<string[]> {
  return (await tagsOfCustomer(db, { customerId })).map((r) => r.tag);
}

/** The tags of each of `ids` in A-Z order; a customer without tags is absent. */
export async function findTagsOfCustomers(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (ids.length === 0) return tags;
  const rows = await db
    .selectFrom('customer_tags')
    .select(['customer_id', 'tag'])
    .where(inList('customer_id', ids))
    .orderBy('tag')
    .execute();
  for (const { customer_id, tag } of rows) {
    const list = tags.get(customer_id);
    if (list) list.push(tag);
    else tags.set(customer_id, [tag]);
  }
  return tags;
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

export const updateCustomerIfVersion = (db: Db, id: number, version: number, changes: CustomerUpdate): Promise<boolean> =>
  updateIfVersion(db, 'customers', id, version, changes);

export const softDeleteCustomer = (db: Db, id: number, userId: number, now: string): Promise<void> =>
  softDelete(db, 'customers', id, userId, now);

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

/**
 * The tags on live customers the viewer can see, most used first: suggestions for the tag input and
 * filter. Added up from the per-owner counts the triggers of migration 0012 keep, so the cost follows
 * the number of tags and owners, not of customers.
 */
export async function listTags(db: Db, viewer: Viewer): Promise<string[]> {
  const visible = customerVisibleTo(sql.ref('owner_id'), viewer);
  let query = db
    .selectFrom('customer_tag_uses')
    .select('tag')
    .groupBy('tag')
    .having((eb) => eb.fn.sum('uses'), '>', 0)
    .orderBy((eb) => eb.fn.sum('uses'), 'desc')
    .orderBy('tag')
    .limit(200);
  if (visible) query = query.where(visible);
  return (await query.execute()).map((row) => row.tag);
}
