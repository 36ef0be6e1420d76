import type { Connection } from '../connection.js';
import { rowInserter } from '../row-inserter.js';
import type { NewTaskRow, TaskKind, TaskLinkType, TaskPriority } from '../tables/task.table.js';
import { DEFAULT_NOW } from './generate.js';
import { Random } from './random.js';
import { officeStaff, seedBatches } from './seed-rows.js';

/**
 * Seeded follow-ups for My day, the calendar and their benchmark: two years of tasks, calls, meetings
 * and visits, mostly following up a customer (given to its owner), some a lead or a deal; nearly all of
 * the past ones done, the next two months' open. Seed customers, leads and deals first.
 */

export interface SeedTasksOptions {
  seed: number;
  tasks: number;
  now?: Date;
}

export interface SeedTasksSummary {
  tasks: number;
  open: number;
  ms: number;
}

const DAY = 86_400_000;
const HISTORY_MS = 2 * 365 * DAY;
const AHEAD_MS = 60 * DAY;
const TITLES: Record<TaskKind, string[]> = {
  task: ['发送报价单', '准备合同草稿', '整理需求清单', '催收回款', '寄送样品', 'Send the proposal', '更新客户资料'],
  call: ['电话回访', '确认收货情况', '跟进报价反馈', '邀请参加展会', 'Follow-up call'],
  meeting: ['产品演示', '商务洽谈', '合同评审会', '季度业务回顾', 'Project kick-off'],
  visit: ['上门拜访', '现场勘察', '送货上门并培训', 'Site visit'],
};
const KINDS: [TaskKind, number][] = [
  ['task', 40],
  ['call', 30],
  ['meeting', 15],
  ['visit', 15],
];
const PRIORITIES: [TaskPriority, number][] = [
  ['normal', 70],
  ['high', 15],
  ['low', 15],
];
const LINKS: [TaskLinkType | null, number][] = [
  ['customer', 60],
  ['lead', 15],
  ['opportunity', 10],
  [null, 15],
];

const COLUMNS = ['title', 'notes', 'kind', 'due_at', 'ends_at', 'all_day', 'assignee_id', 'priority', 'status', 'completed_at',
  'linked_type', 'linked_id', 'customer_id', 'remind_at', 'reminded_at', 'created_by', 'created_at', 'updated_at', 'deleted_at',
  'deleted_by', 'version'] as const satisfies readonly (keyof NewTaskRow)[];

const iso = (ms: number) => new Date(ms).toISOString();

/** What a task follows up: the record, its customer, and whose work it is. */
interface Link {
  type: TaskLinkType | null;
  id: number | null;
  customerId: number | null;
  assignee: number;
}

export async function seedTasks(connection: Connection, options: SeedTasksOptions): Promise<SeedTasksSummary> {
  const started = performance.now();
  const { db, sqlite } = connection;
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const random = new Random(options.seed ^ 0x7a5c_5eed);
  const { boss, sellers } = await officeStaff(db);
  const customers = await db.selectFrom('customers').select(['id', 'owner_id']).where('deleted_at', 'is', null).orderBy('id').execute();
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'owner_id', 'converted_customer_id'])
    .where('deleted_at', 'is', null)
    .where('owner_id', 'is not', null)
    .orderBy('id')
    .execute();
  const deals = await db.selectFrom('opportunities').select(['id', 'owner_id', 'customer_id']).where('deleted_at', 'is', null).orderBy('id').execute();
  const insert = rowInserter<NewTaskRow>(sqlite, 'tasks', COLUMNS);
  const summary: SeedTasksSummary = { tasks: 0, open: 0, ms: 0 };

  const linkOf = (type: TaskLinkType | null): Link => {
    if (type === 'customer' && customers.length > 0) {
      const c = random.pick(customers);
      return { type, id: c.id, customerId: c.id, assignee: c.owner_id ?? random.pick(sellers) };
    }
    if (type === 'lead' && leads.length > 0) {
      const l = random.pick(leads);
      return { type, id: l.id, customerId: l.converted_customer_id, assignee: l.owner_id! };
    }
    if (type === 'opportunity' && deals.length > 0) {
      const d = random.pick(deals);
      return { type, id: d.id, customerId: d.customer_id, assignee: d.owner_id ?? random.pick(sellers) };
    }
    return { type: null, id: null, customerId: null, assignee: random.chance(0.9) ? random.pick(sellers) : boss };
  };

  const writeOne = () => {
    const link = linkOf(random.weighted(LINKS));
    const kind = random.weighted(KINDS);
    const allDay = kind === 'task' && random.chance(0.5);
    // Most of the work is behind us; the past is denser near now, the next two months evenly spread.
    const past = random.chance(0.95);
    const due = past ? now - Math.round(HISTORY_MS * (1 - Math.sqrt(random.next()))) : now + random.int(0, AHEAD_MS);
    // An all-day item is due at its first local midnight (the office's, UTC+8); others on a quarter hour.
    const dueAt = allDay ? Math.floor(due / DAY) * DAY - 8 * 3_600_000 : Math.floor(due / 900_000) * 900_000;
    const status = dueAt >= now ? 'open' : random.weighted([['done', 94], ['cancelled', 4], ['open', 2]] as const);
    const createdAt = Math.min(now, dueAt) - random.int(0, 14) * DAY;
    const completedAt = status === 'done' ? Math.min(now, dueAt + random.int(0, 48) * 3_600_000) : null;
    // Reminders only on past items, all gone off: a host started later than `now` would otherwise fire
    // every reminder between the two at once.
    const remindAt = !allDay && dueAt < now && random.chance(0.4) ? dueAt - 15 * 60_000 : null;
    const deletedAt = random.chance(0.01) ? Math.max(createdAt, Math.min(now, dueAt)) : null;
    const updatedAt = deletedAt ?? completedAt ?? createdAt;
    insert({
      title: random.pick(TITLES[kind]),
      notes: null,
      kind,
      due_at: iso(dueAt),
      ends_at: kind === 'meeting' || kind === 'visit' ? iso(dueAt + random.int(1, 4) * 1_800_000) : null,
      all_day: allDay ? 1 : 0,
      assignee_id: link.assignee,
      priority: random.weighted(PRIORITIES),
      status,
      completed_at: completedAt === null ? null : iso(completedAt),
      linked_type: link.type,
      linked_id: link.id,
      customer_id: link.customerId,
      remind_at: remindAt === null ? null : iso(remindAt),
      reminded_at: remindAt === null ? null : iso(remindAt),
      created_by: random.chance(0.8) ? link.assignee : boss,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
      deleted_at: deletedAt === null ? null : iso(deletedAt),
      deleted_by: deletedAt === null ? null : boss,
      version: updatedAt === createdAt ? 1 : 2,
    });
    summary.tasks++;
    if (status === 'open' && deletedAt === null) summary.open++;
  };

  seedBatches(sqlite, options.tasks, writeOne);
  summary.ms = performance.now() - started;
  return summary;
}
