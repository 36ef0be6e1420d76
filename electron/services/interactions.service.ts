import { createdRecord, diffRecords } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import {
  eligibleParticipants,
  findInteraction,
  findParticipants,
  insertInteraction,
  listTimelinePage,
  refreshLastContacted,
  replaceParticipants,
  setNextFollowUp,
  updateInteractionIfVersion,
} from '../../db/interaction.repository.js';
import { findLiveDealOfCustomer, noteDealActivity } from '../../db/opportunity.repository.js';
import type {
  CreateInteractionInput,
  InteractionFields,
  TimelineCursor,
  TimelineInput,
  UpdateInteractionInput,
} from '../api/schemas/interactions.schema.js';
import { recordChange } from './audit-trail.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { conflict, invalid, notFound, type FieldErrors } from './errors.js';
import { toInteraction, type Interaction } from './interactions.mappers.js';

/** What the audit log keeps of an interaction: what was logged, not bookkeeping (the entry says who and when). */
function auditedInteraction(interaction: Interaction) {
  const { id: _id, customerId: _c, createdBy: _b, createdAt: _ca, updatedAt: _u, version: _v, ...fields } = interaction;
  return fields;
}

/** Clocks of colleagues' PCs differ a little; a log "from the future" beyond this is a typing slip. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface TimelinePage {
  items: Interaction[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: TimelineCursor | null;
}

async function visibleCustomer(db: Db, ctx: UserContext, customerId: number) {
  const customer = await findVisibleCustomer(db, ctx.user, customerId);
  if (!customer) throw notFound('customer', customerId);
  return customer;
}

/** An interaction is reachable only through a customer the user may see. */
async function visibleInteraction(db: Db, ctx: UserContext, id: number) {
  const row = await findInteraction(db, id);
  const customer = row && (await findVisibleCustomer(db, ctx.user, row.customer_id));
  if (!row || !customer) throw notFound('interaction', id);
  return { row, customer };
}

async function loadInteraction(db: Db, id: number): Promise<Interaction> {
  const row = (await findInteraction(db, id))!;
  return toInteraction(row, await findParticipants(db, [id]));
}

/** The checks zod cannot make: the time against the clock, the people against the database. */
async function checkFields(db: Db, ctx: UserContext, customerId: number, fields: InteractionFields): Promise<void> {
  const errors: FieldErrors = {};
  if (Date.parse(fields.occurredAt) > ctx.clock.now().getTime() + CLOCK_SKEW_MS) errors.occurredAt = 'inFuture';
  const eligible = await eligibleParticipants(db, customerId, fields.staffIds, fields.contactIds);
  if (fields.staffIds.some((id) => !eligible.userIds.has(id))) errors.staffIds = 'invalidStaff';
  if (fields.contactIds.some((id) => !eligible.contactIds.has(id))) errors.contactIds = 'contactNotOfCustomer';
  if (fields.opportunityId !== null && !(await findLiveDealOfCustomer(db, fields.opportunityId, customerId))) {
    errors.opportunityId = 'invalidLink';
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
}

function interactionColumns(fields: InteractionFields) {
  return {
    type: fields.type,
    channel: fields.channel,
    direction: fields.direction,
    occurred_at: fields.occurredAt,
    duration_minutes: fields.durationMinutes,
    content: fields.content,
    outcome: fields.outcome,
    next_step: fields.nextStep,
    next_follow_up_on: fields.nextFollowUpOn,
    lead_id: fields.leadId,
    opportunity_id: fields.opportunityId,
  };
}

/** Writes the participants, the customer's last contact and, if one was agreed, its next follow-up. */
async function applyToCustomer(
  db: Db,
  ctx: UserContext,
  customer: { id: number; next_follow_up_on: string | null },
  interactionId: number,
  fields: InteractionFields,
  now: string,
): Promise<void> {
  const staff = fields.staffIds.length > 0 ? fields.staffIds : [ctx.user.id];
  await replaceParticipants(db, interactionId, staff, fields.contactIds);
  await refreshLastContacted(db, customer.id);
  if (fields.opportunityId !== null) await noteDealActivity(db, fields.opportunityId, fields.occurredAt);
  const followUp = fields.nextFollowUpOn;
  if (followUp !== null && followUp !== customer.next_follow_up_on) {
    await setNextFollowUp(db, customer.id, followUp, now);
    await recordChange(db, ctx, now, {
      entity: 'customer',
      entityId: customer.id,
      customerId: customer.id,
      op: 'update',
      changes: { nextFollowUpOn: [customer.next_follow_up_on, followUp] },
    });
  }
}

function publish(ctx: UserContext, interaction: { id: number; customerId: number }, op: 'create' | 'update' | 'delete') {
  ctx.events.publish({ entity: 'interaction', id: interaction.id, op });
  ctx.events.publish({ entity: 'customer', id: interaction.customerId, op: 'update' });
}

export async function logInteraction(ctx: UserContext, input: CreateInteractionInput): Promise<Interaction> {
  const now = nowIso(ctx.clock);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const customer = await visibleCustomer(trx, ctx, input.customerId);
    await checkFields(trx, ctx, customer.id, input);
    const id = await insertInteraction(trx, {
      ...interactionColumns(input),
      customer_id: customer.id,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      version: 1,
    });
    await applyToCustomer(trx, ctx, customer, id, input, now);
    const interaction = await loadInteraction(trx, id);
    await recordChange(trx, ctx, now, {
      entity: 'interaction',
      entityId: id,
      customerId: null,
      op: 'create',
      changes: createdRecord(auditedInteraction(interaction)),
    });
    return interaction;
  });
  publish(ctx, created, 'create');
  return created;
}

