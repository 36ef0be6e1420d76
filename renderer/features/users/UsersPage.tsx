import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useAccess } from '../auth/useAccess';
import { SettingsTabs } from '../settings/SettingsTabs';
import { AccountsCard } from './AccountsCard';
import { TeamsCard } from './TeamsCard';

/** Settings → Users and teams: the owner and administrators manage who signs in and the teams. */
export function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const admin = useAccess().may('administer');
  const accounts = useQuery({ ...trpc.users.accounts.queryOptions(), enabled: admin });
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), enabled: admin });
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      <SettingsTabs />
      {!admin && (
        <Alert color="gray" data-testid="users-admin-only">
          {t('users.adminOnly')}
        </Alert>
      )}
      {accounts.data && teams.data && (
        <>
          <AccountsCard accounts={accounts.data} teams={teams.data} />
          <TeamsCard teams={teams.data} accounts={accounts.data} />
        </>
      )}
    </Stack>
  );
}
