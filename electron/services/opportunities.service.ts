import { createdRecord, diffRecords, writeAudit } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { findContact } from '../../db/contact.repository.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import {
  boardTotals,
  countDeals,
  findDeal,
  findVisibleDeal,
  insertDeal,
  insertStageChange,
  listBoardCards,
  listDealPage,
  listStageChanges,
  softDeleteDeal,
  updateDealIfVersion,
  type BoardTotalRow,
} from '../../db/opportunity.repository.js';
import { findIdleDays, findStage, listStages } from '../../db/pipeline.repository.js';
import type { Currency, OpportunityRow } from '../../db/tables/opportunity.table.js';
import type { PipelineStageRow } from '../../db/tables/pipeline.table.js';
import type {
  BoardColumnInput,
  BoardInput,
  CreateDealInput,
  DealFields,
  ListDealsInput,
  MoveDealInput,
  UpdateDealInput,
} from '../api/schemas/opportunities.schema.js';
import { nowIso, type UserContext } from './context.js';
import { assertOwnerExists } from './customers.service.js';
import { invalid, notFound } from './errors.js';
import { toDeal, toDealCard, type Deal, type DealCard } from './opportunities.mappers.js';
import { staleVersion } from './stale-version.js';

const DAY_MS = 86_400_000;

/** The won and lost columns show deals closed this recently; older ones are in the list view. */
export const CLOSED_COLUMN_DAYS = 30;

export interface MoneyTotal {
  currency: Currency;
  amountMinor: number;
  /** amount × the stage's win probability. */
  weightedMinor: number;
}

export interface BoardColumn {
  stageId: number;
  count: number;
  idle: number;
  /** One per currency, largest first. */
  totals: MoneyTotal[];
  cards: DealCard[];
  /** Closed columns: only deals that entered the stage since this instant. */
  since: string | null;
}

export interface Board {
  columns: BoardColumn[];
  idleDays: number;
}

export interface StageChange {
  id: number;
  fromStageId: number | null;
  toStageId: number;
  at: string;
  userId: number | null;
  userName: string | null;
}

export interface DealDetail extends Deal {
  stageChanges: StageChange[];
}

/** Instant before which an open deal counts as idle. */
async function idleBefore(ctx: UserContext): Promise<string> {
  const days = await findIdleDays(ctx.db);
  return new Date(ctx.clock.now().getTime() - days * DAY_MS).toISOString();
}

export async function listDeals(ctx: UserContext, input: ListDealsInput): Promise<{ items: DealCard[]; total: number }> {
  const [rows, total, cutoff] = await Promise.all([
    listDealPage(ctx.db, ctx.user, input),
    countDeals(ctx.db, ctx.user, input),
    idleBefore(ctx),
  ]);
  return { items: rows.map((row) => toDealCard(row, cutoff)), total };
}

async function loadDetail(db: Db, ctx: UserContext, id: number, cutoff: string): Promise<DealDetail | undefined> {
  const row = await findVisibleDeal(db, ctx.user, id);
  if (!row) return undefined;
  const changes = await listStageChanges(db, id);
  return {
    ...toDeal(row, cutoff),
    stageChanges: changes.map((c) => ({
      id: c.id,
      fromStageId: c.from_stage_id,
      toStageId: c.to_stage_id,
      at: c.at,
      userId: c.user_id,
      userName: c.user_name,
    })),
  };
}

export async function getDeal(ctx: UserContext, id: number): Promise<DealDetail> {
  const detail = await loadDetail(ctx.db, ctx, id, await idleBefore(ctx));
  if (!detail) throw notFound('opportunity', id);
  return detail;
}

/** What entering `stage` sets on a deal. A lost stage needs a reason; closing twice keeps the first date. */
function stageColumns(before: OpportunityRow | null, stage: PipelineStageRow, lostReason: string | null, now: string) {
  if (stage.archived_at) throw invalid({ stageId: 'invalid' });
  const reason = lostReason ?? (before?.lost_at ? before.lost_reason : null);
  if (stage.outcome === 'lost' && !reason) throw invalid({ lostReason: 'required' });
  const moved = before?.stage_id !== stage.id;
  const stillWon = stage.outcome === 'won' && before?.won_at;
  const stillLost = stage.outcome === 'lost' && before?.lost_at;
  const closedAt = stage.outcome === 'open' ? null : stillWon || stillLost ? before!.closed_at : now;
  return {
    stage_id: stage.id,
    stage_entered_at: moved ? now : before!.stage_entered_at,
    won_at: stage.outcome === 'won' ? (stillWon ? before!.won_at : now) : null,
    lost_at: stage.outcome === 'lost' ? (stillLost ? before!.lost_at : now) : null,
    closed_at: closedAt,
    lost_reason: stage.outcome === 'lost' ? reason : null,
  };
}