export async function updateInteraction(ctx: UserContext, input: UpdateInteractionInput): Promise<Interaction> {
  const now = nowIso(ctx.clock);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const { row, customer } = await visibleInteraction(trx, ctx, input.id);
    const before = await loadInteraction(trx, row.id);
    await checkFields(trx, ctx, customer.id, input);
    const ok = await updateInteractionIfVersion(trx, row.id, input.version, { ...interactionColumns(input), updated_at: now });
    if (!ok) throw conflict('interaction', before);
    await applyToCustomer(trx, ctx, customer, row.id, input, now);
    const after = await loadInteraction(trx, row.id);
    await recordChange(trx, ctx, now, {
      entity: 'interaction',
      entityId: row.id,
      customerId: null,
      op: 'update',
      changes: diffRecords(auditedInteraction(before), auditedInteraction(after)),
    });
    return after;
  });
  publish(ctx, updated, 'update');
  return updated;
}

/** Soft delete of the version the user saw; the customer's last contact falls back to the one before. */
export async function deleteInteraction(ctx: UserContext, id: number, version: number): Promise<void> {
  const now = nowIso(ctx.clock);
  const customerId = await ctx.db.transaction().execute(async (trx) => {
    const { row, customer } = await visibleInteraction(trx, ctx, id);
    const ok = await updateInteractionIfVersion(trx, id, version, { deleted_at: now, deleted_by: ctx.user.id, updated_at: now });
    if (!ok) throw conflict('interaction', await loadInteraction(trx, id));
    await refreshLastContacted(trx, customer.id);
    await recordChange(trx, ctx, now, { entity: 'interaction', entityId: row.id, customerId: null, op: 'delete', changes: {} });
    return customer.id;
  });
  publish(ctx, { id, customerId }, 'delete');
}

/** A page of the customer's timeline, newest first, optionally of some types only. */
export async function listTimeline(ctx: UserContext, input: TimelineInput): Promise<TimelinePage> {
  await visibleCustomer(ctx.db, ctx, input.customerId);
  // One row more than asked says whether another page follows.
  const rows = await listTimelinePage(ctx.db, input.customerId, {
    types: input.types,
    after: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const participants = await findParticipants(ctx.db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((row) => toInteraction(row, participants)),
    nextCursor: rows.length > input.limit && last ? { occurredAt: last.occurred_at, id: last.id } : null,
  };
}
