import * as auth from '../services/auth.service.js';
import type { SessionUser } from '../services/context.js';
import { capabilitiesOf } from '../services/permissions.js';
import { loginInput, setupOwnerInput } from './schemas/auth.schema.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { authedProcedure, publicProcedure, router, type ApiContext } from './trpc.js';

/** The signed-in user as the interface sees it: with what their role may do, so it shows only that. */
const sessionView = (user: SessionUser) => ({ ...user, capabilities: capabilitiesOf(user.role) });

function startSession(ctx: ApiContext, session: auth.NewSession) {
  ctx.resHeaders.append('set-cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
  return { user: sessionView(session.user) };
}

export const authRouter = router({
  /** Public: whether the owner account still has to be created, and who is signed in. */
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: await auth.needsSetup(ctx.services),
    user: ctx.user && sessionView(ctx.user),
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
