import type { SetupState } from '../../api/setup';

/**
 * The operating system's own notifications (Web Notifications: native ones in Electron's window too),
 * for reminders that come while the app is in the background. Only where nothing else shows them: in a
 * browser (setup state null) and in a colleague's desktop copy working against the office host; the
 * desktop holding the office database shows native notifications from its main process already.
 */
export function systemNotificationsApply(setup: SetupState | null | undefined): boolean {
  return typeof Notification !== 'undefined' && (setup === null || setup?.mode === 'remote');
}

/** Shows one, if the user allowed them and is looking elsewhere (in the app, a toast shows it). */
export function showSystemNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (Notification.permission !== 'granted' || document.hasFocus()) return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
