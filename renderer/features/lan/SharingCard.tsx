import { Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import type { LanStatus } from './types';

/** The switch and the port; saving starts or stops the office network server at once. */
export function SharingCard({ status }: { status: LanStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ enabled: status.enabled, port: status.port });
  const save = useMutation(
    trpc.lan.configure.mutationOptions({
      onSuccess: (next) => {
        notifySuccess(t(next.running ? 'lan.sharing.started' : 'lan.sharing.stopped'));
        queryClient.setQueryData(trpc.lan.status.queryKey(), next);
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );

  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(form.values);
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('lan.sharing.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('lan.sharing.explain')}
          </Text>
          <Switch
            label={t('lan.sharing.switch')}
            checked={form.values.enabled}
            onChange={(event) => form.set('enabled', event.currentTarget.checked)}
            data-testid="lan-switch"
          />
          <NumberInput
            label={t('lan.sharing.port')}
            description={t('lan.sharing.portHint')}
            w={220}
            min={1024}
            max={65535}
            allowDecimal={false}
            value={form.values.port}
            onChange={(value) => form.set('port', typeof value === 'number' ? value : 0)}
            error={form.error('port')}
            data-testid="lan-port"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="lan-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
