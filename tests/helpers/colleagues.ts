import type { Role } from '../../db/tables/user.table.js';
import { insertUser } from '../../db/user.repository.js';
import { nowIso } from '../../electron/services/context.js';
import { hashPassword } from '../../electron/services/password.js';
import { apiClient, type ApiClient, type TestHost } from './test-host.js';

const PASSWORD = 'colleague password 1';

/**
 * A colleague with the given role, signed in with their own client. There is no user-management screen
 * yet, so the account is written through the repository, as the owner's set-up does.
 */
export async function addColleague(
  t: TestHost,
  user: { username: string; role: Role; teamId?: number | null },
): Promise<{ id: number; api: ApiClient }> {
  const { db, clock } = t.host.services;
  const now = nowIso(clock);
  const id = await insertUser(db, {
    username: user.username,
    display_name: user.username,
    password_hash: await hashPassword(PASSWORD),
    role: user.role,
    team_id: user.teamId ?? null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  const api = apiClient(t.host);
  await api.auth.login.mutate({ username: user.username, password: PASSWORD });
  return { id, api };
}
