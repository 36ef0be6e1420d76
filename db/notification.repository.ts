import type { Db } from './connection.js';
import type { NewNotificationRow, NotificationRow } from './tables/notification.table.js';

export async function insertNotification(db: Db, row: NewNotificationRow): Promise<number> {
  const { id } = await db.insertInto('notifications').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** A user's notifications, newest first; `beforeId` pages back. */
export function listNotificationsOf(db: Db, userId: number, limit: number, beforeId?: number): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's own notifications read (all of them when `ids` is omitted); others' are untouched. */
export async function markRead(db: Db, userId: number, now: string, ids?: number[]): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
