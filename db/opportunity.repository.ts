import { sql, type SqlBool } from 'kysely';
import type { Db } from './connection.js';
import { inList } from './in-list.js';
import type { Currency, NewOpportunityRow, OpportunityRow, OpportunityUpdate } from './tables/opportunity.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';
import { softDelete, updateIfVersion } from './versioned.js';

/**
 * Deals. A deal is visible exactly when its customer is (db/visibility.ts), and it leaves every list
 * when it or its customer goes to the trash.
 */

export const DEAL_SORT_COLUMNS = {
  updatedAt: 'o.updated_at',
  name: 'o.name',
  amount: 'o.amount_minor',
  expectedCloseOn: 'o.expected_close_on',
  stageEnteredAt: 'o.stage_entered_at',
  createdAt: 'o.created_at',
} as const;

export type DealSortKey = keyof typeof DEAL_SORT_COLUMNS;

export interface DealFilter {
  search?: string | undefined;
  customerId?: number | undefined;
  stageIds?: number[] | undefined;
  ownerIds?: number[] | undefined;
  /** Expected close dates, YYYY-MM-DD, both inclusive. */
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  /** Minor units, both inclusive, whatever the currency. */
  amountMin?: number | undefined;
  amountMax?: number | undefined;
}

export interface DealPageQuery extends DealFilter {
  sort: DealSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** What a board card or a list row shows. */
export interface DealCardRow {
  id: number;
  name: string;
  customer_id: number;
  customer_name: string;
  amount_minor: number;
  currency: Currency;
  expected_close_on: string | null;
  stage_id: number;
  owner_id: number | null;
  owner_name: string | null;
  stage_entered_at: string;
  last_activity_at: string | null;
  closed_at: string | null;
  updated_at: string;
  version: number;
}

/** The later of entering the stage and the last activity: what "idle since" is measured from. */
const lastMovedAt = sql<string>`max(o.stage_entered_at, coalesce(o.last_activity_at, ''))`;

/**
 * How a query checks that the viewer sees a deal's customer. 'set': SQLite builds the set of visible
 * customers once per statement, for totals and counts over many deals. 'row': one customer lookup per
 * deal, for pages that stop after a few rows (building the whole set would cost more).
 */
type VisibilityCheck = 'set' | 'row';

/** Live deals of live customers the viewer sees. */
function visibleDeals(db: Db, viewer: Viewer, check: VisibilityCheck) {
  // Customers in the trash are few: their ids are always a set.
  let query = db
    .selectFrom('opportunities as o')
    .where('o.deleted_at', 'is', null)
    .where('o.customer_id', 'not in', (eb) =>
      eb.selectFrom('customers as trashed').select('trashed.id').where('trashed.deleted_at', 'is not', null),
    );
  const visible = customerVisibleTo(sql.ref('mine.owner_id'), viewer);
  if (!visible) return query;
  if (check === 'row') {
    return query.where((eb) =>
      eb.exists(eb.selectFrom('customers as mine').select('mine.id').whereRef('mine.id', '=', 'o.customer_id').where(visible)),
    );
  }
  // The unary + keeps SQLite from driving the query through the viewer's customers (a table read per
  // deal): it walks the board or list index and checks each deal against the set instead. The set is of
  // live customers, so the partial owner index covers it (trashed ones are excluded above anyway).
  return query.where(sql<number>`+o.customer_id`, 'in', (eb) =>
    eb.selectFrom('customers as mine').select('mine.id').where('mine.deleted_at', 'is', null).where(visible),
  );
}

function filtered(db: Db, viewer: Viewer, filter: DealFilter, check: VisibilityCheck) {
  let query = visibleDeals(db, viewer, check);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`o.name LIKE ${pattern} ESCAPE '\\'`,
        sql<SqlBool>`o.customer_id IN (SELECT id FROM customers WHERE name LIKE ${pattern} ESCAPE '\\')`,
      ]),
    );
  }
  if (filter.customerId !== undefined) query = query.where('o.customer_id', '=', filter.customerId);
  if (filter.stageIds?.length) query = query.where('o.stage_id', 'in', filter.stageIds);
  if (filter.ownerIds?.length) query = query.where('o.owner_id', 'in', filter.ownerIds);
  if (filter.closeFrom) query = query.where('o.expected_close_on', '>=', filter.closeFrom);
  if (filter.closeTo) query = query.where('o.expected_close_on', '<=', filter.closeTo);
  if (filter.amountMin !== undefined) query = query.where('o.amount_minor', '>=', filter.amountMin);
  if (filter.amountMax !== undefined) query = query.where('o.amount_minor', '<=', filter.amountMax);
  return query;
}

