import type { Db } from '../../db/connection.js';
import { openDealSummaries } from '../../db/opportunity.repository.js';
import type { Currency } from '../../db/tables/opportunity.table.js';

/** A customer's open deals, for the customer list: how many, and their total per currency. */
export interface OpenDeals {
  count: number;
  totals: { currency: Currency; amountMinor: number }[];
}

export const NO_OPEN_DEALS: OpenDeals = { count: 0, totals: [] };

/** Open deals of each customer on a list page, in one query (the page is already visibility-checked). */
export async function openDealsOfCustomers(db: Db, customerIds: number[]): Promise<Map<number, OpenDeals>> {
  const byCustomer = new Map<number, OpenDeals>();
  for (const row of await openDealSummaries(db, customerIds)) {
    const deals = byCustomer.get(row.customer_id) ?? { count: 0, totals: [] };
    deals.count += row.count;
    deals.totals.push({ currency: row.currency, amountMinor: row.amount_minor });
    byCustomer.set(row.customer_id, deals);
  }
  return byCustomer;
}
