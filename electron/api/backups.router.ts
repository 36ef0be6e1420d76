import { hashToken } from '../services/auth.service.js';
import { backupPasswordInput, backupSettingsInput, restoreInput } from './schemas/backups.schema.js';
import { authedProcedure, adminProcedure, router } from './trpc.js';

export const backupsRouter = router({
  /** Polled while a backup runs (progress) and by every screen (a failed backup is announced). */
  status: authedProcedure.query(({ ctx }) => ctx.backups.status()),

  list: authedProcedure.query(({ ctx }) => ctx.backups.list()),

  settings: authedProcedure.query(({ ctx }) => ctx.backups.settings()),

  updateSettings: adminProcedure.input(backupSettingsInput).mutation(({ ctx, input }) => ctx.backups.updateSettings(input)),

  setPassword: adminProcedure.input(backupPasswordInput).mutation(async ({ ctx, input }) => {
    await ctx.backups.setPassword(input.password);
    return ctx.backups.settings();
  }),

  clearPassword: adminProcedure.mutation(async ({ ctx }) => {
    await ctx.backups.clearPassword();
    return ctx.backups.settings();
  }),

  /** Resolves when the backup is written; the screen polls `status` meanwhile for the progress bar. */
  runNow: authedProcedure.mutation(({ ctx }) => ctx.backups.backUp('manual')),

  restore: adminProcedure.input(restoreInput).mutation(({ ctx, input }) =>
    ctx.backups.restore({ ...input, session: ctx.token ? { tokenHash: hashToken(ctx.token) } : null }),
  ),
});
