import { writeAudit } from '../../db/audit.repository.js';
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
  if (ctx.user.role !== 'owner') throw new AppError('forbidden', 'Only the owner edits the pipeline');
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

export async function createStage(ctx: UserContext, input: CreateStageInput): Promise<PipelineStage> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  const stage = await ctx.db.transaction().execute(async (trx) => {
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
    await writeAudit(trx, { entity: 'pipeline_stage', entityId: id, op: 'create', userId: ctx.user.id, at: now, changes: created });
    return created;
  });
  ctx.events.publish({ entity: 'pipeline_stage', id: stage.id, op: 'create' });
  return stage;
}

export async function updateStage(ctx: UserContext, input: UpdateStageInput): Promise<PipelineStage> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  const stage = await ctx.db.transaction().execute(async (trx) => {
    const before = await loadStage(trx, input.id);
    const renamed = input.name !== undefined ? { name: input.name, label_key: null } : {};
    const ok = await updateStageIfVersion(trx, input.id, input.version, {
      ...renamed,
      probability: input.probability,
      updated_at: now,
    });
    if (!ok) throw conflict('pipeline stage', toStage(before));
    const after = await loadStage(trx, input.id);
    await writeAudit(trx, {
      entity: 'pipeline_stage',
      entityId: input.id,
      op: 'update',
      userId: ctx.user.id,
      at: now,
      changes: {
        label: [before.name ?? before.label_key, after.name ?? after.label_key],
        probability: [before.probability, after.probability],
      },
    });
    return toStage(after);
  });
  ctx.events.publish({ entity: 'pipeline_stage', id: stage.id, op: 'update' });
  return stage;
}

export async function reorderStages(ctx: UserContext, ids: number[]): Promise<PipelineStage[]> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  const stages = await ctx.db.transaction().execute(async (trx) => {
    const active = await listStages(trx, { includeArchived: false });
    const same = ids.length === active.length && new Set(ids).size === ids.length && active.every((s) => ids.includes(s.id));
    if (!same) throw invalid({ ids: 'invalid' });
    await setStagePositions(trx, ids, now);
    await writeAudit(trx, {
      entity: 'pipeline',
      entityId: 1,
      op: 'update',
      userId: ctx.user.id,
      at: now,
      changes: { order: [active.map((s) => s.id), ids] },
    });
    return (await listStages(trx, { includeArchived: true })).map(toStage);
  });
  ctx.events.publish({ entity: 'pipeline', id: 1, op: 'update' });
  return stages;
}

/**
 * Archives a stage. Its deals must go somewhere first: without `moveDealsTo` a stage that still has
 * deals is refused (moveDealsTo: stageHasDeals, with the count), with it they move to that active stage
 * of the same outcome, each move recorded as any other. The last active stage of an outcome stays.
 */
export async function archiveStage(ctx: UserContext, input: ArchiveStageInput): Promise<PipelineStage> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  const stage = await ctx.db.transaction().execute(async (trx) => {
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
    await writeAudit(trx, {
      entity: 'pipeline_stage',
      entityId: before.id,
      op: 'delete',
      userId: ctx.user.id,
      at: now,
      changes: { archived: [false, true], dealsMovedTo: deals.length > 0 ? input.moveDealsTo : null },
    });
    return toStage(await loadStage(trx, before.id));
  });
  ctx.events.publish({ entity: 'pipeline_stage', id: stage.id, op: 'delete' });
  return stage;
}

export async function getPipelineSettings(ctx: UserContext): Promise<PipelineSettings> {
  return { idleDays: await findIdleDays(ctx.db) };
}

export async function updatePipelineSettings(ctx: UserContext, input: PipelineSettingsInput): Promise<PipelineSettings> {
  assertOwner(ctx);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findIdleDays(trx);
    await updateIdleDays(trx, input.idleDays, now);
    await writeAudit(trx, {
      entity: 'pipeline',
      entityId: 1,
      op: 'update',
      userId: ctx.user.id,
      at: now,
      changes: { idleDays: [before, input.idleDays] },
    });
  });
  ctx.events.publish({ entity: 'pipeline', id: 1, op: 'update' });
  return { idleDays: input.idleDays };
}
