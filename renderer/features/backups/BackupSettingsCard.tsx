import { Button, Card, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';

type BackupSettings = RouterOutputs['backups']['settings'];

const RETENTION = ['daily', 'weekly', 'monthly'] as const;

export function BackupSettingsCard({ settings, editable }: { settings: BackupSettings; editable: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ folder: settings.folder ?? '', time: settings.time, ...settings.retention });
  const save = useMutation(
    trpc.backups.updateSettings.mutationOptions({
      onSuccess: () => {
        notifySuccess(t('backups.settings.saved'));
        void queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() });
      },
      onError: (error) => form.setErrors({ ...fieldErrorsOf(error), ...fieldErrorsOf(error, 'retention.') }),
    }),
  );
  const { folder, time, daily, weekly, monthly } = form.values;

  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ folder, time, retention: { daily, weekly, monthly } });
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('backups.settings.heading')}
          </Title>
          <TextInput
            label={t('backups.settings.folder')}
            description={t('backups.settings.folderHint', { folder: settings.fallbackFolder })}
            placeholder={settings.fallbackFolder}
            disabled={!editable}
            data-testid="backup-folder"
            {...form.text('folder')}
          />
          <TimeInput
            label={t('backups.settings.time')}
            description={t('backups.settings.timeHint')}
            disabled={!editable}
            w={200}
            data-testid="backup-time"
            {...form.text('time')}
          />
          <Group align="flex-start" grow>
            {RETENTION.map((period) => (
              <NumberInput
                key={period}
                label={t(`backups.settings.${period}`)}
                min={1}
                allowDecimal={false}
                disabled={!editable}
                value={form.values[period]}
                onChange={(value) => form.set(period, typeof value === 'number' ? value : 1)}
                error={form.error(period)}
                data-testid={`backup-keep-${period}`}
              />
            ))}
          </Group>
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="backup-settings-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
