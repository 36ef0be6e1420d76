import { z } from 'zod';
import * as interactions from '../services/interactions.service.js';
import { id, version } from './schemas/fields.js';
import { createInteractionInput, timelineInput, updateInteractionInput } from './schemas/interactions.schema.js';
import { permitted, router } from './trpc.js';

export const interactionsRouter = router({
  /** A customer's timeline, newest first, a page at a time. */
  timeline: permitted('interactions', 'view').input(timelineInput).query(({ ctx, input }) => interactions.listTimeline(ctx.userCtx, input)),

  log: permitted('interactions', 'create')
    .input(createInteractionInput)
    .mutation(({ ctx, input }) => interactions.logInteraction(ctx.userCtx, input)),

  update: permitted('interactions', 'edit')
    .input(updateInteractionInput)
    .mutation(({ ctx, input }) => interactions.updateInteraction(ctx.userCtx, input)),

  delete: permitted('interactions', 'delete')
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => interactions.deleteInteraction(ctx.userCtx, input.id, input.version)),
});
