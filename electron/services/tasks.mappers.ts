import type { TaskListRow } from '../../db/task.repository.js';
import type { TaskKind, TaskLinkType, TaskPriority, TaskStatus } from '../../db/tables/task.table.js';

export interface Task {
  id: number;
  title: string;
  notes: string | null;
  kind: TaskKind;
  dueAt: string;
  endsAt: string | null;
  allDay: boolean;
  assigneeId: number;
  assigneeName: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  completedAt: string | null;
  link: { type: TaskLinkType; id: number } | null;
  customerId: number | null;
  customerName: string | null;
  leadName: string | null;
  remindAt: string | null;
  remindedAt: string | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toTask(row: TaskListRow): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    kind: row.kind,
    dueAt: row.due_at,
    endsAt: row.ends_at,
    allDay: row.all_day === 1,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    priority: row.priority,
    status: row.status,
    completedAt: row.completed_at,
    link: row.linked_type !== null && row.linked_id !== null ? { type: row.linked_type, id: row.linked_id } : null,
    customerId: row.customer_id,
    customerName: row.customer_name,
    leadName: row.lead_name,
    remindAt: row.remind_at,
    remindedAt: row.reminded_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
