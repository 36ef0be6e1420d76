import { createdRecord, diffRecords, writeAudit, type FieldChanges } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { listLiveDealsInStage } from '../../db/opportunity.repository.js';
import {
  findIdleDays,
  findStage,
  insertStage,
  listStages,
  setStagePositions,
  updateIdleDays,
  updateStageIfVersion,
} from '../../db/pipeline.repository.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import type { PipelineStageRow, StageOutcome } from '../../db/tables/pipeline.table.js';
import type {
  ArchiveStageInput,
  CreateStageInput,
  PipelineSettingsInput,
  UpdateStageInput,
} from '../api/schemas/pipeline.schema.js';
import { nowIso, type UserContext } from './context.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import { changeDealInTransaction } from './opportunities.service.js';
import { isAdmin } from './permissions.js';

export interface PipelineStage {
  id: number;
  /** A default stage's translation key, shown in the user's language; null once renamed. */
  labelKey: string | null;
  /** The user's own name for the stage; null while it has a translation key. */
  name: string | null;
  position: number;
  probability: number;
  outcome: StageOutcome;
  archived: boolean;
  version: number;
}

export interface PipelineSettings {
  idleDays: number;
}

export function toStage(row: PipelineStageRow): PipelineStage {
  return {
    id: row.id,
    labelKey: row.label_key,
    name: row.name,
    position: row.position,
    probability: row.probability,
    outcome: row.outcome,
    archived: row.archived_at !== null,
    version: row.version,
  };
}

/** Editing the pipeline changes every colleague's board: the owner's job. */
function assertOwner(ctx: UserContext): void {
  if (!isAdmin(ctx.user.role)) throw new AppError('forbidden', 'Only the owner or an administrator edits the pipeline');
}

/** Every stage, archived ones too (old deals and stage history still name them), in board order. */
export async function listPipelineStages(ctx: UserContext): Promise<PipelineStage[]> {
  return (await listStages(ctx.db, { includeArchived: true })).map(toStage);
}

async function loadStage(db: Db, id: number): Promise<PipelineStageRow> {
  const stage = await findStage(db, id);
  if (!stage) throw notFound('pipeline stage', id);
  return stage;
}

/** A new open stage goes before the won and lost stages; a new closed one at the end. */
function positionFor(outcome: StageOutcome, stages: PipelineStageRow[]): number {
  const firstClosed = stages.find((s) => s.outcome !== 'open');
  if (outcome === 'open' && firstClosed) return firstClosed.position;
  return (stages.at(-1)?.position ?? -1) + 1;
}

/** The pipeline as a whole (order, settings) is audited as one record. */
const PIPELINE_ID = 1;

/**
 * One change to the pipeline by the owner: in one transaction with its audit entry, announced after
 * commit. `work` returns the record's id, what changed (for the audit) and the result.
 */
async function changePipeline<T>(
  ctx: UserContext,
  target: { entity: 'pipeline' | 'pipeline_stage'; op: AuditOp },
  work: (trx: Db, now: string) => Promise<{ id: number; changes: FieldChanges; result: T }>,
): Promise<T> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  const { id, result } = await ctx.db.transaction().execute(async (trx) => {
    const done = await work(trx, now);
    await writeAudit(trx, {
      entity: target.entity,
      entityId: done.id,
      customerId: null,
      op: target.op,
      userId: ctx.user.id,
      at: now,
      changes: done.changes,
    });
    return done;
  });
  ctx.events.publish({ entity: target.entity, id, op: target.op });
  return result;
}

export function createStage(ctx: UserContext, input: CreateStageInput): Promise<PipelineStage> {
  return changePipeline(ctx, { entity: 'pipeline_stage', op: 'create' }, async (trx, now) => {
    const stages = await listStages(trx, { includeArchived: false });
    const position = positionFor(input.outcome, stages);
    const id = await insertStage(trx, {
      label_key: null,
      name: input.name,
      position,
      probability: input.probability,
      outcome: input.outcome,
      archived_at: null,
      created_at: now,
      updated_at: now,
    });
    // Make room: the stages from the new position on move one place right.
    const after = stages.filter((s) => s.position >= position).map((s) => s.id);
    const before = stages.filter((s) => s.position < position).map((s) => s.id);
    await setStagePositions(trx, [...before, id, ...after], now);
    const created = toStage(await loadStage(trx, id));
    return { id, changes: createdRecord(created), result: created };
  });
}

