import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePresence } from './usePresence';

/** "王芳 is viewing · 李雷 is editing": colleagues who have this customer open right now. */
export function PresenceBar({ customerId, editing = false }: { customerId: number; editing?: boolean }) {
  const { t } = useTranslation();
  const others = usePresence(customerId, editing);
  if (others.length === 0) return null;
  return (
    <Group gap="xs" data-testid="presence">
      <Avatar.Group spacing="xs">
        {others.map((viewer) => (
          <Tooltip key={viewer.userId} label={viewer.displayName}>
            <Avatar size="sm" radius="xl" name={viewer.displayName} color="initials" />
          </Tooltip>
        ))}
      </Avatar.Group>
      {others.map((viewer) => (
        <Text key={viewer.userId} size="sm" c={viewer.editing ? 'orange' : 'dimmed'} span>
          {viewer.editing && <IconPencil size={14} style={{ verticalAlign: -2 }} />}{' '}
          {t(viewer.editing ? 'live.editing' : 'live.viewing', { name: viewer.displayName })}
        </Text>
      ))}
    </Group>
  );
}
