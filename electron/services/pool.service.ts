import type { Db } from '../../db/connection.js';
import { findVisibleCustomer, updateCustomerIfVersion } from '../../db/customer.repository.js';
import { findLiveLead, findVisibleLead, updateLeadIfVersion } from '../../db/lead.repository.js';
import {
  countHeldCustomers,
  countPoolCustomers,
  countPoolLeads,
  endHolding,
  findLiveCustomer,
  listPoolCustomers,
  listPoolLeads,
  startHolding,
} from '../../db/pool.repository.js';
import type { ClaimInput, ListPoolInput, ReleaseInput } from '../api/schemas/pool.schema.js';
import { recordChange } from './audit-trail.js';
import { nowIso, type UserContext } from './context.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import { getPoolSettings } from './pool-settings.js';

export type PoolMove = 'claim' | 'release' | 'recycle';

export interface PoolCustomer {
  id: number;
  name: string;
  province: string | null;
  city: string | null;
  stage: string;
  lastContactedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface PoolLead {
  id: number;
  companyName: string | null;
  personName: string | null;
  source: string | null;
  status: string;
  score: number;
  province: string | null;
  city: string | null;
  updatedAt: string;
  version: number;
}

/** The pool's records of one kind; every role sees the pool, which is how it is shared. */
export async function listPool(ctx: UserContext, input: ListPoolInput): Promise<{ customers: PoolCustomer[]; leads: PoolLead[]; total: number }> {
  if (input.kind === 'customers') {
    const [rows, total] = await Promise.all([listPoolCustomers(ctx.db, input), countPoolCustomers(ctx.db, input.search)]);
    const customers = rows.map((r) => ({ id: r.id, name: r.name, province: r.province, city: r.city, stage: r.stage, lastContactedAt: r.last_contacted_at, updatedAt: r.updated_at, version: r.version }));
    return { customers, leads: [], total };
  }
  const [rows, total] = await Promise.all([listPoolLeads(ctx.db, input), countPoolLeads(ctx.db, input.search)]);
  const leads = rows.map((r) => ({
    id: r.id,
    companyName: r.company_name,
    personName: r.person_name,
    source: r.source,
    status: r.status,
    score: r.score,
    province: r.province,
    city: r.city,
    updatedAt: r.updated_at,
    version: r.version,
  }));
  return { customers: [], leads, total };
}

/** How many customers the user holds against the claim limit. */
export async function poolStatus(ctx: UserContext): Promise<{ held: number; limit: number }> {
  const [held, settings] = await Promise.all([countHeldCustomers(ctx.db, ctx.user.id), getPoolSettings(ctx.db)]);
  return { held, limit: settings.claimLimit };
}

/** The history entry of a move: the owner change, what moved it and, for a release, why. */
export function poolMoveChanges(from: number | null, to: number | null, move: PoolMove, reason?: string) {
  return { ownerId: [from, to] as [unknown, unknown], poolMove: [null, move] as [unknown, unknown], ...(reason ? { reason: [null, reason] as [unknown, unknown] } : {}) };
}

async function claimCustomer(trx: Db, ctx: UserContext, input: ClaimInput, now: string): Promise<void> {
  const customer = await findLiveCustomer(trx, input.id);
  if (!customer) throw notFound('customer', input.id);
  if (customer.owner_id !== null) throw invalid({ id: 'notInPool' });
  const { held, limit } = await poolStatus({ ...ctx, db: trx });
  if (held >= limit) throw new AppError('pool_limit', `You already hold ${held} of ${limit} customers`, { data: { held, limit } });
  if (!(await updateCustomerIfVersion(trx, input.id, input.version, { owner_id: ctx.user.id, updated_at: now }))) throw conflict('customer', customer);
  await startHolding(trx, input.id, now);
  await recordChange(trx, ctx, now, { entity: 'customer', entityId: input.id, customerId: input.id, op: 'update', changes: poolMoveChanges(null, ctx.user.id, 'claim') });
}

async function claimLead(trx: Db, ctx: UserContext, input: ClaimInput, now: string): Promise<void> {
  const lead = await findLiveLead(trx, input.id);
  if (!lead) throw notFound('lead', input.id);
  if (lead.owner_id !== null || lead.status === 'converted') throw invalid({ id: 'notInPool' });
  if (!(await updateLeadIfVersion(trx, input.id, input.version, { owner_id: ctx.user.id, updated_at: now }))) throw conflict('lead', lead);
  await recordChange(trx, ctx, now, { entity: 'lead', entityId: input.id, customerId: null, op: 'update', changes: poolMoveChanges(null, ctx.user.id, 'claim') });
}

export async function claim(ctx: UserContext, input: ClaimInput): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute((trx) => (input.kind === 'customer' ? claimCustomer(trx, ctx, input, now) : claimLead(trx, ctx, input, now)));
  ctx.events.publish({ entity: input.kind, id: input.id, op: 'update' });
}

/** Gives a record the user may see back to the pool, with the reason in its history. */
export async function release(ctx: UserContext, input: ReleaseInput): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.kind === 'customer') {
      const customer = await findVisibleCustomer(trx, ctx.user, input.id);
      if (!customer) throw notFound('customer', input.id);
      if (customer.owner_id === null) throw invalid({ id: 'notInPool' });
      if (!(await updateCustomerIfVersion(trx, input.id, input.version, { owner_id: null, updated_at: now }))) throw conflict('customer', customer);
      await endHolding(trx, input.id);
      await recordChange(trx, ctx, now, { entity: 'customer', entityId: input.id, customerId: input.id, op: 'update', changes: poolMoveChanges(customer.owner_id, null, 'release', input.reason) });
    } else {
      const lead = await findVisibleLead(trx, ctx.user, input.id);
      if (!lead) throw notFound('lead', input.id);
      if (lead.status === 'converted') throw invalid({ status: 'leadConverted' });
      if (!(await updateLeadIfVersion(trx, input.id, input.version, { owner_id: null, updated_at: now }))) throw conflict('lead', lead);
      await recordChange(trx, ctx, now, { entity: 'lead', entityId: input.id, customerId: null, op: 'update', changes: poolMoveChanges(lead.owner_id, null, 'release', input.reason) });
    }
  });
  ctx.events.publish({ entity: input.kind, id: input.id, op: 'update' });
}
