import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connection.js';
import { inList } from './in-list.js';
import { customerVisibleTo, type Viewer } from './visibility.js';

/**
 * Likely duplicate pairs among live customers, found with index joins on normalized columns
 * (contacts.mobile/landline/email, customers.name_key/name_stem). A pair is (a, b) with a < b; the
 * finder walks customers in id order, a range of ids at a time, so a page costs a few index lookups
 * per customer instead of comparing every customer with every other.
 */

export type PairReason = 'mobile' | 'landline' | 'email' | 'name' | 'nameContained';

export interface PairMatchRow {
  a: number;
  b: number;
  reason: PairReason;
  /** What matched: the normalized phone or email, the folded name, or the shorter name contained in the other. */
  value: string;
}

/** The shortest folded name that may be matched as contained in another: shorter ones are too common. */
export const MIN_CONTAINED_LENGTH = 4;
/** Names (without a leading place) longer than 30 characters are not looked for inside longer names. */
const PREFIX_LENGTHS = Array.from({ length: 29 }, (_, i) => i + 2);

/** Live customers the viewer sees, from `fromId` up, at most `limit`, in id order. */
export async function visibleCustomerIdsFrom(db: Db, viewer: Viewer, fromId: number, limit: number): Promise<number[]> {
  let query = db.selectFrom('customers as c').select('c.id').where('c.deleted_at', 'is', null).where('c.id', '>=', fromId);
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  if (visible) query = query.where(visible);
  const rows = await query.orderBy('c.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The other customer of a pair (c2) is live and the viewer may see it. */
function otherVisible(viewer: Viewer): RawBuilder<unknown> {
  const visible = customerVisibleTo(sql.ref('c2.owner_id'), viewer);
  return visible ? sql`c2.deleted_at IS NULL AND ${visible}` : sql`c2.deleted_at IS NULL`;
}

// Each branch pairs a customer of the round (c1, from the "round" table below) with a customer of
// higher id (c2). CROSS JOIN is SQLite's way to fix the join order: the planner cannot know the
// round is small, and would otherwise scan every customer.

/** Two customers sharing a live contact's normalized phone or email. */
function channelPairs(column: 'mobile' | 'landline' | 'email', c2Visible: RawBuilder<unknown>): RawBuilder<unknown> {
  const k1 = sql.ref(`k1.${column}`);
  const k2 = sql.ref(`k2.${column}`);
  return sql`
    SELECT c1.id AS a, c2.id AS b, ${sql.lit(column)} AS reason, ${k1} AS value
      FROM round c1
      CROSS JOIN contacts k1 ON k1.customer_id = c1.id
      CROSS JOIN contacts k2 ON ${k2} = ${k1} AND k2.customer_id > c1.id
      CROSS JOIN customers c2 ON c2.id = k2.customer_id
     WHERE ${k1} IS NOT NULL AND k1.deleted_at IS NULL AND k2.deleted_at IS NULL AND ${c2Visible}`;
}

/** Two companies with the same folded name (case, spaces, punctuation and legal form ignored). */
function sameNamePairs(c2Visible: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SELECT c1.id AS a, c2.id AS b, 'name' AS reason, c1.name_key AS value
      FROM round c1
      CROSS JOIN customers c2 ON c2.name_key = c1.name_key AND c2.id > c1.id
     WHERE c1.kind = 'company' AND c1.name_key <> '' AND +c2.kind = 'company' AND ${c2Visible}`;
}

/**
 * Two companies where one folded name contains the other ("星辰科技" in "北京星辰科技发展"). Candidates
 * come from the name_stem index (the name without a leading place): the shorter name's stem is a
 * prefix of the longer one's, found as a range of the index one way and one lookup per prefix length
 * (prefix_lengths) the other. Both directions, since the lower id may hold either name.
 */
function containedNamePairs(c2Visible: RawBuilder<unknown>): RawBuilder<unknown> {
  // The unary + keeps SQLite from walking the kind index or the id range instead of name_stem's.
  const companies = sql`c1.kind = 'company' AND +c2.kind = 'company' AND +c2.id > c1.id
       AND c2.name_key <> c1.name_key AND ${c2Visible}`;
  return sql`
    SELECT c1.id AS a, c2.id AS b, 'nameContained' AS reason, c1.name_key AS value
      FROM round c1
      CROSS JOIN customers c2 ON c2.name_stem >= c1.name_stem AND c2.name_stem < c1.name_stem || char(1114111)
     WHERE ${companies} AND length(c1.name_key) >= ${MIN_CONTAINED_LENGTH} AND instr(c2.name_key, c1.name_key) > 0
    UNION ALL
    SELECT c1.id AS a, c2.id AS b, 'nameContained' AS reason, c2.name_key AS value
      FROM round c1
      CROSS JOIN prefix_lengths p ON p.n <= length(c1.name_stem)
      CROSS JOIN customers c2 ON c2.name_stem = substr(c1.name_stem, 1, p.n)
     WHERE ${companies} AND length(c2.name_key) >= ${MIN_CONTAINED_LENGTH} AND instr(c1.name_key, c2.name_key) > 0`;
}

/**
 * Every match whose lower id is in [lo, hi], both customers live and visible to the viewer, pairs the
 * user dismissed left out; ordered by (a, b). One row per reason and value, so a pair may come back
 * several times with different reasons.
 */
export async function pairMatchesInRange(db: Db, viewer: Viewer, lo: number, hi: number): Promise<PairMatchRow[]> {
  const c2Visible = otherVisible(viewer);
  const branches = [
    channelPairs('mobile', c2Visible),
    channelPairs('landline', c2Visible),
    channelPairs('email', c2Visible),
    sameNamePairs(c2Visible),
    containedNamePairs(c2Visible),
  ];
  const visible = customerVisibleTo(sql.ref('c.owner_id'), viewer);
  // The round's customers (live, visible, in the id range) are found once and shared by every branch.
  const { rows } = await sql<PairMatchRow>`
    WITH prefix_lengths(n) AS (VALUES ${sql.join(PREFIX_LENGTHS.map((n) => sql`(${sql.lit(n)})`))}),
    round AS MATERIALIZED (
      SELECT c.id, c.kind, c.name_key, c.name_stem FROM customers c
       WHERE c.id BETWEEN ${lo} AND ${hi} AND c.deleted_at IS NULL ${visible ? sql`AND ${visible}` : sql``}
    )
    SELECT DISTINCT p.a, p.b, p.reason, p.value
      FROM (${sql.join(branches, sql` UNION ALL `)}) p
     WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.customer_a_id = p.a AND d.customer_b_id = p.b)
     ORDER BY p.a, p.b, p.reason`.execute(db);
  return rows;
}

export async function dismissPair(db: Db, a: number, b: number, userId: number, now: string): Promise<void> {
  await db
    .insertInto('duplicate_dismissals')
    .values({ customer_a_id: a, customer_b_id: b, dismissed_by: userId, dismissed_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** What the finder shows of each customer in a pair. */
export function findPairCustomers(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.name', 'c.kind', 'c.stage', 'c.province', 'c.city', 'c.updated_at', 'u.display_name as owner_name'])
    .where(inList('c.id', ids))
    .execute();
}
