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
  type TimelineOwner,
  replaceParticipants,
  setNextFollowUp,
  updateInteractionIfVersion,
} from '../../db/interaction.repository.js';
import { findVisibleLead, type LeadListRow } from '../../db/lead.repository.js';
import { findLiveDealOfCustomer, noteDealActivity } from '../../db/opportunity.repository.js';
import type { CustomerRow } from '../../db/tables/customer.table.js';
import type {
  CreateInteractionInput,
  FollowUpInput,
  InteractionFields,
  TimelineCursor,
  TimelineInput,
  UpdateInteractionInput,
} from '../api/schemas/interactions.schema.js';
import { auditedInteraction, recordChange } from './audit-trail.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { AppError, invalid, notFound, type FieldErrors } from './errors.js';
import { toInteraction, type Interaction } from './interactions.mappers.js';
import { localDateTime } from './local-time.js';
import { staleVersion } from './stale-version.js';
import { insertTaskFor } from './tasks.service.js';
import type { Task } from './tasks.mappers.js';

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

/** What an interaction is about: a customer, a lead not converted yet, or a customer and the lead it came from. */
interface Subject {
  customer: CustomerRow | null;
  lead: LeadListRow | null;
}

/**
 * The customer and lead a log names, as the user may see them. A lead goes with its own customer only
 * (conversion moves its interactions there); a converted lead is logged to on its customer.
 */
async function subjectOf(db: Db, ctx: UserContext, customerId: number | null, leadId: number | null): Promise<Subject> {
  const lead = leadId === null ? null : ((await findVisibleLead(db, ctx.user, leadId)) ?? null);
  if (customerId === null) {
    if (!lead) throw notFound('lead', leadId!);
    if (lead.status === 'converted') throw invalid({ leadId: 'leadConverted' });
    return { customer: null, lead };
  }
  const customer = await visibleCustomer(db, ctx, customerId);
  if (leadId !== null && lead?.converted_customer_id !== customer.id) throw invalid({ leadId: 'invalidLink' });
  return { customer, lead };
}

/** An interaction is reachable only through the customer (or, before conversion, the lead) the user may see. */
async function visibleInteraction(db: Db, ctx: UserContext, id: number) {
  const row = await findInteraction(db, id);
  const visible =
    row &&
    (row.customer_id !== null
      ? await findVisibleCustomer(db, ctx.user, row.customer_id)
      : row.lead_id !== null && (await findVisibleLead(db, ctx.user, row.lead_id)));
  if (!row || !visible) throw notFound('interaction', id);
  return row;
}

async function loadInteraction(db: Db, id: number): Promise<Interaction> {
  const row = (await findInteraction(db, id))!;
  return toInteraction(row, await findParticipants(db, [id]));
}

