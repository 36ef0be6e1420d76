import {
  dismissPair,
  findPairCustomers,
  pairMatchesInRange,
  visibleCustomerIdsFrom,
  type PairMatchRow,
  type PairReason,
} from '../../db/duplicate-pairs.repository.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import type { CustomerRow } from '../../db/tables/customer.table.js';
import type { DismissPairInput, ListDuplicatePairsInput } from '../api/schemas/duplicates.schema.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { invalid, notFound } from './errors.js';
import { formatPhone } from './validation/phone.js';

export interface PairCustomer {
  id: number;
  name: string;
  kind: CustomerRow['kind'];
  stage: CustomerRow['stage'];
  province: string | null;
  city: string | null;
  ownerName: string | null;
  updatedAt: string;
}

export interface PairReasonItem {
  reason: PairReason;
  /** The phone (formatted), email or folded name that matched. */
  value: string;
}

export interface DuplicatePair {
  a: PairCustomer;
  b: PairCustomer;
  reasons: PairReasonItem[];
}

export interface PairCursor {
  a: number;
  b: number;
}

/**
 * Customers examined per round: the first round is small, since a page needs few pairs and data full
 * of duplicates yields many per customer; each round without enough pairs doubles it, up to the last.
 */
const ROUND_SIZES = { first: 100, max: 6400 };

const after = (row: PairMatchRow, cursor: PairCursor | undefined) =>
  !cursor || row.a > cursor.a || (row.a === cursor.a && row.b > cursor.b);

/** The next pairs after `cursor`, in (a, b) order, each with the reasons it matched. */
async function collectPairs(ctx: UserContext, cursor: PairCursor | undefined, wanted: number) {
  const pairs = new Map<string, { a: number; b: number; reasons: PairReasonItem[] }>();
  let from = cursor?.a ?? 1;
  for (let size = ROUND_SIZES.first; pairs.size < wanted; size = Math.min(size * 2, ROUND_SIZES.max)) {
    const ids = await visibleCustomerIdsFrom(ctx.db, ctx.user, from, size);
    if (ids.length === 0) break;
    const lo = ids[0]!;
    const hi = ids[ids.length - 1]!;
    for (const row of await pairMatchesInRange(ctx.db, ctx.user, lo, hi)) {
      if (!after(row, cursor)) continue;
      const key = `${row.a}:${row.b}`;
      const pair = pairs.get(key) ?? { a: row.a, b: row.b, reasons: [] };
      const isPhone = row.reason === 'mobile' || row.reason === 'landline';
      pair.reasons.push({ reason: row.reason, value: isPhone ? formatPhone(row.value) : row.value });
      pairs.set(key, pair);
    }
    if (ids.length < size) break;
    from = hi + 1;
  }
  // Rounds come in id order and each returns its pairs sorted, so insertion order is (a, b) order.
  return [...pairs.values()];
}

/**
 * Likely duplicates among the live customers the user can see, a page at a time. Paged by cursor (the
 * last pair shown), not by offset: a page never recomputes the pairs before it.
 */
export async function listDuplicatePairs(
  ctx: UserContext,
  input: ListDuplicatePairsInput,
): Promise<{ items: DuplicatePair[]; next: PairCursor | null }> {
  const found = await collectPairs(ctx, input.cursor ?? undefined, input.limit + 1);
  const page = found.slice(0, input.limit);
  const customers = new Map(
    (await findPairCustomers(ctx.db, [...new Set(page.flatMap((p) => [p.a, p.b]))])).map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        kind: c.kind,
        stage: c.stage,
        province: c.province,
        city: c.city,
        ownerName: c.owner_name,
        updatedAt: c.updated_at,
      },
    ]),
  );
  const items = page.map((p) => ({ a: customers.get(p.a)!, b: customers.get(p.b)!, reasons: p.reasons }));
  const last = page[page.length - 1];
  return { items, next: found.length > input.limit && last ? { a: last.a, b: last.b } : null };
}

/** "Not a duplicate": the pair stays out of the finder from now on. */
export async function dismissDuplicatePair(ctx: UserContext, input: DismissPairInput): Promise<void> {
  if (input.customerIds[0] === input.customerIds[1]) throw invalid({ customerIds: 'sameCustomer' });
  const [a, b] = [...input.customerIds].sort((x, y) => x - y) as [number, number];
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of [a, b]) {
      if (!(await findVisibleCustomer(trx, ctx.user, id))) throw notFound('customer', id);
    }
    await dismissPair(trx, a, b, ctx.user.id, nowIso(ctx.clock));
  });
}
