import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/useFormat';
import { useBackupStatus } from './useBackupStatus';

const SEEN_KEY = 'officeCrm.backupFailureSeen';

/** Announces a failed backup once, on whatever screen is open (the desktop shell adds a native notice). */
export function BackupFailureNotifier() {
  const { t } = useTranslation();
  const format = useFormat();
  const lastRun = useBackupStatus().data?.lastRun;
  useEffect(() => {
    if (!lastRun || lastRun.ok || localStorage.getItem(SEEN_KEY) === lastRun.finishedAt) return;
    localStorage.setItem(SEEN_KEY, lastRun.finishedAt);
    notifications.show({
      color: 'red',
      autoClose: false,
      title: t('backups.failedNotice.title'),
      message: t('backups.failedNotice.message', { time: format.instant(lastRun.startedAt) }),
    });
  }, [lastRun, t, format]);
  return null;
}
