import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appErrorOf, hasErrorCode } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { errorMessage } from '../../shared/notify';
import { PairAgainButton } from '../setup/PairAgainButton';
import { CurrentUserProvider } from './CurrentUserContext';
import { LoginScreen } from './LoginScreen';
import { SetupOwnerScreen } from './SetupOwnerScreen';
import { useSessionExpiry } from './useSessionExpiry';

/** Shows the owner set-up, the login, or (signed in) the app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.status.queryOptions());
  useSessionExpiry();

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  // A failed refetch keeps the signed-in app (and any unsaved input); the offline banner says why.
  if (status.isError && !status.data) {
    return (
      <Center h="100vh" p="md">
        <Stack align="center" maw={520}>
          <Text ta="center" data-testid="start-error">
            {appErrorOf(status.error) ? errorMessage(status.error) : t('errors.unreachable')}
          </Text>
          <Group>
            <Button onClick={() => void status.refetch()}>{t('common.retry')}</Button>
            {hasErrorCode(status.error, 'host_certificate_changed') && <PairAgainButton />}
          </Group>
        </Stack>
      </Center>
    );
  }
  const { needsSetup, user } = status.data;
  if (needsSetup) return <SetupOwnerScreen />;
  if (!user) return <LoginScreen />;
  return (
    <CurrentUserProvider key={user.id} user={user}>
      {children}
    </CurrentUserProvider>
  );
}
