import { Avatar, Box, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDevicesOff, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/CurrentUserContext';
import { useLogout, useLogoutEverywhere } from '../features/auth/useLogout';
import { ColorSchemeToggle } from '../shared/ColorSchemeToggle';
import { LanguageSwitch } from '../shared/LanguageSwitch';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          data-testid="user-menu"
          leftSection={<Avatar size="sm" radius="xl" name={user.displayName} color="initials" />}
          rightSection={<IconChevronDown size={14} />}
        >
          <Box component="span" visibleFrom="sm">
            {user.displayName}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">
            {user.displayName} · {t(`role.${user.role}`)}
          </Text>
        </Menu.Label>
        <Group gap="xs" px="xs" pb="xs" hiddenFrom="sm">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} data-testid="logout">
          {t('header.logout')}
        </Menu.Item>
        <Menu.Item leftSection={<IconDevicesOff size={16} />} onClick={() => logoutEverywhere.mutate()} data-testid="logout-everywhere">
          {t('header.logoutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
