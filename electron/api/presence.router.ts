import { z } from 'zod';
import { getCustomer } from '../services/customers.service.js';
import { id } from './schemas/fields.js';
import { permitted, router } from './trpc.js';

const record = z.object({ entity: z.literal('customer'), id });

/**
 * "Who else has this customer open": each open customer page says so every few seconds. Only for a
 * customer the user may see (getCustomer applies the visibility rules), so presence leaks nothing.
 */
export const presenceRouter = router({
  here: permitted('customers', 'view').input(record.extend({ editing: z.boolean() })).mutation(async ({ ctx, input }) => {
    await getCustomer(ctx.userCtx, input.id);
    return ctx.presence.here(ctx.user, input, input.editing);
  }),

  others: permitted('customers', 'view').input(record).query(async ({ ctx, input }) => {
    await getCustomer(ctx.userCtx, input.id);
    return ctx.presence.others(ctx.user, input);
  }),

  leave: permitted('customers', 'view').input(record).mutation(({ ctx, input }) => {
    ctx.presence.leave(ctx.user, input);
    return { ok: true };
  }),
});
