import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { SettingsTabs } from '../settings/SettingsTabs';
import { PermissionMatrixCard } from './PermissionMatrixCard';
import { useAccess } from '../auth/useAccess';

/** Settings → Permissions: what each role may do in each module. */
export function PermissionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const isAdmin = useAccess().may('administer');
  const { data } = useQuery({ ...trpc.permissions.matrix.queryOptions(), enabled: isAdmin });
  return (
    <Stack maw={960}>
      <Title order={2}>{t('settings.title')}</Title>
      <SettingsTabs />
      {!isAdmin && <Alert color="gray">{t('permissions.adminOnly')}</Alert>}
      {data && <PermissionMatrixCard key={JSON.stringify(data.matrix)} matrix={data.matrix} defaults={data.defaults} />}
    </Stack>
  );
}
