import { Notification } from 'electron';
import type { FiredReminder } from '../services/reminders.service.js';

/**
 * A fired reminder as a native notification: the task's title, and when it is due in the system's
 * language. Clicking it brings the app forward, where the notification centre has the reminder too.
 */
export function showReminderNotification(reminder: FiredReminder, locale: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const due = new Date(reminder.dueAt);
  const body = reminder.allDay
    ? due.toLocaleDateString(locale, { dateStyle: 'full' })
    : due.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const notification = new Notification({ title: reminder.title, body });
  notification.on('click', onClick);
  notification.show();
}
