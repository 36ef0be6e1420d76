import * as pipeline from '../services/pipeline.service.js';
import {
  archiveStageInput,
  createStageInput,
  pipelineSettingsInput,
  reorderStagesInput,
  updateStageInput,
} from './schemas/pipeline.schema.js';
import { authedProcedure, router } from './trpc.js';

/** Reading the pipeline is for everyone; changing it is the owner's (checked in the service). */
export const pipelineRouter = router({
  stages: authedProcedure.query(({ ctx }) => pipeline.listPipelineStages(ctx.userCtx)),

  createStage: authedProcedure.input(createStageInput).mutation(({ ctx, input }) => pipeline.createStage(ctx.userCtx, input)),

  updateStage: authedProcedure.input(updateStageInput).mutation(({ ctx, input }) => pipeline.updateStage(ctx.userCtx, input)),

  reorderStages: authedProcedure
    .input(reorderStagesInput)
    .mutation(({ ctx, input }) => pipeline.reorderStages(ctx.userCtx, input.ids)),

  archiveStage: authedProcedure
    .input(archiveStageInput)
    .mutation(({ ctx, input }) => pipeline.archiveStage(ctx.userCtx, input)),

  settings: authedProcedure.query(({ ctx }) => pipeline.getPipelineSettings(ctx.userCtx)),

  updateSettings: authedProcedure
    .input(pipelineSettingsInput)
    .mutation(({ ctx, input }) => pipeline.updatePipelineSettings(ctx.userCtx, input)),
});
