import type { Generated, Insertable, Selectable } from 'kysely';

export type NotificationKind = 'task_reminder' | 'pool_recycle_warning';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  /** The subject as entered (e.g. the task's title); the renderer adds the wording in the reader's language. */
  title: string;
  /** JSON facts the renderer formats, e.g. { taskId, taskKind, dueAt, allDay }. */
  data: string;
  /** Where clicking it leads in the app, e.g. "/my-day?task=12". */
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export type NotificationRow = Selectable<NotificationTable>;
export type NewNotificationRow = Insertable<NotificationTable>;
