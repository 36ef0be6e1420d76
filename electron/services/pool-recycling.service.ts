import { writeAudit } from '../../db/audit.repository.js';
import { endHolding, idleOwnedCustomers, markWarned, unownCustomerIfVersion } from '../../db/pool.repository.js';
import { getSetting, putSetting } from '../../db/settings.repository.js';
import type { ServiceContext } from './context.js';
import { DailySchedule } from './daily-schedule.js';
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

const LAST_RUN_KEY = 'pool.recycling.lastRunAt';

export interface RecyclingScheduler {
  /** Runs the check now (tests, the daily schedule); concurrent calls share one run. */
  check(): Promise<RecyclingResult>;
  /** When the schedule runs next (an instant), and when a check last finished. */
  status(): Promise<{ nextRunAt: string | null; lastRunAt: string | null }>;
  stop(): Promise<void>;
}

/**
 * Checks daily at the pool settings' local time (node-cron), and at start-up when the last check is more
 * than a day old (office PCs are often off at night). A new time in the settings reschedules it. The
 * clock decides what is idle and when the last check was.
 */
export async function startPoolRecycling(
  ctx: ServiceContext,
  options: { exclusive?: <T>(work: () => Promise<T>) => Promise<T> } = {},
): Promise<RecyclingScheduler> {
  const exclusive = options.exclusive ?? ((work) => work());
  let running: Promise<RecyclingResult> | null = null;
  const check = () => {
    running ??= exclusive(async () => {
      const result = await recycleIdleCustomers(ctx);
      await putSetting(ctx.db, LAST_RUN_KEY, ctx.clock.now().toISOString(), ctx.clock.now().toISOString());
      return result;
    }).finally(() => {
      running = null;
    });
    return running;
  };
  const lastRunAt = async () => (await exclusive(() => getSetting<string>(ctx.db, LAST_RUN_KEY))) ?? null;
  const schedule = new DailySchedule('pool recycling', { run: check, lastRunAt }, ctx.clock);
  let time = (await exclusive(() => getPoolSettings(ctx.db))).recycleTime;
  const stopListening = ctx.events.subscribe((event) => {
    if (event.entity !== 'settings') return;
    void exclusive(() => getPoolSettings(ctx.db)).then((settings) => {
      if (settings.recycleTime === time) return;
      time = settings.recycleTime;
      schedule.reschedule(time);
    });
  });
  await schedule.start(time);
  return {
    check,
    status: async () => ({ nextRunAt: schedule.nextRunAt(), lastRunAt: await lastRunAt() }),
    stop: async () => {
      stopListening();
      schedule.stop();
      await running?.catch(() => undefined);
    },
  };
}
