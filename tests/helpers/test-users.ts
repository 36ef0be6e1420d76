import { insertUser } from '../../db/user.repository.js';
import type { Role } from '../../db/tables/user.table.js';
import { hashPassword } from '../../electron/services/password.js';
import { apiClient, type ApiClient, type TestHost } from './test-host.js';

const PASSWORD = 'colleague pass 1';

/**
 * A colleague with the given role, added straight to the database (quicker than users.create, which
 * tests/integration/users.test.ts covers), and a client signed in as them through the real login.
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