/** The checks zod cannot make: the time against the clock, the people and the deal against the database. */
async function checkFields(db: Db, ctx: UserContext, customerId: number | null, fields: InteractionFields): Promise<void> {
  const errors: FieldErrors = {};
  if (Date.parse(fields.occurredAt) > ctx.clock.now().getTime() + CLOCK_SKEW_MS) errors.occurredAt = 'inFuture';
  const eligible = await eligibleParticipants(db, customerId, fields.staffIds, fields.contactIds);
  if (fields.staffIds.some((id) => !eligible.userIds.has(id))) errors.staffIds = 'invalidStaff';
  if (fields.contactIds.some((id) => !eligible.contactIds.has(id))) errors.contactIds = 'contactNotOfCustomer';
  if (
    fields.opportunityId !== null &&
    (customerId === null || !(await findLiveDealOfCustomer(db, fields.opportunityId, customerId)))
  ) {
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

/** Writes the participants and, for a customer, its last contact and (if one was agreed) its next follow-up. */
async function applyToSubject(
  db: Db,
  ctx: UserContext,
  customer: Subject['customer'],
  interactionId: number,
  fields: InteractionFields,
  now: string,
): Promise<void> {
  const staff = fields.staffIds.length > 0 ? fields.staffIds : [ctx.user.id];
  await replaceParticipants(db, interactionId, staff, fields.contactIds);
  if (!customer) return;
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

/** A timed follow-up reminds its assignee this long before, as the task form proposes. */
const FOLLOW_UP_REMINDER_MS = 15 * 60_000;

/** The most precise record the follow-up is about: the deal, the lead (before conversion), the one contact, else the customer. */
function followUpLink(interaction: Interaction): Task['link'] {
  if (interaction.opportunityId !== null) return { type: 'opportunity', id: interaction.opportunityId };
  if (interaction.customerId === null) return { type: 'lead', id: interaction.leadId! };
  const [contact, ...others] = interaction.contacts;
  if (contact && others.length === 0) return { type: 'contact', id: contact.id };
  return { type: 'customer', id: interaction.customerId };
}

/**
 * The follow-up task agreed in the interaction, in the caller's transaction: due on the follow-up day at
 * the chosen local time (all day without one), titled with the next step. A refused task refuses the
 * whole log, its field errors named under followUp.
 */
async function addFollowUpTask(db: Db, ctx: UserContext, interaction: Interaction, subject: Subject, followUp: FollowUpInput): Promise<Task> {
  const dueAt = localDateTime(interaction.nextFollowUpOn!, followUp.time ?? '00:00', followUp.timeZone);
  const subjectName = subject.customer?.name ?? subject.lead?.company_name ?? subject.lead?.person_name ?? '';
  try {
    return await insertTaskFor(db, ctx, {
      title: interaction.nextStep ?? followUp.title ?? subjectName,
      notes: null,
      kind: 'task',
      dueAt: dueAt.toISOString(),
      endsAt: null,
      allDay: followUp.time === null,
      assigneeId: followUp.assigneeId,
      priority: 'normal',
      remindAt: followUp.time === null ? null : new Date(dueAt.getTime() - FOLLOW_UP_REMINDER_MS).toISOString(),
      link: followUpLink(interaction),
    });
  } catch (error) {
    if (error instanceof AppError && error.details.fieldErrors) {
      throw invalid(Object.fromEntries(Object.entries(error.details.fieldErrors).map(([field, message]) => [`followUp.${field}`, message])));
    }
    throw error;
  }
}

function publish(ctx: UserContext, interaction: { id: number; customerId: number | null; leadId: number | null }, op: 'create' | 'update' | 'delete') {
  ctx.events.publish({ entity: 'interaction', id: interaction.id, op });
  if (interaction.customerId !== null) ctx.events.publish({ entity: 'customer', id: interaction.customerId, op: 'update' });
  else if (interaction.leadId !== null) ctx.events.publish({ entity: 'lead', id: interaction.leadId, op: 'update' });
}

/** A logged interaction and the follow-up task it made, if a follow-up was agreed. */
export interface LoggedInteraction extends Interaction {
  followUpTask: Task | null;
}

export async function logInteraction(ctx: UserContext, input: CreateInteractionInput): Promise<LoggedInteraction> {
  const now = nowIso(ctx.clock);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const subject = await subjectOf(trx, ctx, input.customerId, input.leadId);
    const customerId = subject.customer?.id ?? null;
    await checkFields(trx, ctx, customerId, input);
    const id = await insertInteraction(trx, {
      ...interactionColumns(input),
      customer_id: customerId,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      version: 1,
    });
    await applyToSubject(trx, ctx, subject.customer, id, input, now);
    const interaction = await loadInteraction(trx, id);
    await recordChange(trx, ctx, now, {
      entity: 'interaction',
      entityId: id,
      customerId: null,
      op: 'create',
      changes: createdRecord(auditedInteraction(interaction)),
    });
    const followUpTask = input.followUp && (await addFollowUpTask(trx, ctx, interaction, subject, input.followUp));
    return { ...interaction, followUpTask };
  });
  publish(ctx, created, 'create');
  if (created.followUpTask) ctx.events.publish({ entity: 'task', id: created.followUpTask.id, op: 'create' });
  return created;
}

export async function updateInteraction(ctx: UserContext, input: UpdateInteractionInput): Promise<Interaction> {
  const now = nowIso(ctx.clock);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await visibleInteraction(trx, ctx, input.id);
    // A lead's interaction stays with its lead; a customer's may name the lead the customer came from.
    if (row.customer_id === null && input.leadId !== row.lead_id) throw invalid({ leadId: 'invalidLink' });
    const subject = await subjectOf(trx, ctx, row.customer_id, input.leadId);
    const before = await loadInteraction(trx, row.id);
    await checkFields(trx, ctx, row.customer_id, input);
    const ok = await updateInteractionIfVersion(trx, row.id, input.version, { ...interactionColumns(input), updated_at: now });
    if (!ok) throw await staleVersion(trx, 'interaction', before);
    await applyToSubject(trx, ctx, subject.customer, row.id, input, now);
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
  const row = await ctx.db.transaction().execute(async (trx) => {
    const row = await visibleInteraction(trx, ctx, id);
    const ok = await updateInteractionIfVersion(trx, id, version, { deleted_at: now, deleted_by: ctx.user.id, updated_at: now });
    if (!ok) throw await staleVersion(trx, 'interaction', await loadInteraction(trx, id));
    if (row.customer_id !== null) await refreshLastContacted(trx, row.customer_id);
    await recordChange(trx, ctx, now, { entity: 'interaction', entityId: row.id, customerId: null, op: 'delete', changes: {} });
    return row;
  });
  publish(ctx, { id, customerId: row.customer_id, leadId: row.lead_id }, 'delete');
}

/** A page of a customer's or a lead's timeline, newest first, optionally of some types only. */
export async function listTimeline(ctx: UserContext, input: TimelineInput): Promise<TimelinePage> {
  const owner: TimelineOwner = input.leadId !== undefined ? { leadId: input.leadId } : { customerId: input.customerId! };
  // One row more than asked says whether another page follows.
  const rows = await listTimelinePage(ctx.db, owner, {
    types: input.types,
    after: input.cursor,
    limit: input.limit + 1,
    viewer: ctx.user,
  });
  // The page's query checked visibility: only an empty page leaves open whether there is nothing to see.
  if (rows.length === 0) {
    if ('leadId' in owner) {
      if (!(await findVisibleLead(ctx.db, ctx.user, owner.leadId))) throw notFound('lead', owner.leadId);
    } else await visibleCustomer(ctx.db, ctx, owner.customerId);
  }
  const page = rows.slice(0, input.limit);
  const participants = await findParticipants(ctx.db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((row) => toInteraction(row, participants)),
    nextCursor: rows.length > input.limit && last ? { occurredAt: last.occurred_at, id: last.id } : null,
  };
}
