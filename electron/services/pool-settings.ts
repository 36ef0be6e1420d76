import type { Db } from '../../db/connection.js';
import { getSetting, putSetting } from '../../db/settings.repository.js';
import type { PoolSettings } from '../api/schemas/pool.schema.js';
import { nowIso, type UserContext } from './context.js';
import { AppError } from './errors.js';
import { isAdmin } from './permissions.js';

const KEY = 'pool.settings';

/**
 * A new office: a rep holds up to 200 customers; recycling (after 30 days without follow-up, warned 3
 * days before, checked daily at 02:00) waits until the owner turns it on.
 */
export const DEFAULT_POOL_SETTINGS: PoolSettings = { recycleEnabled: false, claimLimit: 200, recycleDays: 30, warnDays: 3, recycleTime: '02:00' };

export async function getPoolSettings(db: Db): Promise<PoolSettings> {
  return { ...DEFAULT_POOL_SETTINGS, ...(await getSetting<Partial<PoolSettings>>(db, KEY)) };
}

export async function savePoolSettings(ctx: UserContext, settings: PoolSettings): Promise<PoolSettings> {
  if (!isAdmin(ctx.user.role)) throw new AppError('forbidden', 'Only the owner or an administrator may change the pool settings');
  await putSetting(ctx.db, KEY, settings, nowIso(ctx.clock));
  ctx.events.publish({ entity: 'settings', id: 0, op: 'update' });
  return settings;
}
