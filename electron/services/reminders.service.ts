import { dueReminders, markReminded, nextReminderAt } from '../../db/task.repository.js';
import type { TaskKind } from '../../db/tables/task.table.js';
import { nowIso, type ServiceContext } from './context.js';
import { addNotification } from './notifications.service.js';

export interface FiredReminder {
  notificationId: number;
  userId: number;
  taskId: number;
  title: string;
  kind: TaskKind;
  dueAt: string;
  allDay: boolean;
}

/** Reminders fired per batch; more than this at once (a long time offline) are fired by the next batch. */
const BATCH = 100;

/**
 * Fires every reminder that is due: one notification for the task's assignee, written in the same
 * transaction that marks the reminder fired, so each reminder fires exactly once, even across a crash
 * or a restart. Returns what fired, for the desktop's native notifications.
 */
export async function fireDueReminders(ctx: ServiceContext): Promise<FiredReminder[]> {
  const fired: FiredReminder[] = [];
  for (;;) {
    const now = nowIso(ctx.clock);
    const batch = await ctx.db.transaction().execute(async (trx) => {
      const firedNow: FiredReminder[] = [];
      const due = await dueReminders(trx, now, BATCH);
      for (const task of due) {
        if (!(await markReminded(trx, task.id, now))) continue;
        const data = { taskId: task.id, taskKind: task.kind, dueAt: task.due_at, allDay: task.all_day === 1 };
        const notificationId = await addNotification(trx, {
          userId: task.assignee_id,
          kind: 'task_reminder',
          title: task.title,
          data,
          link: `/my-day?task=${task.id}`,
          at: now,
        });
        firedNow.push({ notificationId, userId: task.assignee_id, taskId: task.id, title: task.title, kind: task.kind, dueAt: task.due_at, allDay: task.all_day === 1 });
      }
      return { fired: firedNow, full: due.length === BATCH };
    });
    for (const reminder of batch.fired) ctx.events.publish({ entity: 'notification', id: reminder.notificationId, op: 'create' });
    fired.push(...batch.fired);
    if (!batch.full) return fired;
  }
}

export interface ReminderScheduler {
  /** Fires what is due now and re-arms the timer. Calls run one after another, never overlapping. */
  check(): Promise<FiredReminder[]>;
  /** Stops the timer and waits for a running check, so the database can be closed after it. */
  stop(): Promise<void>;
}

export interface ReminderSchedulerOptions {
  onFired?: (reminder: FiredReminder) => void;
  /**
   * The longest the timer sleeps before looking again. Timers run on the monotonic clock: after a
   * laptop sleeps or the system clock is changed, a reminder still fires within this much of its time.
   */
  maxWaitMs?: number;
}

/**
 * The main-process scheduler: a timer armed for the next unfired reminder (at most maxWaitMs away),
 * re-armed whenever a task changes. Call check() once at start-up to fire what came due while the app
 * was off.
 */
export function startReminderScheduler(ctx: ServiceContext, options: ReminderSchedulerOptions = {}): ReminderScheduler {
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<FiredReminder[]> = Promise.resolve([]);

  async function arm(): Promise<void> {
    clearTimeout(timer);
    const next = await nextReminderAt(ctx.db);
    if (stopped || next === null) return;
    const delay = Math.min(Math.max(Date.parse(next) - ctx.clock.now().getTime(), 0), maxWaitMs);
    timer = setTimeout(() => void check(), delay);
    // A pending reminder never keeps a headless process (or a test run) alive on its own.
    timer.unref();
  }

  async function run(): Promise<FiredReminder[]> {
    if (stopped) return [];
    try {
      const fired = await fireDueReminders(ctx);
      for (const reminder of fired) {
        try {
          options.onFired?.(reminder);
        } catch (error) {
          console.error('Showing a reminder failed:', error);
        }
      }
      await arm();
      return fired;
    } catch (error) {
      if (stopped) return [];
      console.error('Checking reminders failed; trying again shortly:', error);
      clearTimeout(timer);
      timer = setTimeout(() => void check(), maxWaitMs);
      timer.unref();
      return [];
    }
  }

  function check(): Promise<FiredReminder[]> {
    running = running.then(run);
    return running;
  }

  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.entity === 'task') void check();
  });

  return {
    check,
    stop: async () => {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await running;
    },
  };
}
