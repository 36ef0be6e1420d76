import type { Db } from '../../db/connection.js';
import type { Role } from '../../db/tables/user.table.js';
import type { EventBus } from '../events.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The signed-in user as services see it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
}

/** What every service call receives: no Electron, no HTTP. */
export interface ServiceContext {
  db: Db;
  /** The data folder; work files (uploads being imported, exports being downloaded) live under it. */
  dataDir: string;
  clock: Clock;
  events: EventBus;
}

export interface UserContext extends ServiceContext {
  user: SessionUser;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