async function loadTargetStage(db: Db, stageId: number | undefined): Promise<PipelineStageRow> {
  if (stageId === undefined) {
    const first = (await listStages(db, { includeArchived: false })).find((s) => s.outcome === 'open');
    if (first) return first;
  } else {
    const stage = await findStage(db, stageId);
    if (stage) return stage;
  }
  throw invalid({ stageId: 'invalid' });
}

/** The customer must be one the user sees; the contact, if any, one of its live contacts. */
async function assertParties(db: Db, ctx: UserContext, fields: DealFields, ownerId: number | null): Promise<void> {
  if (!(await findVisibleCustomer(db, ctx.user, fields.customerId))) throw invalid({ customerId: 'invalidLink' });
  if (fields.contactId !== null) {
    const contact = await findContact(db, fields.contactId);
    if (!contact || contact.deleted_at || contact.customer_id !== fields.customerId) {
      throw invalid({ contactId: 'invalid' });
    }
  }
  await assertOwnerExists(db, ownerId);
}

function dealColumns(fields: DealFields, ownerId: number | null) {
  return {
    customer_id: fields.customerId,
    contact_id: fields.contactId,
    name: fields.name,
    amount_minor: fields.amountMinor,
    currency: fields.currency,
    expected_close_on: fields.expectedCloseOn,
    products: JSON.stringify(fields.products),
    competitors: JSON.stringify(fields.competitors),
    owner_id: ownerId,
    notes: fields.notes,
  };
}

/** The audit's view of a deal: its fields, without what every save changes. */
function audited(detail: DealDetail) {
  const { stageChanges: _s, updatedAt: _u, version: _v, idle: _i, ...fields } = detail;
  return fields;
}

export async function createDeal(ctx: UserContext, input: CreateDealInput): Promise<DealDetail> {
  const now = nowIso(ctx.clock);
  const detail = await ctx.db.transaction().execute((trx) => createDealInTransaction(trx, ctx, input, now));
  ctx.events.publish({ entity: 'opportunity', id: detail.id, op: 'create' });
  return detail;
}

/** Inserts a deal with its first stage and audit entry, in the caller's transaction (a lead's conversion). */
export async function createDealInTransaction(trx: Db, ctx: UserContext, input: CreateDealInput, now: string): Promise<DealDetail> {
  const ownerId = input.ownerId ?? ctx.user.id;
  await assertParties(trx, ctx, input, ownerId);
  const stage = await loadTargetStage(trx, input.stageId);
  const id = await insertDeal(trx, {
    ...dealColumns(input, ownerId),
    ...stageColumns(null, stage, input.lostReason, now),
    last_activity_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
    version: 1,
  });
  await insertStageChange(trx, { dealId: id, fromStageId: null, toStageId: stage.id, at: now, userId: ctx.user.id });
  const created = (await loadDetail(trx, ctx, id, now))!;
  await writeAudit(trx, { entity: 'opportunity', entityId: id, customerId: null, op: 'create', userId: ctx.user.id, at: now, changes: createdRecord(audited(created)) });
  return created;
}

/**
 * Writes one change of a deal (fields and/or stage) in the caller's transaction: version check, stage
 * history when the stage changes, audit entry. Also used to move a deal out of a stage being archived.
 */
export async function changeDealInTransaction(
  trx: Db,
  ctx: UserContext,
  before: OpportunityRow,
  version: number,
  stage: PipelineStageRow,
  changes: { fields?: ReturnType<typeof dealColumns>; lostReason: string | null },
  now: string,
): Promise<void> {
  const ok = await updateDealIfVersion(trx, before.id, version, {
    ...changes.fields,
    ...stageColumns(before, stage, changes.lostReason, now),
    updated_at: now,
  });
  if (!ok) {
    // As the deal's page reads it; one out of the user's sight (moved off an archived stage) with its editor only.
    const current = await loadDetail(trx, ctx, before.id, await idleBefore({ ...ctx, db: trx }));
    throw await staleVersion(trx, 'opportunity', current ?? { id: before.id });
  }
  if (before.stage_id !== stage.id) {
    await insertStageChange(trx, { dealId: before.id, fromStageId: before.stage_id, toStageId: stage.id, at: now, userId: ctx.user.id });
  }
  const { updated_at: _u, version: _v, ...after } = (await findDeal(trx, before.id))!;
  await writeAudit(trx, {
    entity: 'opportunity',
    entityId: before.id,
    customerId: null,
    op: 'update',
    userId: ctx.user.id,
    at: now,
    changes: diffRecords(before, after),
  });
}

