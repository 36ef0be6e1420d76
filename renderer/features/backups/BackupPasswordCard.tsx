import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';

export function BackupPasswordCard({ encrypted }: { encrypted: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ password: '', confirm: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() });
  const setPassword = useMutation(
    trpc.backups.setPassword.mutationOptions({
      onSuccess: () => {
        form.reset({ password: '', confirm: '' });
        notifySuccess(t('backups.password.saved'));
        void refresh();
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );
  const clearPassword = useMutation(
    trpc.backups.clearPassword.mutationOptions({
      onSuccess: () => {
        notifySuccess(t('backups.password.cleared'));
        void refresh();
      },
    }),
  );

  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPassword.mutate(form.values);
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('backups.password.heading')}
          </Title>
          <Group gap="xs" data-testid="backup-encryption">
            {encrypted ? <IconLock size={18} /> : <IconLockOpen size={18} />}
            <Text size="sm">{t(encrypted ? 'backups.password.on' : 'backups.password.off')}</Text>
          </Group>
          <Alert color="blue" variant="light">
            {t('backups.password.hint')}
          </Alert>
          <Group align="flex-start" grow>
            <PasswordInput label={t('backups.password.new')} autoComplete="new-password" data-testid="backup-password" {...form.text('password')} />
            <PasswordInput label={t('backups.password.confirm')} autoComplete="new-password" data-testid="backup-password-confirm" {...form.text('confirm')} />
          </Group>
          <Group justify="flex-end">
            {encrypted && (
              <Button variant="default" color="red" onClick={() => clearPassword.mutate()} loading={clearPassword.isPending} data-testid="backup-password-clear">
                {t('backups.password.clear')}
              </Button>
            )}
            <Button type="submit" loading={setPassword.isPending} data-testid="backup-password-save">
              {t(encrypted ? 'backups.password.change' : 'backups.password.set')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