function selectCards(query: ReturnType<typeof visibleDeals>) {
  return query
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .select([
      'o.id',
      'o.name',
      'o.customer_id',
      'c.name as customer_name',
      'o.amount_minor',
      'o.currency',
      'o.expected_close_on',
      'o.stage_id',
      'o.owner_id',
      'u.display_name as owner_name',
      'o.stage_entered_at',
      'o.last_activity_at',
      'o.closed_at',
      'o.updated_at',
      'o.version',
    ]);
}

export async function countDeals(db: Db, viewer: Viewer, filter: DealFilter): Promise<number> {
  if (customerVisibleTo(sql.ref('owner_id'), viewer) === null && !hasFilter(filter)) return countAllLiveDeals(db);
  const row = await filtered(db, viewer, filter, 'set')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Every key of DealFilter (the type check fails when one is added and not listed here).
const DEAL_FILTER_KEYS = Object.keys({
  search: true,
  customerId: true,
  stageIds: true,
  ownerIds: true,
  closeFrom: true,
  closeTo: true,
  amountMin: true,
  amountMax: true,
} satisfies Record<keyof DealFilter, true>) as (keyof DealFilter)[];

const hasFilter = (filter: DealFilter) =>
  DEAL_FILTER_KEYS.some((key) => {
    const value = filter[key];
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  });

/**
 * Every live deal a viewer who sees all customers sees, counted as the live deals less those of
 * customers in the trash (few). Checking each of 200k deals against the trash read the table: 141 ms.
 * Counted in a partial index of live deals instead, 9 ms; INDEXED BY because without statistics for
 * it SQLite may read the table, which holds deleted_at.
 */
async function countAllLiveDeals(db: Db): Promise<number> {
  const [all, trashed] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM opportunities INDEXED BY opportunities_owner WHERE deleted_at IS NULL`.execute(db),
    db
      .selectFrom('opportunities')
      .innerJoin('customers', 'customers.id', 'opportunities.customer_id')
      .where('opportunities.deleted_at', 'is', null)
      .where('customers.deleted_at', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(all.rows[0]!.n) - Number(trashed.n);
}

export function listDealPage(db: Db, viewer: Viewer, page: DealPageQuery): Promise<DealCardRow[]> {
  return selectCards(filtered(db, viewer, page, 'row'))
    .orderBy(DEAL_SORT_COLUMNS[page.sort], page.direction)
    .orderBy('o.id', page.direction)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export interface BoardColumnQuery {
  stageId: number;
  /** Only deals that entered the stage at or after this instant (the closed columns show recent deals). */
  since: string | null;
  /** Keyset paging: the last card already shown. */
  after: { stageEnteredAt: string; id: number } | null;
  limit: number;
}

/** One column's cards, newest in the stage first, read in the board index's order. */
export function listBoardCards(db: Db, viewer: Viewer, column: BoardColumnQuery): Promise<DealCardRow[]> {
  let query = visibleDeals(db, viewer, 'row').where('o.stage_id', '=', column.stageId);
  if (column.since) query = query.where('o.stage_entered_at', '>=', column.since);
  const after = column.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('o.stage_entered_at', '<', after.stageEnteredAt),
        eb.and([eb('o.stage_entered_at', '=', after.stageEnteredAt), eb('o.id', '<', after.id)]),
      ]),
    );
  }
  return selectCards(query)
    .orderBy('o.stage_entered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(column.limit)
    .execute();
}

export interface BoardTotalRow {
  stage_id: number;
  currency: Currency;
  count: number;
  amount_minor: number;
  idle: number;
}

/**
 * Count, amount and idle count per stage and currency for some columns, in one statement: ranges of the
 * board index, which covers every column read here. `since` keeps only deals that entered their stage
 * at or after it (the closed columns); `idleBefore` is the instant before which a deal counts as idle,
 * null for closed stages, whose deals are never idle.
 */
export async function boardTotals(
  db: Db,
  viewer: Viewer,
  columns: { stageIds: number[]; since: string | null },
  idleBefore: string | null,
): Promise<BoardTotalRow[]> {
  if (columns.stageIds.length === 0) return [];
  let query = visibleDeals(db, viewer, 'set').where('o.stage_id', 'in', columns.stageIds);
  if (columns.since) query = query.where('o.stage_entered_at', '>=', columns.since);
  const idle = idleBefore === null ? sql<number>`0` : sql<number>`sum(${lastMovedAt} < ${idleBefore})`;
  const rows = await query
    .select([
      'o.stage_id',
      'o.currency',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number>('o.amount_minor').as('amount_minor'),
      idle.as('idle'),
    ])
    .groupBy(['o.stage_id', 'o.currency'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), amount_minor: Number(r.amount_minor), idle: Number(r.idle) }));
}

export interface DealDetailRow extends OpportunityRow {
  customer_name: string;
  contact_name: string | null;
  owner_name: string | null;
}

/** A live deal the viewer may see, with the names it shows, or undefined. */
export function findVisibleDeal(db: Db, viewer: Viewer, id: number): Promise<DealDetailRow | undefined> {
  return visibleDeals(db, viewer, 'row')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .leftJoin('contacts as k', 'k.id', 'o.contact_id')
    .selectAll('o')
    .select(['c.name as customer_name', 'k.name as contact_name', 'u.display_name as owner_name'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function insertDeal(db: Db, row: NewOpportunityRow): Promise<number> {
  const { id } = await db.insertInto('opportunities').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const updateDealIfVersion = (db: Db, id: number, version: number, changes: OpportunityUpdate): Promise<boolean> =>
  updateIfVersion(db, 'opportunities', id, version, changes);

export const softDeleteDeal = (db: Db, id: number, userId: number, now: string): Promise<void> =>
  softDelete(db, 'opportunities', id, userId, now);

export async function insertStageChange(
  db: Db,
  change: { dealId: number; fromStageId: number | null; toStageId: number; at: string; userId: number },
): Promise<void> {
  await db
    .insertInto('opportunity_stage_changes')
    .values({
      opportunity_id: change.dealId,
      from_stage_id: change.fromStageId,
      to_stage_id: change.toStageId,
      at: change.at,
      user_id: change.userId,
    })
    .execute();
}

export function listStageChanges(db: Db, dealId: number) {
  return db
    .selectFrom('opportunity_stage_changes as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.from_stage_id', 's.to_stage_id', 's.at', 's.user_id', 'u.display_name as user_name'])
    .where('s.opportunity_id', '=', dealId)
    .orderBy('s.id')
    .execute();
}

/** A deal as stored, whoever may see it. */
export function findDeal(db: Db, id: number): Promise<OpportunityRow | undefined> {
  return db.selectFrom('opportunities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Live deals in a stage (any customer, any owner): a stage that still has some cannot be archived. */
export function listLiveDealsInStage(db: Db, stageId: number): Promise<OpportunityRow[]> {
  return db
    .selectFrom('opportunities')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('deleted_at', 'is', null)
    .execute();
}

export interface OpenDealSummaryRow {
  customer_id: number;
  currency: Currency;
  count: number;
  amount_minor: number;
}

/** Open deals per customer and currency for one page of customers: one query for the whole page. */
export async function openDealSummaries(db: Db, customerIds: number[]): Promise<OpenDealSummaryRow[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('opportunities')
    .select([
      'customer_id',
      'currency',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number>('amount_minor').as('amount_minor'),
    ])
    .where(inList('customer_id', customerIds))
    .where('closed_at', 'is', null)
    .where('deleted_at', 'is', null)
    .groupBy(['customer_id', 'currency'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), amount_minor: Number(r.amount_minor) }));
}

/** A live deal of this customer, for linking an interaction to it. */
export function findLiveDealOfCustomer(db: Db, id: number, customerId: number) {
  return db
    .selectFrom('opportunities')
    .select('id')
    .where('id', '=', id)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * An interaction logged on the deal counts as activity (the board's idle flag). Not a user's edit of
 * the deal, so its version stays: a colleague's open deal form is not refused for it.
 */
export async function noteDealActivity(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ last_activity_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<', at)]))
    .execute();
}
