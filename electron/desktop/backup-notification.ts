import { Notification } from 'electron';
import type { BackupService } from '../services/backup/service.js';

const TEXT = {
  zh: { title: '备份失败', body: '请打开“设置 → 备份”查看原因。数据仍在本机，未受影响。' },
  en: { title: 'Backup failed', body: 'Open Settings → Backup to see why. Your data on this PC is unaffected.' },
};

/**
 * A failed backup as a native notification, once per failed run, in the system's language; the app
 * shows the same failure in its own notifications. Returns the unsubscribe function.
 */
export function notifyBackupFailures(backups: BackupService, locale: string, onClick: () => void): () => void {
  let announced: string | null = null;
  return backups.onChange((status) => {
    const run = status.lastRun;
    if (!run || run.ok || run.finishedAt === announced || !Notification.isSupported()) return;
    announced = run.finishedAt;
    const text = locale.toLowerCase().startsWith('zh') ? TEXT.zh : TEXT.en;
    const notification = new Notification(text);
    notification.on('click', onClick);
    notification.show();
  });
}
