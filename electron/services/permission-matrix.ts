import type { Db } from '../../db/connection.js';
import { getSetting, putSetting } from '../../db/settings.repository.js';
import { nowIso, type UserContext } from './context.js';
import { AppError } from './errors.js';
import { ACTIONS, allows, DEFAULT_PERMISSIONS, MODULES, ROLES, type Action, type Module, type PermissionMatrix, type Role } from './permissions.js';
import { recordChange } from './audit-trail.js';

const KEY = 'permissions.matrix';

/** The office's matrix as edited by its admins, over the defaults (a role or module never saved keeps its default). */
export async function getPermissionMatrix(db: Db): Promise<PermissionMatrix> {
  const saved = (await getSetting<Partial<PermissionMatrix>>(db, KEY)) ?? {};
  return Object.fromEntries(ROLES.map((role) => [role, { ...DEFAULT_PERMISSIONS[role], ...saved[role] }])) as PermissionMatrix;
}

/** What one role may do in each module (for the session, so screens show only what works). */
export function modulesOf(matrix: PermissionMatrix, role: Role): Record<Module, Action[]> {
  return Object.fromEntries(MODULES.map((module) => [module, ACTIONS.filter((action) => allows(matrix, role, module, action))])) as Record<Module, Action[]>;
}

export async function mayDo(db: Db, role: Role, module: Module, action: Action): Promise<boolean> {
  // The owner may do everything whatever the matrix says (allows), so their calls skip reading it.
  return role === 'owner' || allows(await getPermissionMatrix(db), role, module, action);
}

/** Saves the matrix (the owner's row is fixed: everything). Audited like a business record. */
export async function savePermissionMatrix(ctx: UserContext, matrix: PermissionMatrix): Promise<PermissionMatrix> {
  const next = { ...matrix, owner: DEFAULT_PERMISSIONS.owner };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getPermissionMatrix(trx);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const role of ROLES) {
      for (const module of MODULES) {
        const [was, now] = [before[role][module] ?? [], next[role][module] ?? []];
        if (JSON.stringify(was) !== JSON.stringify(now)) changes[`${role}.${module}`] = [was, now];
      }
    }
    if (Object.keys(changes).length === 0) return;
    await putSetting(trx, KEY, next, nowIso(ctx.clock));
    await recordChange(trx, ctx, nowIso(ctx.clock), { entity: 'permissions', entityId: 0, customerId: null, op: 'update', changes });
  });
  ctx.events.publish({ entity: 'settings', id: 0, op: 'update' });
  return getPermissionMatrix(ctx.db);
}

export function forbidden(module: Module, action: Action): AppError {
  return new AppError('forbidden', `Not allowed: ${action} ${module}`);
}
