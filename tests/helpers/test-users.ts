import { insertUser } from '../../db/user.repository.js';
import type { Role } from '../../db/tables/user.table.js';
import type { Action, Module } from '../../electron/services/permissions.js';
import { hashPassword } from '../../electron/services/password.js';
import { apiClient, type ApiClient, type TestHost } from './test-host.js';

const PASSWORD = 'colleague pass 1';

/**
 * A colleague with the given role, added straight to the database (there is no user management yet),
 * and a client signed in as them through the real login.
 */
export async function signInColleague(
  t: TestHost,
  username: string,
  role: Role,
  teamId: number | null = null,
): Promise<{ id: number; api: ApiClient }> {
  const now = new Date().toISOString();
  const id = await insertUser(t.host.services.db, {
    username,
    display_name: username,
    password_hash: await hashPassword(PASSWORD),
    role,
    team_id: teamId,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  const api = apiClient(t.host);
  await api.auth.login.mutate({ username, password: PASSWORD });
  return { id, api };
}

/** Lets a role do more in the permission matrix (through the admin's API), keeping the rest as it is. */
export async function grant(admin: ApiClient, role: Role, grants: Partial<Record<Module, Action[]>>): Promise<void> {
  const { matrix } = await admin.permissions.matrix.query();
  const current = matrix[role];
  const next = { ...current };
  for (const [module, actions] of Object.entries(grants) as [Module, Action[]][]) {
    next[module] = [...new Set([...(current[module] ?? []), ...actions])];
  }
  await admin.permissions.save.mutate({ ...matrix, [role]: next });
}