/** A deal the user may see, as stored; not found otherwise (another rep's deal does not exist for them). */
async function loadVisibleRow(db: Db, ctx: UserContext, id: number): Promise<OpportunityRow> {
  const row = await findVisibleDeal(db, ctx.user, id);
  if (!row) throw notFound('opportunity', id);
  return row;
}

async function changeDeal(
  ctx: UserContext,
  input: { id: number; version: number; stageId: number; lostReason: string | null },
  fieldsOf?: (trx: Db) => Promise<ReturnType<typeof dealColumns>>,
): Promise<DealDetail> {
  const now = nowIso(ctx.clock);
  const detail = await ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisibleRow(trx, ctx, input.id);
    const fields = fieldsOf ? await fieldsOf(trx) : undefined;
    const stage = await loadTargetStage(trx, input.stageId);
    await changeDealInTransaction(trx, ctx, before, input.version, stage, { fields, lostReason: input.lostReason }, now);
    return (await loadDetail(trx, ctx, input.id, await idleBefore({ ...ctx, db: trx })))!;
  });
  ctx.events.publish({ entity: 'opportunity', id: detail.id, op: 'update' });
  return detail;
}

export function updateDeal(ctx: UserContext, input: UpdateDealInput): Promise<DealDetail> {
  return changeDeal(ctx, input, async (trx) => {
    await assertParties(trx, ctx, input, input.ownerId);
    return dealColumns(input, input.ownerId);
  });
}

/** Drag and drop on the board: a new stage (and the reason, for a lost one). */
export function moveDeal(ctx: UserContext, input: MoveDealInput): Promise<DealDetail> {
  return changeDeal(ctx, input);
}

export async function deleteDeal(ctx: UserContext, id: number): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await loadVisibleRow(trx, ctx, id);
    await softDeleteDeal(trx, id, ctx.user.id, now);
    await writeAudit(trx, { entity: 'opportunity', entityId: id, customerId: null, op: 'delete', userId: ctx.user.id, at: now, changes: {} });
  });
  ctx.events.publish({ entity: 'opportunity', id, op: 'delete' });
}

function columnTotals(rows: BoardTotalRow[], stage: PipelineStageRow) {
  const mine = rows.filter((r) => r.stage_id === stage.id);
  return {
    count: mine.reduce((n, r) => n + r.count, 0),
    idle: mine.reduce((n, r) => n + r.idle, 0),
    totals: mine
      .map((r) => ({
        currency: r.currency,
        amountMinor: r.amount_minor,
        weightedMinor: Math.round((r.amount_minor * stage.probability) / 100),
      }))
      .sort((a, b) => b.amountMinor - a.amountMinor),
  };
}

/** The board: per active stage its count, totals, idle count and first cards. */
export async function getBoard(ctx: UserContext, input: BoardInput): Promise<Board> {
  const now = ctx.clock.now().getTime();
  const idleDays = await findIdleDays(ctx.db);
  const cutoff = new Date(now - idleDays * DAY_MS).toISOString();
  const closedSince = new Date(now - CLOSED_COLUMN_DAYS * DAY_MS).toISOString();
  const stages = await listStages(ctx.db, { includeArchived: false });
  const since = (stage: PipelineStageRow) => (stage.outcome === 'open' ? null : closedSince);
  const idsOf = (open: boolean) => stages.filter((s) => (s.outcome === 'open') === open).map((s) => s.id);
  const [openTotals, closedTotals, cards] = await Promise.all([
    boardTotals(ctx.db, ctx.user, { stageIds: idsOf(true), since: null }, cutoff),
    boardTotals(ctx.db, ctx.user, { stageIds: idsOf(false), since: closedSince }, null),
    Promise.all(stages.map((s) => listBoardCards(ctx.db, ctx.user, { stageId: s.id, since: since(s), after: null, limit: input.limit }))),
  ]);
  const totals = [...openTotals, ...closedTotals];
  return {
    idleDays,
    columns: stages.map((stage, i) => ({
      stageId: stage.id,
      since: since(stage),
      ...columnTotals(totals, stage),
      cards: cards[i]!.map((row) => toDealCard(row, cutoff)),
    })),
  };
}

/** More cards of one column, after the last one shown. */
export async function getBoardColumnCards(ctx: UserContext, input: BoardColumnInput): Promise<DealCard[]> {
  const now = ctx.clock.now().getTime();
  const stage = await findStage(ctx.db, input.stageId);
  if (!stage) throw notFound('pipeline stage', input.stageId);
  const since = stage.outcome === 'open' ? null : new Date(now - CLOSED_COLUMN_DAYS * DAY_MS).toISOString();
  const [rows, cutoff] = await Promise.all([
    listBoardCards(ctx.db, ctx.user, { stageId: stage.id, since, after: input.after, limit: input.limit }),
    idleBefore(ctx),
  ]);
  return rows.map((row) => toDealCard(row, cutoff));
}
