import { z } from 'zod';
import * as deals from '../services/opportunities.service.js';
import { id } from './schemas/fields.js';
import {
  boardColumnInput,
  boardInput,
  createDealInput,
  listDealsInput,
  moveDealInput,
  updateDealInput,
} from './schemas/opportunities.schema.js';
import { permitted, router } from './trpc.js';

export const opportunitiesRouter = router({
  list: permitted('opportunities', 'view').input(listDealsInput).query(({ ctx, input }) => deals.listDeals(ctx.userCtx, input)),

  get: permitted('opportunities', 'view').input(z.object({ id })).query(({ ctx, input }) => deals.getDeal(ctx.userCtx, input.id)),

  board: permitted('opportunities', 'view').input(boardInput).query(({ ctx, input }) => deals.getBoard(ctx.userCtx, input)),

  /** "Load more" in one board column. */
  column: permitted('opportunities', 'view').input(boardColumnInput).query(({ ctx, input }) => deals.getBoardColumnCards(ctx.userCtx, input)),

  create: permitted('opportunities', 'create').input(createDealInput).mutation(({ ctx, input }) => deals.createDeal(ctx.userCtx, input)),

  update: permitted('opportunities', 'edit').input(updateDealInput).mutation(({ ctx, input }) => deals.updateDeal(ctx.userCtx, input)),

  move: permitted('opportunities', 'edit').input(moveDealInput).mutation(({ ctx, input }) => deals.moveDeal(ctx.userCtx, input)),

  delete: permitted('opportunities', 'delete').input(z.object({ id })).mutation(({ ctx, input }) => deals.deleteDeal(ctx.userCtx, input.id)),
});
