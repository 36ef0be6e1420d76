import { getPoolSettings, savePoolSettings } from '../services/pool-settings.js';
import * as pool from '../services/pool.service.js';
import { claimInput, listPoolInput, poolSettingsInput, releaseInput } from './schemas/pool.schema.js';
import { authedProcedure, router } from './trpc.js';

export const poolRouter = router({
  list: authedProcedure.input(listPoolInput).query(({ ctx, input }) => pool.listPool(ctx.userCtx, input)),
  /** The user's count of customers against the claim limit. */
  status: authedProcedure.query(({ ctx }) => pool.poolStatus(ctx.userCtx)),
  claim: authedProcedure.input(claimInput).mutation(({ ctx, input }) => pool.claim(ctx.userCtx, input)),
  release: authedProcedure.input(releaseInput).mutation(({ ctx, input }) => pool.release(ctx.userCtx, input)),
  settings: authedProcedure.query(({ ctx }) => getPoolSettings(ctx.userCtx.db)),
  saveSettings: authedProcedure.input(poolSettingsInput).mutation(({ ctx, input }) => savePoolSettings(ctx.userCtx, input)),
});
