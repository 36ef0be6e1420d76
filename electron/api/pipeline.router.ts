import * as pipeline from '../services/pipeline.service.js';
import {
  archiveStageInput,
  createStageInput,
  pipelineSettingsInput,
  reorderStagesInput,
  updateStageInput,
} from './schemas/pipeline.schema.js';
import { adminProcedure, permitted, router } from './trpc.js';

/** Reading the pipeline is for everyone; changing it is the owner's (checked in the service). */
export const pipelineRouter = router({
  stages: permitted('opportunities', 'view').query(({ ctx }) => pipeline.listPipelineStages(ctx.userCtx)),

  createStage: adminProcedure.input(createStageInput).mutation(({ ctx, input }) => pipeline.createStage(ctx.userCtx, input)),

  updateStage: adminProcedure.input(updateStageInput).mutation(({ ctx, input }) => pipeline.updateStage(ctx.userCtx, input)),

  reorderStages: adminProcedure
    .input(reorderStagesInput)
    .mutation(({ ctx, input }) => pipeline.reorderStages(ctx.userCtx, input.ids)),

  archiveStage: adminProcedure
    .input(archiveStageInput)
    .mutation(({ ctx, input }) => pipeline.archiveStage(ctx.userCtx, input)),

  settings: permitted('opportunities', 'view').query(({ ctx }) => pipeline.getPipelineSettings(ctx.userCtx)),

  updateSettings: adminProcedure
    .input(pipelineSettingsInput)
    .mutation(({ ctx, input }) => pipeline.updatePipelineSettings(ctx.userCtx, input)),
});
