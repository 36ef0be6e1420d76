import type { ListPoolInput } from '../../api/schemas/pool.schema.js';
import { listPool, type PoolCustomer, type PoolLead } from '../pool.service.js';
import { inPages, type ListExport, type Unpaged } from './list-export.js';

/**
 * The public pool's two lists. Read through the pool service, as the screen is: who sees the pool is
 * decided there, not by the general visibility rule.
 */
type PoolFilter = Omit<Unpaged<ListPoolInput>, 'kind'>;

export const poolCustomerExport = {
  name: 'pool-customers',
  columns: {
    name: (c) => c.name,
    stage: (c, f) => f.word('stage', c.stage),
    province: (c) => c.province ?? '',
    city: (c) => c.city ?? '',
    lastContactedAt: (c, f) => f.instant(c.lastContactedAt),
    updatedAt: (c, f) => f.instant(c.updatedAt),
  },
  rows: (ctx, input) => inPages(async (offset, limit) => (await listPool(ctx, { ...input, kind: 'customers', offset, limit })).customers),
} satisfies ListExport<PoolFilter, PoolCustomer, string>;

export const poolLeadExport = {
  name: 'pool-leads',
  columns: {
    companyName: (l) => l.companyName ?? '',
    personName: (l) => l.personName ?? '',
    source: (l, f) => f.word('source', l.source),
    status: (l, f) => f.word('status', l.status),
    score: (l) => l.score,
    province: (l) => l.province ?? '',
    city: (l) => l.city ?? '',
    updatedAt: (l, f) => f.instant(l.updatedAt),
  },
  rows: (ctx, input) => inPages(async (offset, limit) => (await listPool(ctx, { ...input, kind: 'leads', offset, limit })).leads),
} satisfies ListExport<PoolFilter, PoolLead, string>;
