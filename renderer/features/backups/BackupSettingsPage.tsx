import { Alert, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { useFormat } from '../../shared/useFormat';
import { SettingsTabs } from '../settings/SettingsTabs';
import { BackupListCard, type BackupFile } from './BackupListCard';
import { BackupPasswordCard } from './BackupPasswordCard';
import { BackupSettingsCard } from './BackupSettingsCard';
import { BackupStatusCard } from './BackupStatusCard';
import { RestoreDialog, type RestoreChoice } from './RestoreDialog';
import { RestoreFromFileCard } from './RestoreFromFileCard';
import { RestoreResultCard, type RestoreResult } from './RestoreResultCard';
import { useAccess } from '../auth/useAccess';

/** Settings → Backup: the last backup, "Back up now", where and how long backups are kept, and restore. */
export function BackupSettingsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const isAdmin = useAccess().may('administer');
  const { data: settings } = useQuery(trpc.backups.settings.queryOptions());
  const [choice, setChoice] = useState<RestoreChoice | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const restore = useMutation(
    trpc.backups.restore.mutationOptions({
      // The dialog shows why a restore was refused.
      meta: { quiet: true },
      onMutate: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.backups.status.queryKey() }), 300),
      onSuccess: (restored) => {
        setChoice(null);
        setResult(restored);
        // Every screen's data changed: refetch all of it.
        void queryClient.invalidateQueries();
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() }),
    }),
  );
  const choose = (next: RestoreChoice) => {
    restore.reset();
    setResult(null);
    setChoice(next);
  };

  return (
    <Stack maw={960}>
      <Title order={2}>{t('settings.title')}</Title>
      <SettingsTabs />
      {result && <RestoreResultCard result={result} />}
      <BackupStatusCard />
      {!isAdmin && <Alert color="gray">{t('backups.settings.ownerOnly')}</Alert>}
      <BackupListCard
        onRestore={
          isAdmin
            ? (backup: BackupFile) =>
                choose({
                  source: { name: backup.name },
                  message: t('backups.restore.confirmMessage', { time: format.instant(backup.takenAt) }),
                  askPassword: backup.encrypted,
                })
            : null
        }
      />
      {isAdmin && (
        <RestoreFromFileCard
          onRestore={(path) => choose({ source: { path }, message: t('backups.restore.confirmFile', { file: path }), askPassword: true })}
        />
      )}
      {settings && <BackupSettingsCard key={JSON.stringify(settings)} settings={settings} editable={isAdmin} />}
      {settings && isAdmin && <BackupPasswordCard encrypted={settings.encrypted} />}
      <RestoreDialog
        choice={choice}
        busy={restore.isPending}
        error={restore.error}
        onConfirm={(password) => choice && restore.mutate({ ...choice.source, password: password || null })}
        onClose={() => setChoice(null)}
      />
    </Stack>
  );
}
