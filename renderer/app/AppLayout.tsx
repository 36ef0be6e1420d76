import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OfflineBanner } from '../features/live/OfflineBanner';
import { useLiveUpdates } from '../features/live/useLiveUpdates';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SearchButton } from '../features/search/SearchButton';
import { QuickLog } from '../features/timeline/QuickLog';
import { QuickLogButton } from '../features/timeline/QuickLogButton';
import { AfterFirstPaint } from '../shared/AfterFirstPaint';
import { ColorSchemeToggle } from '../shared/ColorSchemeToggle';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { NavigationMenu } from './NavigationMenu';
import { UserMenu } from './UserMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navbarOpened, navbar] = useDisclosure();
  useLiveUpdates();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navbarOpened} onClick={navbar.toggle} hiddenFrom="sm" size="sm" />
            <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
          </Group>
          <AfterFirstPaint>
            <SearchButton />
            <Group gap="xs" wrap="nowrap">
              <QuickLogButton />
              <NotificationBell />
              {/* On a phone these move into the user menu. */}
              <Group gap="xs" wrap="nowrap" visibleFrom="sm">
                <LanguageSwitch />
                <ColorSchemeToggle />
              </Group>
              <UserMenu />
            </Group>
          </AfterFirstPaint>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AfterFirstPaint>
          <NavigationMenu onNavigate={navbar.close} />
        </AfterFirstPaint>
      </AppShell.Navbar>
      <AppShell.Main>
        <OfflineBanner />
        {children}
      </AppShell.Main>
      <GlobalSearch />
      <QuickLog />
    </AppShell>
  );
}
