import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../api/trpc';
import { useSetupState } from '../setup/FirstStartGate';
import { useFormat } from '../../shared/useFormat';
import { showSystemNotification, systemNotificationsApply } from './system-notifications';

/** At most this many new reminders pop up at once; the bell lists them all. */
const MAX_TOASTS = 3;

/**
 * Pops up reminders that arrive while the app is open (the unread count grew), so they are seen in a
 * browser or a colleague's copy too, where the host's native notification does not reach; there they
 * also go to the operating system's notifications when the window is in the background.
 */
export function useNewNotificationToasts(unread: number | undefined) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const format = useFormat();
  const previous = useRef<number | undefined>(undefined);
  const toSystem = systemNotificationsApply(useSetupState().data);

  useEffect(() => {
    const before = previous.current;
    previous.current = unread;
    if (before === undefined || unread === undefined || unread <= before) return;
    const limit = Math.min(unread - before, MAX_TOASTS);
    void queryClient.fetchQuery(trpc.notifications.list.queryOptions({ limit })).then(({ items }) => {
      for (const item of items.filter((n) => n.readAt === null)) {
        const dueAt = typeof item.data.dueAt === 'string' ? item.data.dueAt : null;
        const title = t('notifications.taskReminder', { title: item.title });
        const message = dueAt ? t('notifications.dueAt', { when: format.instant(dueAt) }) : '';
        const open = () => item.link && void navigate(item.link);
        notifications.show({
          color: 'indigo',
          title,
          message,
          autoClose: 10_000,
          // Away from the bell's list, which opens top right.
          position: 'bottom-right',
          style: { cursor: item.link ? 'pointer' : undefined },
          onClick: open,
        });
        if (toSystem) showSystemNotification(title, message, `notification-${item.id}`, open);
      }
    });
  }, [unread, queryClient, trpc, t, format, navigate, toSystem]);
}
