import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../api/types';
import { useFormat } from '../../shared/useFormat';

/** A reminder in the reader's language: "Reminder: <task>", when it is due, when it fired. */
export function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: (n: AppNotification) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = notification.readAt === null;
  const dueAt = typeof notification.data.dueAt === 'string' ? notification.data.dueAt : null;
  return (
    <UnstyledButton onClick={() => onOpen(notification)} p="xs" w="100%" data-testid="notification-item" data-unread={unread}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box w={8} h={8} mt={6} style={{ flex: 'none', borderRadius: '50%', background: unread ? 'var(--mantine-color-red-6)' : 'transparent' }} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
            {notification.kind === 'pool_recycle_warning'
              ? t('pool.recycleWarning', { title: notification.title, when: format.instant(String(notification.data.recycleAt)) })
              : t('notifications.taskReminder', { title: notification.title })}
          </Text>
          {dueAt && (
            <Text size="xs" c="dimmed">
              {t('notifications.dueAt', { when: format.instant(dueAt) })}
            </Text>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
