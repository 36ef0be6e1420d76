import { DEFAULT_PERMISSIONS } from '../services/permissions.js';
import { getPermissionMatrix, savePermissionMatrix } from '../services/permission-matrix.js';
import { permissionMatrixInput } from './schemas/permissions.schema.js';
import { adminProcedure, router } from './trpc.js';

/** The module permission matrix: who may view, create, edit, delete and export what. Admins edit it. */
export const permissionsRouter = router({
  matrix: adminProcedure.query(async ({ ctx }) => ({
    matrix: await getPermissionMatrix(ctx.services.db),
    defaults: DEFAULT_PERMISSIONS,
  })),

  save: adminProcedure.input(permissionMatrixInput).mutation(({ ctx, input }) => savePermissionMatrix(ctx.userCtx, input)),
});
