import { createdRecord, diffRecords } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { countLeads, findLiveLead, findVisibleLead, insertLead, listLeadPage, softDeleteLead, updateLeadIfVersion } from '../../db/lead.repository.js';
import { getSetting, putSetting } from '../../db/settings.repository.js';
import { defaultLeadSources, type CreateLeadInput, type ListLeadsInput, type UpdateLeadInput } from '../api/schemas/leads.schema.js';
import { recordChange } from './audit-trail.js';
import { nowIso, type UserContext } from './context.js';
import { invalid, notFound } from './errors.js';
import { assertManager, assertMayAssign, resolveAssignee, type AssigneeChoice } from './lead-assignment.service.js';
import { reindexLead } from './lead-search.js';
import { auditedLead, leadColumns, toLead, type Lead } from './leads.mappers.js';
import { staleVersion } from './stale-version.js';

const SOURCES_KEY = 'leads.sources';

export async function listLeadSources(ctx: { db: Db }): Promise<string[]> {
  return (await getSetting<string[]>(ctx.db, SOURCES_KEY)) ?? defaultLeadSources;
}

export async function saveLeadSources(ctx: UserContext, sources: string[]): Promise<string[]> {
  assertManager(ctx);
  await putSetting(ctx.db, SOURCES_KEY, sources, nowIso(ctx.clock));
  ctx.events.publish({ entity: 'settings', id: 0, op: 'update' });
  return sources;
}

/** Pass the transaction inside one: the database has one connection, and a read beside the transaction waits for it forever. */
async function assertKnownSource(db: Db, source: string | null): Promise<void> {
  if (source !== null && !(await listLeadSources({ db })).includes(source)) throw invalid({ source: 'invalid' });
}

export async function listLeads(ctx: UserContext, input: ListLeadsInput): Promise<{ items: Lead[]; total: number }> {
  const [rows, total] = await Promise.all([listLeadPage(ctx.db, ctx.user, input), countLeads(ctx.db, ctx.user, input)]);
  return { items: rows.map(toLead), total };
}

/** A lead the user may see; another rep's lead does not exist for them. */
export async function loadVisibleLead(db: Db, ctx: UserContext, id: number): Promise<Lead> {
  const row = await findVisibleLead(db, ctx.user, id);
  if (!row) throw notFound('lead', id);
  return toLead(row);
}

export function getLead(ctx: UserContext, id: number): Promise<Lead> {
  return loadVisibleLead(ctx.db, ctx, id);
}

export async function createLead(ctx: UserContext, input: CreateLeadInput): Promise<Lead> {
  await assertKnownSource(ctx.db, input.fields.source);
  const choice: AssigneeChoice = input.assign ?? { mode: 'manual', ownerId: ctx.user.id };
  assertMayAssign(ctx, choice);
  const now = nowIso(ctx.clock);
  const lead = await ctx.db.transaction().execute(async (trx) => {
    const ownerId = await resolveAssignee(trx, choice, input.fields);
    const columns = leadColumns(input.fields);
    const id = await insertLead(trx, {
      ...columns,
      owner_id: ownerId,
      converted_customer_id: null,
      converted_at: null,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      version: 1,
    });
    await reindexLead(trx, id, columns);
    // Read back without the visibility rule: a rep may hand a new lead to the pool or a colleague.
    const created = toLead((await findLiveLead(trx, id))!);
    await recordChange(trx, ctx, now, { entity: 'lead', entityId: id, customerId: null, op: 'create', changes: { ...createdRecord(auditedLead(created)), ...(input.assign ? { assignment: [null, choice.mode] } : {}) } });
    return created;
  });
  ctx.events.publish({ entity: 'lead', id: lead.id, op: 'create' });
  return lead;
}

export async function updateLead(ctx: UserContext, input: UpdateLeadInput): Promise<Lead> {
  const now = nowIso(ctx.clock);
  const lead = await ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisibleLead(trx, ctx, input.id);
    if (before.status === 'converted') throw invalid({ status: 'leadConverted' });
    if (input.fields.source !== before.source) await assertKnownSource(trx, input.fields.source);
    const columns = leadColumns(input.fields);
    const ok = await updateLeadIfVersion(trx, input.id, input.version, Object.assign({ updated_at: now }, columns));
    if (!ok) throw await staleVersion(trx, 'lead', before);
    await reindexLead(trx, input.id, columns);
    const after = await loadVisibleLead(trx, ctx, input.id);
    await recordChange(trx, ctx, now, { entity: 'lead', entityId: input.id, customerId: null, op: 'update', changes: diffRecords(auditedLead(before), auditedLead(after)) });
    return after;
  });
  ctx.events.publish({ entity: 'lead', id: lead.id, op: 'update' });
  return lead;
}

export async function deleteLead(ctx: UserContext, id: number): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await loadVisibleLead(trx, ctx, id);
    await softDeleteLead(trx, id, ctx.user.id, now);
    await recordChange(trx, ctx, now, { entity: 'lead', entityId: id, customerId: null, op: 'delete', changes: {} });
  });
  ctx.events.publish({ entity: 'lead', id, op: 'delete' });
}
