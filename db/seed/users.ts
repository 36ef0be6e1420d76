import type { Role } from '../tables/user.table.js';
import { chineseName } from './names.js';
import type { Random } from './random.js';

/** The office: an owner, three sales teams (a manager and four reps each) and a service colleague. */

export interface SeedUser {
  username: string;
  displayName: string;
  role: Role;
  /** Index into the team list, or null. */
  team: number | null;
}

export interface SeedTeam {
  name: string;
  /** Username of the manager. */
  manager: string;
}

export interface SeedOffice {
  teams: SeedTeam[];
  users: SeedUser[];
}

const TEAM_NAMES = ['华东销售部', '华南销售部', '大客户部'];
const REPS_PER_TEAM = 4;

export function office(random: Random): SeedOffice {
  const used = new Set<string>();
  const displayName = () => {
    for (;;) {
      const { name } = chineseName(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const users: SeedUser[] = [{ username: 'boss', displayName: displayName(), role: 'owner', team: null }];
  const teams: SeedTeam[] = TEAM_NAMES.map((name, t) => {
    const manager = `manager${t + 1}`;
    users.push({ username: manager, displayName: displayName(), role: 'manager', team: t });
    for (let r = 1; r <= REPS_PER_TEAM; r++) {
      users.push({ username: `sales${t * REPS_PER_TEAM + r}`, displayName: displayName(), role: 'sales', team: t });
    }
    return { name, manager };
  });
  users.push({ username: 'service1', displayName: displayName(), role: 'service', team: null });
  return { teams, users };
}
