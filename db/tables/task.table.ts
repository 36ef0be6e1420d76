import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type TaskKind = 'task' | 'meeting' | 'visit' | 'call';
export type TaskPriority = 'low' | 'normal' | 'high';
export type TaskStatus = 'open' | 'done' | 'cancelled';
/** Records a task can follow up; leads and opportunities are stored by type and id only. */
export type TaskLinkType = 'customer' | 'contact' | 'lead' | 'opportunity';

export interface TaskTable {
  id: Generated<number>;
  title: string;
  notes: string | null;
  kind: TaskKind;
  /** When a task is due or a meeting starts (UTC instant); for an all-day item, its first local midnight. */
  due_at: string;
  ends_at: string | null;
  all_day: number;
  assignee_id: number;
  priority: TaskPriority;
  status: TaskStatus;
  completed_at: string | null;
  linked_type: TaskLinkType | null;
  linked_id: number | null;
  /** The customer the link belongs to (a customer, or a contact's customer): who can see it may see the task. */
  customer_id: number | null;
  remind_at: string | null;
  reminded_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: number;
}

export type TaskRow = Selectable<TaskTable>;
export type NewTaskRow = Insertable<TaskTable>;
export type TaskUpdate = Updateable<TaskTable>;
