import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { NotificationItem } from './NotificationItem';
import { SystemNotificationsPrompt } from './SystemNotificationsPrompt';
import { useNewNotificationToasts } from './useNewNotificationToasts';

/** Until changes are pushed to the renderer, the bell asks this often. */
const POLL_MS = 15_000;

/** The notification centre: a bell with the unread count, and the user's notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 30 }, { enabled: opened, refetchInterval: POLL_MS }));
  const refresh = () => queryClient.invalidateQueries(trpc.notifications.pathFilter());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh }));
  const count = unread.data ?? 0;
  useNewNotificationToasts(unread.data);

  const open = (notification: AppNotification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    setOpened(false);
    if (notification.link) void navigate(notification.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} disabled={count === 0} size={16} color="red" offset={4} data-testid="notification-count">
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('notifications.open')} onClick={() => setOpened((o) => !o)} data-testid="notification-bell">
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600}>{t('notifications.heading')}</Text>
          <Button variant="subtle" size="compact-xs" disabled={count === 0} onClick={() => markAllRead.mutate()} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={400}>
          {list.data?.items.length ? (
            <Stack gap={0} p={4}>
              {list.data.items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={open} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm" p="md">
              {t('notifications.none')}
            </Text>
          )}
        </ScrollArea.Autosize>
        <SystemNotificationsPrompt />
      </Popover.Dropdown>
    </Popover>
  );
}