export function updateStage(ctx: UserContext, input: UpdateStageInput): Promise<PipelineStage> {
  return changePipeline(ctx, { entity: 'pipeline_stage', op: 'update' }, async (trx, now) => {
    const before = await loadStage(trx, input.id);
    const renamed = input.name !== undefined ? { name: input.name, label_key: null } : {};
    const ok = await updateStageIfVersion(trx, input.id, input.version, {
      ...renamed,
      probability: input.probability,
      updated_at: now,
    });
    if (!ok) throw conflict('pipeline stage', toStage(before));
    const after = await loadStage(trx, input.id);
    const changes = diffRecords(
      { label: before.name ?? before.label_key, probability: before.probability },
      { label: after.name ?? after.label_key, probability: after.probability },
    );
    return { id: input.id, changes, result: toStage(after) };
  });
}

export function reorderStages(ctx: UserContext, ids: number[]): Promise<PipelineStage[]> {
  return changePipeline(ctx, { entity: 'pipeline', op: 'update' }, async (trx, now) => {
    const active = await listStages(trx, { includeArchived: false });
    const same = ids.length === active.length && new Set(ids).size === ids.length && active.every((s) => ids.includes(s.id));
    if (!same) throw invalid({ ids: 'invalid' });
    await setStagePositions(trx, ids, now);
    const stages = (await listStages(trx, { includeArchived: true })).map(toStage);
    return { id: PIPELINE_ID, changes: { order: [active.map((s) => s.id), ids] }, result: stages };
  });
}

/**
 * Archives a stage. Its deals must go somewhere first: without `moveDealsTo` a stage that still has
 * deals is refused (moveDealsTo: stageHasDeals, with the count), with it they move to that active stage
 * of the same outcome, each move recorded as any other. The last active stage of an outcome stays.
 */
export function archiveStage(ctx: UserContext, input: ArchiveStageInput): Promise<PipelineStage> {
  return changePipeline(ctx, { entity: 'pipeline_stage', op: 'delete' }, async (trx, now) => {
    const before = await loadStage(trx, input.id);
    if (before.archived_at) throw invalid({ id: 'stageArchived' });
    const active = await listStages(trx, { includeArchived: false });
    if (!active.some((s) => s.id !== before.id && s.outcome === before.outcome)) {
      throw invalid({ id: 'lastStageOfOutcome' });
    }
    const deals = await listLiveDealsInStage(trx, before.id);
    if (deals.length > 0) {
      if (input.moveDealsTo === undefined) {
        throw new AppError('validation', 'The stage still has deals', {
          fieldErrors: { moveDealsTo: 'stageHasDeals' },
          data: { deals: deals.length },
        });
      }
      const target = active.find((s) => s.id === input.moveDealsTo);
      if (!target || target.id === before.id || target.outcome !== before.outcome) {
        throw invalid({ moveDealsTo: 'invalidTargetStage' });
      }
      for (const deal of deals) {
        await changeDealInTransaction(trx, ctx, deal, deal.version, target, { lostReason: null }, now);
      }
    }
    const ok = await updateStageIfVersion(trx, before.id, input.version, { archived_at: now, updated_at: now });
    if (!ok) throw conflict('pipeline stage', toStage(before));
    const changes: FieldChanges = { archived: [false, true], dealsMovedTo: [null, deals.length > 0 ? input.moveDealsTo : null] };
    return { id: before.id, changes, result: toStage(await loadStage(trx, before.id)) };
  });
}

export async function getPipelineSettings(ctx: UserContext): Promise<PipelineSettings> {
  return { idleDays: await findIdleDays(ctx.db) };
}

export function updatePipelineSettings(ctx: UserContext, input: PipelineSettingsInput): Promise<PipelineSettings> {
  return changePipeline(ctx, { entity: 'pipeline', op: 'update' }, async (trx, now) => {
    const before = await findIdleDays(trx);
    await updateIdleDays(trx, input.idleDays, now);
    return { id: PIPELINE_ID, changes: { idleDays: [before, input.idleDays] }, result: { idleDays: input.idleDays } };
  });
}
