import type { Db } from './connection.js';
import { inList } from './in-list.js';

export interface CustomerExportExtras {
  id: number;
  address: string | null;
  source: string | null;
  notes: string | null;
  contact_title: string | null;
  contact_landline: string | null;
  contact_email: string | null;
  contact_wechat_id: string | null;
}

/** Columns an export has beyond the list's own, for one page of customer ids (primary contact first, as the list picks it). */
export async function findCustomerExportExtras(db: Db, ids: number[]): Promise<Map<number, CustomerExportExtras>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers as c')
    .select(['c.id', 'c.address', 'c.source', 'c.notes'])
    .select((eb) => {
      const primary = (column: 'title' | 'landline' | 'email' | 'wechat_id') =>
        eb
          .selectFrom('contacts as p')
          .select(`p.${column}`)
          .whereRef('p.customer_id', '=', 'c.id')
          .where('p.deleted_at', 'is', null)
          .orderBy('p.is_primary', 'desc')
          .orderBy('p.id')
          .limit(1);
      return [
        primary('title').as('contact_title'),
        primary('landline').as('contact_landline'),
        primary('email').as('contact_email'),
        primary('wechat_id').as('contact_wechat_id'),
      ];
    })
    .where(inList('c.id', ids))
    .execute();
  return new Map(rows.map((row) => [row.id, row as CustomerExportExtras]));
}
