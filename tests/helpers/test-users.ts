import { insertUser } from '../../db/user.repository.js';
import type { Role } from '../../db/tables/user.table.js';
import { hashPassword } from '../../electron/services/password.js';
import { apiClient, type ApiClient, type TestHost } from './test-host.js';

/** Adds a colleague straight to the database (there is no user admin yet) and signs them in. */
export async function signInAs(t: TestHost, username: string, role: Role): Promise<{ id: number; api: ApiClient }> {
  const password = 'colleague pass 1';
  const now = new Date().toISOString();
  const id = await insertUser(t.host.services.db, {
    username,
    display_name: username,
    password_hash: await hashPassword(password),
    role,
    team_id: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  const api = apiClient(t.host);
  await api.auth.login.mutate({ username, password });
  return { id, api };
}
