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
import { authedProcedure, router } from './trpc.js';

export const opportunitiesRouter = router({
  list: authedProcedure.input(listDealsInput).query(({ ctx, input }) => deals.listDeals(ctx.userCtx, input)),

  get: authedProcedure.input(z.object({ id })).query(({ ctx, input }) => deals.getDeal(ctx.userCtx, input.id)),

  board: authedProcedure.input(boardInput).query(({ ctx, input }) => deals.getBoard(ctx.userCtx, input)),

  /** "Load more" in one board column. */
  column: authedProcedure.input(boardColumnInput).query(({ ctx, input }) => deals.getBoardColumnCards(ctx.userCtx, input)),

  create: authedProcedure.input(createDealInput).mutation(({ ctx, input }) => deals.createDeal(ctx.userCtx, input)),

  update: authedProcedure.input(updateDealInput).mutation(({ ctx, input }) => deals.updateDeal(ctx.userCtx, input)),

  move: authedProcedure.input(moveDealInput).mutation(({ ctx, input }) => deals.moveDeal(ctx.userCtx, input)),

  delete: authedProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deals.deleteDeal(ctx.userCtx, input.id)),
});
