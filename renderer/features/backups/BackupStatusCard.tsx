import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { LabeledValue } from '../../shared/LabeledValue';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/useFormat';
import { useBackupStatus } from './useBackupStatus';
import { useFileSize } from './useFileSize';

export function BackupStatusCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const fileSize = useFileSize();
  const { data: status } = useBackupStatus();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() });
  const runNow = useMutation(
    trpc.backups.runNow.mutationOptions({
      onMutate: () => setTimeout(() => void refresh(), 300),
      onSuccess: (file) => notifySuccess(t('backups.status.done', { name: file.name })),
      onSettled: () => void refresh(),
    }),
  );
  const lastRun = status?.lastRun;
  const running = status?.running;

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('backups.status.heading')}
          </Title>
          <Button
            leftSection={<IconDatabaseExport size={18} />}
            onClick={() => runNow.mutate()}
            loading={runNow.isPending}
            disabled={!!running}
            data-testid="backup-now"
          >
            {t('backups.status.backUpNow')}
          </Button>
        </Group>
        {running && (
          <Stack gap={4} data-testid="backup-progress">
            <Text size="sm">{t(running.job === 'backup' ? 'backups.status.running' : 'backups.status.restoring', { phase: t(`backups.phase.${running.phase}`) })}</Text>
            <Progress value={Math.round(running.fraction * 100)} animated />
          </Stack>
        )}
        {status?.folderUnavailable && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="backup-folder-unavailable">
            {t('backups.status.folderUnavailable')}
          </Alert>
        )}
        {!lastRun ? (
          <Text c="dimmed" size="sm">
            {t('backups.status.never')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="backup-last-run">
            <LabeledValue label={t('backups.status.at')}>{format.instant(lastRun.finishedAt)}</LabeledValue>
            <LabeledValue label={t('backups.status.result')}>
              <Badge color={lastRun.ok ? 'green' : 'red'} variant="light">
                {t(lastRun.ok ? 'backups.status.ok' : 'backups.status.failed')}
              </Badge>
            </LabeledValue>
            <LabeledValue label={t('backups.status.size')}>{lastRun.ok ? fileSize(lastRun.size) : null}</LabeledValue>
            <LabeledValue label={t('backups.status.next')}>{format.instant(status.nextRunAt)}</LabeledValue>
          </SimpleGrid>
        )}
        {lastRun && !lastRun.ok && lastRun.error && (
          <Alert color="red" data-testid="backup-last-error">
            {t(`errors.code.${lastRun.error}`)}
          </Alert>
        )}
        {lastRun?.ok && lastRun.fellBack && <Alert color="yellow">{t('backups.status.fellBack')}</Alert>}
      </Stack>
    </Card>
  );
}
