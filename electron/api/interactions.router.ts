import { z } from 'zod';
import * as interactions from '../services/interactions.service.js';
import { id, version } from './schemas/fields.js';
import { createInteractionInput, timelineInput, updateInteractionInput } from './schemas/interactions.schema.js';
import { authedProcedure, router } from './trpc.js';

export const interactionsRouter = router({
  /** A customer's timeline, newest first, a page at a time. */
  timeline: authedProcedure.input(timelineInput).query(({ ctx, input }) => interactions.listTimeline(ctx.userCtx, input)),

  log: authedProcedure
    .input(createInteractionInput)
    .mutation(({ ctx, input }) => interactions.logInteraction(ctx.userCtx, input)),

  update: authedProcedure
    .input(updateInteractionInput)
    .mutation(({ ctx, input }) => interactions.updateInteraction(ctx.userCtx, input)),

  delete: authedProcedure
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => interactions.deleteInteraction(ctx.userCtx, input.id, input.version)),
});
