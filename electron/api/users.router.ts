import { listUsers } from '../services/users.service.js';
import { authedProcedure, router } from './trpc.js';

export const usersRouter = router({
  list: authedProcedure.query(({ ctx }) => listUsers(ctx.userCtx)),
});
