import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { SettingsTabs } from '../settings/SettingsTabs';
import { ConnectInfoCard } from './ConnectInfoCard';
import { SharingCard } from './SharingCard';
import { useAccess } from '../auth/useAccess';

/** Settings → Office network: share this computer's data with colleagues' copies and browsers. */
export function OfficeNetworkPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const isAdmin = useAccess().may('administer');
  const { data: status } = useQuery({ ...trpc.lan.status.queryOptions(), enabled: isAdmin });
  return (
    <Stack maw={960}>
      <Title order={2}>{t('settings.title')}</Title>
      <SettingsTabs />
      {!isAdmin && <Alert color="gray">{t('lan.ownerOnly')}</Alert>}
      {status && <SharingCard key={`${status.enabled}:${status.port}`} status={status} />}
      {status && <ConnectInfoCard status={status} />}
    </Stack>
  );
}
