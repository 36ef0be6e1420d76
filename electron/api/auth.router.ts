import * as auth from '../services/auth.service.js';
import { AppError } from '../services/errors.js';
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

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    ctx.throttle.check(input.username, ctx.remoteAddress);
    try {
      const session = await auth.login(ctx.services, input);
      ctx.throttle.succeeded(input.username);
      return startSession(ctx, session);
    } catch (error) {
      if (error instanceof AppError && error.code === 'bad_credentials') ctx.throttle.failed(input.username, ctx.remoteAddress);
      throw error;
    }
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await auth.logout(ctx.services, ctx.token);
    ctx.resHeaders.append('set-cookie', clearedSessionCookie(ctx.secure));
    return { ok: true };
  }),

  /** Ends this user's sessions on every device and browser, this one included. */
  logoutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await auth.logoutEverywhere(ctx.services, ctx.user.id);
    ctx.resHeaders.append('set-cookie', clearedSessionCookie(ctx.secure));
    return { ok: true };
  }),
});
