import { insertUser } from '../../db/user.repository.js';
import type { Role } from '../../db/tables/user.table.js';
import type { Host } from '../../electron/host.js';
import { hashPassword } from '../../electron/services/password.js';
import { apiClient, type ApiClient } from './test-host.js';

export interface Colleague {
  id: number;
  api: ApiClient;
}

const PASSWORD = 'colleague pass 1';

/**
 * A colleague account, signed in with its own client. Written straight to the users table, with the
 * host's clock (users.create is covered by tests/integration/users.test.ts).
 */
export async function addColleague(
  host: Host,
  user: { username: string; displayName: string; role: Role; teamId?: number | null },
): Promise<Colleague> {
  const now = host.services.clock.now().toISOString();
  const id = await insertUser(host.services.db, {
    username: user.username,
    display_name: user.displayName,
    password_hash: await hashPassword(PASSWORD),
    role: user.role,
    team_id: user.teamId ?? null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  return { id, api: await signInAs(host, user.username) };
}

/** A new client signed in as an existing colleague (e.g. after a restart). */
export async function signInAs(host: Host, username: string, password = PASSWORD): Promise<ApiClient> {
  const api = apiClient(host);
  await api.auth.login.mutate({ username, password });
  return api;
}
