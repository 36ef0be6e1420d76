import { assertMay } from '../services/permissions.js';
import { getPoolSettings, savePoolSettings } from '../services/pool-settings.js';
import * as pool from '../services/pool.service.js';
import { claimInput, listPoolInput, poolSettingsInput, releaseInput } from './schemas/pool.schema.js';
import { authedProcedure, router } from './trpc.js';

/** Every pool procedure is for the roles that sell (the others are refused with forbidden). */
const poolProcedure = authedProcedure.use(({ ctx, next }) => {
  assertMay(ctx.user, 'pool');
  return next();
});

export const poolRouter = router({
  list: poolProcedure.input(listPoolInput).query(({ ctx, input }) => pool.listPool(ctx.userCtx, input)),
  /** The user's count of customers against the claim limit. */
  status: poolProcedure.query(({ ctx }) => pool.poolStatus(ctx.userCtx)),
  claim: poolProcedure.input(claimInput).mutation(({ ctx, input }) => pool.claim(ctx.userCtx, input)),
  release: poolProcedure.input(releaseInput).mutation(({ ctx, input }) => pool.release(ctx.userCtx, input)),
  settings: poolProcedure.query(({ ctx }) => getPoolSettings(ctx.userCtx.db)),
  saveSettings: poolProcedure.input(poolSettingsInput).mutation(({ ctx, input }) => savePoolSettings(ctx.userCtx, input)),
});
