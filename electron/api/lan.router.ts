import { lanSettingsInput } from './schemas/lan.schema.js';
import { adminProcedure, router } from './trpc.js';

/** "Share on the office network": the switch, the port, and what colleagues need to connect. */
export const lanRouter = router({
  status: adminProcedure.query(({ ctx }) => ctx.lan.status()),

  configure: adminProcedure.input(lanSettingsInput).mutation(({ ctx, input }) => ctx.lan.configure(input)),
});
