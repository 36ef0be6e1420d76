import { createdRecord, diffRecords, type FieldChanges } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { findContact } from '../../db/contact.repository.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import { findVisibleLead } from '../../db/lead.repository.js';
import { findVisibleDeal } from '../../db/opportunity.repository.js';
import {
  findVisibleTask,
  insertTask,
  listVisibleTasks,
  softDeleteTask,
  updateTaskIfVersion,
  type TaskFilter,
} from '../../db/task.repository.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import type { TaskUpdate } from '../../db/tables/task.table.js';
import { findUserById } from '../../db/user.repository.js';
import type {
  CreateTaskInput,
  MyDayInput,
  RescheduleTaskInput,
  SetTaskStatusInput,
  TaskFields,
  UpdateTaskInput,
} from '../api/schemas/tasks.schema.js';
import type { ChangeOp } from '../events.js';
import { recordChange } from './audit-trail.js';
import { nowIso, type UserContext } from './context.js';
import { invalid, notFound } from './errors.js';
import { addDays, localDate, startOfLocalDate } from './local-time.js';
import { staleVersion } from './stale-version.js';
import { toTask, type Task } from './tasks.mappers.js';

async function loadTask(db: Db, ctx: UserContext, id: number): Promise<Task | undefined> {
  const row = await findVisibleTask(db, ctx.user, id);
  return row ? toTask(row) : undefined;
}

export async function getTask(ctx: UserContext, id: number): Promise<Task> {
  const task = await loadTask(ctx.db, ctx, id);
  if (!task) throw notFound('task', id);
  return task;
}

async function assertAssignable(db: Db, assigneeId: number): Promise<void> {
  const user = await findUserById(db, assigneeId);
  if (!user || user.disabled_at) throw invalid({ assigneeId: 'invalidAssignee' });
}

/**
 * The customer a link belongs to, checked against what the user may see: a deal's customer, a converted
 * lead's (a lead not converted yet has none), a contact's, or the customer itself. The task shows with
 * that customer's follow-ups.
 */
async function customerOfLink(db: Db, ctx: UserContext, link: TaskFields['link']): Promise<number | null> {
  if (!link) return null;
  if (link.type === 'lead') {
    const lead = await findVisibleLead(db, ctx.user, link.id);
    if (!lead) throw invalid({ link: 'invalidLink' });
    return lead.converted_customer_id;
  }
  if (link.type === 'opportunity') {
    const deal = await findVisibleDeal(db, ctx.user, link.id);
    if (!deal) throw invalid({ link: 'invalidLink' });
    return deal.customer_id;
  }
  const customerId = link.type === 'customer' ? link.id : (await findContact(db, link.id))?.customer_id;
  if (customerId === undefined || !(await findVisibleCustomer(db, ctx.user, customerId))) {
    throw invalid({ link: 'invalidLink' });
  }
  return customerId;
}

function scheduleColumns(fields: Pick<TaskFields, 'dueAt' | 'endsAt' | 'allDay'>) {
  return { due_at: fields.dueAt, ends_at: fields.endsAt, all_day: fields.allDay ? 1 : 0 };
}

async function fieldColumns(db: Db, ctx: UserContext, fields: TaskFields) {
  const assigneeId = fields.assigneeId ?? ctx.user.id;
  await assertAssignable(db, assigneeId);
  return {
    ...scheduleColumns(fields),
    title: fields.title,
    notes: fields.notes,
    kind: fields.kind,
    assignee_id: assigneeId,
    priority: fields.priority,
    linked_type: fields.link?.type ?? null,
    linked_id: fields.link?.id ?? null,
    customer_id: await customerOfLink(db, ctx, fields.link),
    remind_at: fields.remindAt,
  };
}

/** What the audit log keeps of a task: the fields a user edits, not bookkeeping or names looked up by id. */
function auditedTask(task: Task) {
  const { id: _id, assigneeName: _a, customerName: _c, leadName: _l, createdAt: _ca, updatedAt: _u, version: _v, remindedAt: _r, ...fields } = task;
  return fields;
}

/**
 * Task entries stay off the customer's timeline (customerId null) until the timeline knows how to show
 * them; the log still answers who changed what.
 */
function audit(db: Db, ctx: UserContext, at: string, id: number, op: AuditOp, changes: FieldChanges): Promise<void> {
  return recordChange(db, ctx, at, { entity: 'task', entityId: id, customerId: null, op, changes });
}

function publish(ctx: UserContext, id: number, op: ChangeOp): void {
  ctx.events.publish({ entity: 'task', id, op });
}

/** Runs inside the caller's transaction, so another area (logging an interaction) can add its follow-up atomically. */
export async function insertTaskFor(db: Db, ctx: UserContext, input: CreateTaskInput): Promise<Task> {
  const now = nowIso(ctx.clock);
  const id = await insertTask(db, {
    ...(await fieldColumns(db, ctx, input)),
    status: 'open',
    completed_at: null,
    reminded_at: null,
    created_by: ctx.user.id,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
    version: 1,
  });
  const created = (await loadTask(db, ctx, id))!;
  await audit(db, ctx, now, id, 'create', createdRecord(auditedTask(created)));
  return created;
}

