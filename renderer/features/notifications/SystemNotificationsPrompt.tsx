import { Button, Text } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupState } from '../setup/FirstStartGate';
import { systemNotificationsApply } from './system-notifications';

/**
 * In the notification centre, where reminders can also go to the system's notifications: asks for
 * the permission (browsers only grant it on a click), or says it was refused.
 */
export function SystemNotificationsPrompt() {
  const { t } = useTranslation();
  const applies = systemNotificationsApply(useSetupState().data);
  const [permission, setPermission] = useState(() => (applies ? Notification.permission : 'granted'));
  if (!applies || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <Text size="xs" c="dimmed" px="sm" py={6} data-testid="system-notifications-blocked">
        {t('notifications.desktopBlocked')}
      </Text>
    );
  }
  return (
    <Button
      variant="subtle"
      size="compact-xs"
      mx="sm"
      my={6}
      leftSection={<IconBellRinging size={14} />}
      onClick={() => void Notification.requestPermission().then(setPermission)}
      data-testid="system-notifications-allow"
    >
      {t('notifications.showOnDesktop')}
    </Button>
  );
}
