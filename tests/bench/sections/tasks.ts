import { sql } from 'kysely';
import { calendarRangeInput, listTasksInput, myDayInput } from '../../../electron/api/schemas/tasks.schema.js';
import { calendarRange } from '../../../electron/services/calendar.service.js';
import type { UserContext } from '../../../electron/services/context.js';
import { listTasks, myDay } from '../../../electron/services/tasks.service.js';
import type { BenchContext } from '../context.js';
import type { BenchRow } from '../report.js';
import { cycle } from '../scenarios.js';
import { roleContexts, timedRows } from '../timed-rows.js';
import { CLICK_P95_MS } from './board.js';

const DAY = 86_400_000;
const TIME_ZONE = 'Asia/Shanghai';

/** My day, the calendar's month as each role opens it, and a customer's follow-ups (issue 4's screens). */
export async function tasksSection(ctx: BenchContext): Promise<BenchRow[]> {
  const { owner, manager, rep } = roleContexts(ctx);
  const { rows, timed } = timedRows(ctx, 'tasks', CLICK_P95_MS);
  const day = myDayInput.parse({ timeZone: TIME_ZONE });
  const describeDay = (d: Awaited<ReturnType<typeof myDay>>) => `${d.overdue.length} overdue, ${d.dueToday.length} today, ${d.upcoming.length} upcoming`;
  // The month view around the data's present, with the neighbouring weeks it shows.
  const now = ctx.host.services.clock.now().getTime();
  const month = { from: new Date(now - 21 * DAY).toISOString(), to: new Date(now + 21 * DAY).toISOString() };
  const calendar = (user: UserContext, assigneeId?: number) => () => calendarRange(user, calendarRangeInput.parse({ ...month, assigneeId }));
  const items = (tasks: unknown[]) => `${tasks.length} items`;
  // Customers with open follow-ups (most have none), across the ids.
  const { rows: followed } = await sql<{ customer_id: number }>`
    SELECT DISTINCT customer_id FROM tasks WHERE status = 'open' AND deleted_at IS NULL AND customer_id IS NOT NULL
     ORDER BY customer_id % 97, customer_id LIMIT 25`.execute(ctx.host.services.db);
  const customer = cycle(followed.length > 0 ? followed.map((r) => r.customer_id) : ctx.terms.customerIds);

  await timed('my day (a sales rep)', () => myDay(rep, day), describeDay);
  await timed('my day (the owner)', () => myDay(owner, day), describeDay);
  await timed('calendar: six weeks (a sales rep, own)', calendar(rep), items);
  await timed(`calendar: six weeks (a manager, ${ctx.users.rep.username}'s)`, calendar(manager, ctx.users.rep.id), items);
  await timed('open follow-ups of a customer (its page)', (i) => listTasks(owner, listTasksInput.parse({ customerId: customer(i), statuses: ['open'] })), items);
  return rows;
}
