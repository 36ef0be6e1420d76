import { z } from 'zod';
import { id, requiredText, version } from './fields.js';

export const stageOutcomes = ['open', 'won', 'lost'] as const;

const probability = z.number('invalid').int('invalid').min(0, 'invalid').max(100, 'invalid');

export const createStageInput = z.object({
  name: requiredText(40),
  probability,
  outcome: z.enum(stageOutcomes, 'invalid').default('open'),
});

/** A name renames the stage (its translated default label is then replaced by this text). */
export const updateStageInput = z.object({
  id,
  version,
  name: requiredText(40).optional(),
  probability,
});

/** Every active stage, in the new board order. */
export const reorderStagesInput = z.object({ ids: z.array(id).min(1).max(50) });

/** A stage that still has deals is archived only once they are moved to `moveDealsTo`. */
export const archiveStageInput = z.object({ id, version, moveDealsTo: id.optional() });

export const pipelineSettingsInput = z.object({
  idleDays: z.number('invalid').int('invalid').min(1, 'invalid').max(365, 'invalid'),
});

export type CreateStageInput = z.output<typeof createStageInput>;
export type UpdateStageInput = z.output<typeof updateStageInput>;
export type ArchiveStageInput = z.output<typeof archiveStageInput>;
export type PipelineSettingsInput = z.output<typeof pipelineSettingsInput>;
