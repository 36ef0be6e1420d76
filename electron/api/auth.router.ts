import * as auth from '../services/auth.service.js';
import { AppError } from '../services/errors.js';
import type { SessionUser } from '../services/context.js';
import { getPermissionMatrix, modulesOf } from '../services/permission-matrix.js';
import { capabilitiesOf } from '../services/permissions.js';
import { loginInput, setupOwnerInput } from './schemas/auth.schema.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { authedProcedure, publicProcedure, router, type ApiContext } from './trpc.js';

/**
 * The signed-in user as the interface sees it: with what their role may do (capabilities, and the
 * matrix's actions per module), so it shows only what works. The API checks again on every call.
 */
const sessionView = async (ctx: ApiContext, user: SessionUser) => ({
  ...user,
  capabilities: capabilitiesOf(user.role),
  modules: modulesOf(await getPermissionMatrix(ctx.services.db), user.role),
});

async function startSession(ctx: ApiContext, session: auth.NewSession) {
  ctx.resHeaders.append('set-cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
  return { user: await sessionView(ctx, session.user) };
}

export const authRouter = router({
  /** Public: whether the owner account still has to be created, and who is signed in. */
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: await auth.needsSetup(ctx.services),
    user: ctx.user && (await sessionView(ctx, ctx.user)),
  })),

  setupOwner: publicProcedure
    .input(setupOwnerInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await auth.setupOwner(ctx.services, input))),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    ctx.throttle.check(input.username, ctx.remoteAddress);
    try {
      const session = await auth.login(ctx.services, input);
      ctx.throttle.succeeded(input.username);
      return await startSession(ctx, session);
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
