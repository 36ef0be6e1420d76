import * as auth from '../services/auth.service.js';
import { loginInput, setupOwnerInput } from './schemas/auth.schema.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { authedProcedure, publicProcedure, router, type ApiContext } from './trpc.js';

function startSession(ctx: ApiContext, session: auth.NewSession) {
  ctx.resHeaders.append('set-cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
  return { user: session.user };
}

export const authRouter = router({
  /** Public: whether the owner account still has to be created, and who is signed in. */
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: await auth.needsSetup(ctx.services),
    user: ctx.user,
  })),

  setupOwner: publicProcedure
    .input(setupOwnerInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await auth.setupOwner(ctx.services, input))),

  login: publicProcedure
    .input(loginInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await auth.login(ctx.services, input))),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await auth.logout(ctx.services, ctx.token);
    ctx.resHeaders.append('set-cookie', clearedSessionCookie(ctx.secure));
    return { ok: true };
  }),
});
