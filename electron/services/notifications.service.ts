import { countUnread, insertNotification, listNotificationsOf, markRead } from '../../db/notification.repository.js';
import type { Db } from '../../db/connection.js';
import type { NotificationKind, NotificationRow } from '../../db/tables/notification.table.js';
import { nowIso, type UserContext } from './context.js';

export interface AppNotification {
  id: number;
  kind: NotificationKind;
  title: string;
  data: Record<string, unknown>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

function toNotification(row: NotificationRow): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    data: JSON.parse(row.data) as Record<string, unknown>,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  title: string;
  data: Record<string, unknown>;
  link: string | null;
  at: string;
}

/** Writes a notification inside the caller's transaction (the reminder that causes it is marked in the same one). */
export function addNotification(db: Db, notification: NewNotification): Promise<number> {
  return insertNotification(db, {
    user_id: notification.userId,
    kind: notification.kind,
    title: notification.title,
    data: JSON.stringify(notification.data),
    link: notification.link,
    created_at: notification.at,
    read_at: null,
  });
}

/** The signed-in user's own notifications, newest first; nobody reads another user's. */
export async function listNotifications(
  ctx: UserContext,
  input: { limit: number; beforeId?: number | undefined },
): Promise<{ items: AppNotification[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    listNotificationsOf(ctx.db, ctx.user.id, input.limit, input.beforeId),
    countUnread(ctx.db, ctx.user.id),
  ]);
  return { items: rows.map(toNotification), unread };
}

export function unreadCount(ctx: UserContext): Promise<number> {
  return countUnread(ctx.db, ctx.user.id);
}

/** Marks some (or, without ids, all) of the user's own notifications read; returns how many changed. */
export async function markNotificationsRead(ctx: UserContext, ids?: number[]): Promise<{ changed: number }> {
  const changed = await markRead(ctx.db, ctx.user.id, nowIso(ctx.clock), ids);
  return { changed };
}
