import { Alert, Button, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SetupError, setupApi, type ProbedHost } from '../../api/setup';
import { fieldMessage } from '../../shared/field-message';
import { AuthCard } from '../auth/AuthCard';
import { SETUP_STATE_KEY } from './FirstStartGate';

const setupErrorText = (t: TFunction, error: unknown) => {
  const code = error instanceof SetupError ? error.code : 'unexpected';
  return code === 'unexpected' ? t('errors.unexpected') : t(`errors.code.${code}`);
};

/** Find the office server (listed, or by address), compare its pairing code, then trust it. */
export function ConnectToServer({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState('');
  const [found, setFound] = useState<ProbedHost | null>(null);
  const hosts = useQuery({ queryKey: ['setup', 'discover'], queryFn: setupApi.discover, meta: { quiet: true } });
  // Both show their refusals on this screen.
  const probe = useMutation({ mutationFn: setupApi.probe, onSuccess: setFound, meta: { quiet: true } });
  const connect = useMutation({
    mutationFn: setupApi.connect,
    meta: { quiet: true },
    onSuccess: (state) => {
      queryClient.setQueryData(SETUP_STATE_KEY, state);
      void queryClient.invalidateQueries();
    },
  });
  const failure = (probe.error ?? connect.error) as SetupError | null;
  const addressError = failure?.fieldErrors.address;

  if (found) {
    return (
      <AuthCard title={t('setup.pair.title')} description={t('setup.pair.description', { url: found.url })} onSubmit={() => connect.mutate(found)}>
        <Text ff="monospace" fz={30} fw={700} ta="center" data-testid="setup-pairing-code">
          {found.pairingCode}
        </Text>
        <Text size="sm">{t('setup.pair.question')}</Text>
        {connect.error && <Alert color="red">{setupErrorText(t, connect.error)}</Alert>}
        <Stack gap="xs">
          <Button type="submit" loading={connect.isPending} data-testid="setup-pair-confirm">
            {t('setup.pair.yes')}
          </Button>
          <Button variant="default" onClick={() => setFound(null)} data-testid="setup-pair-cancel">
            {t('setup.pair.no')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('setup.remote.title')} description={t('setup.find.description')} onSubmit={() => probe.mutate(address)}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('setup.find.found')}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => void hosts.refetch()} loading={hosts.isFetching}>
            {t('setup.find.refresh')}
          </Button>
        </Group>
        {hosts.isPending && <Loader size="sm" />}
        {hosts.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('setup.find.none')}
          </Text>
        )}
        {hosts.data?.map((host) => (
          <UnstyledButton
            key={host.name}
            onClick={() => probe.mutate(`${host.addresses[0]}:${host.port}`)}
            data-testid="setup-found-host"
            p="xs"
            style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}
          >
            <Text size="sm" fw={500}>
              {host.name}
            </Text>
            <Text size="xs" c="dimmed">
              {host.addresses[0]}:{host.port}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
      <TextInput
        label={t('setup.find.address')}
        placeholder="192.168.1.20:5443"
        value={address}
        onChange={(event) => setAddress(event.currentTarget.value)}
        error={addressError ? fieldMessage(t, addressError) : undefined}
        name="address"
        data-testid="setup-address"
      />
      {failure && !addressError && (
        <Alert color="red" data-testid="setup-error">
          {setupErrorText(t, failure)}
        </Alert>
      )}
      <Group grow>
        <Button variant="default" onClick={onBack}>
          {t('setup.back')}
        </Button>
        <Button type="submit" loading={probe.isPending} data-testid="setup-find">
          {t('setup.find.action')}
        </Button>
      </Group>
    </AuthCard>
  );
}
