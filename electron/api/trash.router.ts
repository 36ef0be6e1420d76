import * as trash from '../services/trash.service.js';
import { listTrashInput, restoreInput, trashItemInput } from './schemas/trash.schema.js';
import { adminProcedure, permitted, router } from './trpc.js';

export const trashRouter = router({
  /** Each user sees the deleted records of the customers they may see. */
  list: permitted('customers', 'delete').input(listTrashInput).query(({ ctx, input }) => trash.listTrash(ctx.userCtx, input)),

  restore: permitted('customers', 'delete').input(restoreInput).mutation(({ ctx, input }) => trash.restoreFromTrash(ctx.userCtx, input)),

  /** Owner only (checked by the service). */
  purge: adminProcedure.input(trashItemInput).mutation(({ ctx, input }) => trash.purgeFromTrash(ctx.userCtx, input)),
});
