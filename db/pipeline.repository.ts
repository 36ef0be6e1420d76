import type { Db } from './connection.js';
import type { NewPipelineStageRow, PipelineStageRow, PipelineStageUpdate } from './tables/pipeline.table.js';

/** Every stage in board order; archived ones only when asked (history and settings still name them). */
export function listStages(db: Db, options: { includeArchived: boolean }): Promise<PipelineStageRow[]> {
  let query = db.selectFrom('pipeline_stages').selectAll();
  if (!options.includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('position').orderBy('id').execute();
}

export function findStage(db: Db, id: number): Promise<PipelineStageRow | undefined> {
  return db.selectFrom('pipeline_stages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStage(db: Db, row: NewPipelineStageRow): Promise<number> {
  const { id } = await db.insertInto('pipeline_stages').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Updates only if the stored version is still `version`; returns whether it did. */
export async function updateStageIfVersion(
  db: Db,
  id: number,
  version: number,
  changes: PipelineStageUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('pipeline_stages')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Board order after a reorder: position = index in `ids`. */
export async function setStagePositions(db: Db, ids: number[], now: string): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db
      .updateTable('pipeline_stages')
      .set((eb) => ({ position, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}

export async function findIdleDays(db: Db): Promise<number> {
  const row = await db.selectFrom('pipeline_settings').select('idle_days').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.idle_days;
}

export async function updateIdleDays(db: Db, idleDays: number, now: string): Promise<void> {
  await db.updateTable('pipeline_settings').set({ idle_days: idleDays, updated_at: now }).where('id', '=', 1).execute();
}
