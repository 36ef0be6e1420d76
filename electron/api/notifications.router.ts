import { z } from 'zod';
import * as notifications from '../services/notifications.service.js';
import { id } from './schemas/fields.js';
import { authedProcedure, router } from './trpc.js';

export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(30), beforeId: id.optional() }))
    .query(({ ctx, input }) => notifications.listNotifications(ctx.userCtx, input)),

  unreadCount: authedProcedure.query(({ ctx }) => notifications.unreadCount(ctx.userCtx)),

  markRead: authedProcedure
    .input(z.object({ ids: z.array(id).min(1).max(200) }))
    .mutation(({ ctx, input }) => notifications.markNotificationsRead(ctx.userCtx, input.ids)),

  markAllRead: authedProcedure.mutation(({ ctx }) => notifications.markNotificationsRead(ctx.userCtx)),
});
