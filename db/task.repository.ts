import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './connection.js';
import type { NewTaskRow, TaskLinkType, TaskRow, TaskStatus, TaskUpdate } from './tables/task.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';
import { softDelete, updateIfVersion } from './versioned.js';

export interface TaskListRow extends TaskRow {
  assignee_name: string | null;
  customer_name: string | null;
  /** The linked lead's company (or person), so a lead's task names it before there is a customer. */
  lead_name: string | null;
}

export interface TaskFilter {
  /** Instants: due in [dueFrom, dueBefore). */
  dueFrom?: string | undefined;
  dueBefore?: string | undefined;
  /** With dueBefore, a calendar range: items due after this instant, or still running at it. */
  endsAfter?: string | undefined;
  assigneeId?: number | undefined;
  customerId?: number | undefined;
  linkType?: TaskLinkType | undefined;
  linkId?: number | undefined;
  statuses?: TaskStatus[] | undefined;
  limit: number;
}

/**
 * Who may see a task: its assignee and its creator; whoever may see its customer; and for a task with no
 * customer, whoever would see a customer owned by the assignee (a manager their team's, the owner all).
 */
function taskVisibleTo(viewer: Viewer): Expression<SqlBool> | null {
  const customerVisible = customerVisibleTo(sql.ref('vc.owner_id'), viewer);
  const assigneeVisible = customerVisibleTo(sql.ref('t.assignee_id'), viewer);
  if (!customerVisible || !assigneeVisible) return null;
  return sql<SqlBool>`(t.assignee_id = ${viewer.id} OR t.created_by = ${viewer.id}
    OR (t.customer_id IS NULL AND ${assigneeVisible})
    OR EXISTS (SELECT 1 FROM customers vc WHERE vc.id = t.customer_id AND vc.deleted_at IS NULL AND ${customerVisible}))`;
}

function visibleTasks(db: Db, viewer: Viewer) {
  let query = db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('leads as l', (join) => join.onRef('l.id', '=', 't.linked_id').on('t.linked_type', '=', 'lead'))
    .selectAll('t')
    .select(['u.display_name as assignee_name', 'c.name as customer_name'])
    .select((eb) => eb.fn.coalesce('l.company_name', 'l.person_name').as('lead_name'))
    .where('t.deleted_at', 'is', null);
  const visible = taskVisibleTo(viewer);
  if (visible) query = query.where(visible);
  return query;
}

export function findVisibleTask(db: Db, viewer: Viewer, id: number): Promise<TaskListRow | undefined> {
  return visibleTasks(db, viewer).where('t.id', '=', id).executeTakeFirst();
}

export function listVisibleTasks(db: Db, viewer: Viewer, filter: TaskFilter): Promise<TaskListRow[]> {
  let query = visibleTasks(db, viewer);
  if (filter.dueFrom) query = query.where('t.due_at', '>=', filter.dueFrom);
  if (filter.dueBefore) query = query.where('t.due_at', '<', filter.dueBefore);
  if (filter.endsAfter) {
    const from = filter.endsAfter;
    // The first condition is implied by the second (an item ends at or after its start) and is there for
    // the index tasks_live_reach: the range starts at `from` instead of at the assignee's first task.
    query = query
      .where(sql<string>`coalesce(t.ends_at, t.due_at)`, '>=', from)
      .where((eb) => eb.or([eb('t.due_at', '>=', from), eb.and([eb('t.ends_at', 'is not', null), eb('t.ends_at', '>', from)])]));
  }
  if (filter.assigneeId !== undefined) query = query.where('t.assignee_id', '=', filter.assigneeId);
  if (filter.customerId !== undefined) query = query.where('t.customer_id', '=', filter.customerId);
  if (filter.linkType) query = query.where('t.linked_type', '=', filter.linkType);
  if (filter.linkId !== undefined) query = query.where('t.linked_id', '=', filter.linkId);
  if (filter.statuses?.length) query = query.where('t.status', 'in', filter.statuses);
  return query.orderBy('t.due_at').orderBy('t.id').limit(filter.limit).execute();
}

export async function insertTask(db: Db, row: NewTaskRow): Promise<number> {
  const { id } = await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const updateTaskIfVersion = (db: Db, id: number, version: number, changes: TaskUpdate): Promise<boolean> =>
  updateIfVersion(db, 'tasks', id, version, changes);

export const softDeleteTask = (db: Db, id: number, userId: number, now: string): Promise<void> =>
  softDelete(db, 'tasks', id, userId, now);

/** Reminders still to fire: live, open tasks whose reminder has not gone off. */
function unfiredReminders(db: Db) {
  return db
    .selectFrom('tasks')
    .where('remind_at', 'is not', null)
    .where('reminded_at', 'is', null)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'open');
}

/** When the next reminder is due, or null when none is waiting. */
export async function nextReminderAt(db: Db): Promise<string | null> {
  const row = await unfiredReminders(db)
    .select((eb) => eb.fn.min<string | null>('remind_at').as('next'))
    .executeTakeFirst();
  return row?.next ?? null;
}

export function dueReminders(db: Db, now: string, limit: number): Promise<TaskRow[]> {
  return unfiredReminders(db).selectAll().where('remind_at', '<=', now).orderBy('remind_at').limit(limit).execute();
}

/** Claims a reminder: true only for the one call that marks it fired. */
export async function markReminded(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set({ reminded_at: now })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
