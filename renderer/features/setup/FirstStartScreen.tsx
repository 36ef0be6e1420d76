import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconBuildingStore, IconNetwork } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setupApi } from '../../api/setup';
import { AuthCard } from '../auth/AuthCard';
import { ConnectToServer } from './ConnectToServer';
import { SETUP_STATE_KEY } from './FirstStartGate';

/** "Create a new office database" or "Connect to an office server". */
export function FirstStartScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [connecting, setConnecting] = useState(false);
  const createLocal = useMutation({
    mutationFn: setupApi.createLocal,
    meta: { quiet: true },
    onSuccess: (state) => {
      queryClient.setQueryData(SETUP_STATE_KEY, state);
      void queryClient.invalidateQueries();
    },
  });
  if (connecting) return <ConnectToServer onBack={() => setConnecting(false)} />;
  return (
    <AuthCard title={t('setup.title')} description={t('setup.description')} onSubmit={() => undefined}>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Text fw={600}>
            <IconBuildingStore size={18} style={{ verticalAlign: -3 }} /> {t('setup.local.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('setup.local.description')}
          </Text>
          {createLocal.error && <Alert color="red">{t('errors.unexpected')}</Alert>}
          <Button onClick={() => createLocal.mutate()} loading={createLocal.isPending} data-testid="setup-create-local">
            {t('setup.local.action')}
          </Button>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Text fw={600}>
            <IconNetwork size={18} style={{ verticalAlign: -3 }} /> {t('setup.remote.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('setup.remote.description')}
          </Text>
          <Button variant="light" onClick={() => setConnecting(true)} data-testid="setup-connect">
            {t('setup.remote.action')}
          </Button>
        </Stack>
      </Card>
    </AuthCard>
  );
}
