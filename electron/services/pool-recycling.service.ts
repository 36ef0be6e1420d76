import { writeAudit } from '../../db/audit.repository.js';
import { endHolding, idleOwnedCustomers, markWarned, unownCustomerIfVersion } from '../../db/pool.repository.js';
import type { ServiceContext } from './context.js';
import { addNotification } from './notifications.service.js';
import { getPoolSettings } from './pool-settings.js';
import { poolMoveChanges } from './pool.service.js';

const DAY_MS = 86_400_000;
const BATCH = 500;

export interface RecyclingResult {
  recycled: number[];
  warned: number[];
}

/**
 * Customers without a follow-up for the set number of days go back to the pool; their owner is warned
 * the set number of days before, once per holding cycle (a follow-up or a new claim starts a new one).
 * Each batch is one transaction; events go out after it commits.
 */
export async function recycleIdleCustomers(ctx: ServiceContext): Promise<RecyclingResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { recycleEnabled, recycleDays, warnDays } = await getPoolSettings(ctx.db);
  const result: RecyclingResult = { recycled: [], warned: [] };
  if (!recycleEnabled) return result;
  const recycleBefore = new Date(now.getTime() - recycleDays * DAY_MS).toISOString();
  const warnBefore = new Date(now.getTime() - (recycleDays - warnDays) * DAY_MS).toISOString();
  let afterId = 0;
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (trx) => {
      const rows = await idleOwnedCustomers(trx, warnBefore, afterId, BATCH);
      const done: RecyclingResult & { notifications: number[] } = { recycled: [], warned: [], notifications: [] };
      for (const row of rows) {
        if (row.cycle_start <= recycleBefore) {
          if (!(await unownCustomerIfVersion(trx, row.id, row.version, at))) continue;
          await endHolding(trx, row.id);
          await writeAudit(trx, { entity: 'customer', entityId: row.id, customerId: row.id, op: 'update', userId: null, at, changes: poolMoveChanges(row.owner_id, null, 'recycle') });
          done.recycled.push(row.id);
        } else if (row.warned_for !== row.cycle_start) {
          const recycleAt = new Date(Date.parse(row.cycle_start) + recycleDays * DAY_MS).toISOString();
          done.notifications.push(
            await addNotification(trx, {
              userId: row.owner_id!,
              kind: 'pool_recycle_warning',
              title: row.name,
              data: { customerId: row.id, recycleAt },
              link: `/customers/${row.id}`,
              at,
            }),
          );
          await markWarned(trx, row.id, row.cycle_start);
          done.warned.push(row.id);
        }
      }
      return { ...done, last: rows.at(-1)?.id, full: rows.length === BATCH };
    });
    for (const id of batch.recycled) ctx.events.publish({ entity: 'customer', id, op: 'update' });
    for (const id of batch.notifications) ctx.events.publish({ entity: 'notification', id, op: 'create' });
    result.recycled.push(...batch.recycled);
    result.warned.push(...batch.warned);
    if (!batch.full || batch.last === undefined) return result;
    afterId = batch.last;
  }
}

export interface RecyclingScheduler {
  /** Runs the check now (start-up, tests); concurrent calls share one run. */
  check(): Promise<RecyclingResult>;
  stop(): Promise<void>;
}

/** Checks at start-up (by the caller) and then once a day; the clock decides what is idle. */
export function startPoolRecycling(
  ctx: ServiceContext,
  options: { exclusive?: <T>(work: () => Promise<T>) => Promise<T>; intervalMs?: number } = {},
): RecyclingScheduler {
  const exclusive = options.exclusive ?? ((work) => work());
  let running: Promise<RecyclingResult> | null = null;
  const check = () => {
    running ??= exclusive(() => recycleIdleCustomers(ctx)).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    check().catch((error: unknown) => console.error('Recycling idle customers failed:', error));
  }, options.intervalMs ?? DAY_MS);
  // The daily check never keeps a headless process (or a test run) alive on its own.
  timer.unref();
  return {
    check,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
