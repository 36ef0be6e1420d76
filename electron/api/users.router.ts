import { hashToken } from '../services/auth.service.js';
import { AppError } from '../services/errors.js';
import * as users from '../services/users.service.js';
import {
  changeOwnPasswordInput,
  createUserInput,
  resetPasswordInput,
  updateUserInput,
  userIdInput,
} from './schemas/users.schema.js';
import { adminProcedure, authedProcedure, router } from './trpc.js';

export const usersRouter = router({
  /** Active colleagues, for pickers. */
  list: authedProcedure.query(({ ctx }) => users.listUsers(ctx.userCtx)),

  /** Every account with its role, team and status: Settings → Users and teams. */
  accounts: adminProcedure.query(({ ctx }) => users.listAllAccounts(ctx.userCtx)),

  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => users.createUser(ctx.userCtx, input)),

  update: adminProcedure.input(updateUserInput).mutation(({ ctx, input }) => users.updateAccount(ctx.userCtx, input)),

  disable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => users.disableAccount(ctx.userCtx, input.id)),

  enable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => users.enableAccount(ctx.userCtx, input.id)),

  resetPassword: adminProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => users.resetPassword(ctx.userCtx, input)),

  /** Throttled like a sign-in: an unattended session must not become a way to guess the password. */
  changeOwnPassword: authedProcedure.input(changeOwnPasswordInput).mutation(async ({ ctx, input }) => {
    ctx.throttle.check(ctx.user.username, ctx.remoteAddress);
    try {
      await users.changeOwnPassword(ctx.userCtx, input, ctx.token ? hashToken(ctx.token) : '');
    } catch (error) {
      if (error instanceof AppError && error.details.fieldErrors?.currentPassword === 'wrongPassword') {
        ctx.throttle.failed(ctx.user.username, ctx.remoteAddress);
      }
      throw error;
    }
    return { ok: true };
  }),
});