export async function createTask(ctx: UserContext, input: CreateTaskInput): Promise<Task> {
  const task = await ctx.db.transaction().execute((trx) => insertTaskFor(trx, ctx, input));
  publish(ctx, task.id, 'create');
  return task;
}

/**
 * One versioned change: the task as the user may see it, the columns to change, a refused stale
 * version (with the current task), an audit entry, an event after commit.
 */
async function changeTask(
  ctx: UserContext,
  id: number,
  version: number,
  columnsFor: (db: Db, before: Task) => Promise<TaskUpdate> | TaskUpdate,
): Promise<Task> {
  const now = nowIso(ctx.clock);
  const task = await ctx.db.transaction().execute(async (trx) => {
    const before = await loadTask(trx, ctx, id);
    if (!before) throw notFound('task', id);
    if (before.version !== version) throw await staleVersion(trx, 'task', before);
    const columns = await columnsFor(trx, before);
    // A reminder moved to another time goes off again at its new time.
    if (columns.remind_at !== undefined && columns.remind_at !== before.remindAt) columns.reminded_at = null;
    if (!(await updateTaskIfVersion(trx, id, version, { ...columns, updated_at: now }))) throw await staleVersion(trx, 'task', before);
    const after = (await loadTask(trx, ctx, id))!;
    await audit(trx, ctx, now, id, 'update', diffRecords(auditedTask(before), auditedTask(after)));
    return after;
  });
  publish(ctx, task.id, 'update');
  return task;
}

export function updateTask(ctx: UserContext, input: UpdateTaskInput): Promise<Task> {
  return changeTask(ctx, input.id, input.version, (db) => fieldColumns(db, ctx, input));
}

/** Moves the task (a calendar drag); its reminder keeps the same lead time before it. */
export function rescheduleTask(ctx: UserContext, input: RescheduleTaskInput): Promise<Task> {
  return changeTask(ctx, input.id, input.version, (_db, before) => {
    const shift = Date.parse(input.dueAt) - Date.parse(before.dueAt);
    const remindAt = before.remindAt === null ? null : new Date(Date.parse(before.remindAt) + shift).toISOString();
    return { ...scheduleColumns(input), remind_at: remindAt };
  });
}

export function setTaskStatus(ctx: UserContext, input: SetTaskStatusInput): Promise<Task> {
  return changeTask(ctx, input.id, input.version, () => ({
    status: input.status,
    completed_at: input.status === 'done' ? nowIso(ctx.clock) : null,
  }));
}

export async function deleteTask(ctx: UserContext, id: number): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findVisibleTask(trx, ctx.user, id))) throw notFound('task', id);
    await softDeleteTask(trx, id, ctx.user.id, now);
    await audit(trx, ctx, now, id, 'delete', {});
  });
  publish(ctx, id, 'delete');
}

/** Tasks the user may see, in due order (the router's list input is one such filter). */
export async function listTasks(ctx: UserContext, filter: TaskFilter): Promise<Task[]> {
  return (await listVisibleTasks(ctx.db, ctx.user, filter)).map(toTask);
}

export interface MyDay {
  /** The user's local date the buckets were computed for. */
  today: string;
  overdue: Task[];
  dueToday: Task[];
  upcoming: Task[];
}

/**
 * The signed-in user's open work: overdue (a timed task whose time has passed, an all-day one from an
 * earlier day), due today, and the next days.
 */
export async function myDay(ctx: UserContext, input: MyDayInput): Promise<MyDay> {
  const now = ctx.clock.now();
  const today = localDate(now, input.timeZone);
  const todayStart = startOfLocalDate(today, input.timeZone).toISOString();
  const tomorrowStart = startOfLocalDate(addDays(today, 1), input.timeZone).toISOString();
  const upcomingEnd = startOfLocalDate(addDays(today, 1 + input.upcomingDays), input.timeZone).toISOString();
  const mine = { assigneeId: ctx.user.id, statuses: ['open' as const] };
  const [untilTomorrow, upcoming] = await Promise.all([
    listTasks(ctx, { ...mine, dueBefore: tomorrowStart, limit: 500 }),
    listTasks(ctx, { ...mine, dueFrom: tomorrowStart, dueBefore: upcomingEnd, limit: 200 }),
  ]);
  const nowText = now.toISOString();
  const isOverdue = (task: Task) => task.dueAt < (task.allDay ? todayStart : nowText);
  return {
    today,
    overdue: untilTomorrow.filter(isOverdue),
    dueToday: untilTomorrow.filter((task) => !isOverdue(task)),
    upcoming,
  };
}
