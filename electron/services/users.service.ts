import { listActiveUsers } from '../../db/user.repository.js';
import type { Role } from '../../db/tables/user.table.js';
import type { UserContext } from './context.js';

export interface UserSummary {
  id: number;
  displayName: string;
  role: Role;
  teamId: number | null;
}

/** Colleagues by name, for owner and assignee pickers. */
export async function listUsers(ctx: UserContext): Promise<UserSummary[]> {
  const rows = await listActiveUsers(ctx.db);
  return rows.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, teamId: u.team_id }));
}
