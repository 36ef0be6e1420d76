import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots, IconKey, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { mayManageAccount } from '../../../electron/services/permissions';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { useFormat } from '../../shared/useFormat';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { AccountFormModal } from './AccountFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { Team, UserAccount } from './types';
import { SectionCard } from './SectionCard';
import { useChangeHandlers } from './useChangeHandlers';

/** Everyone who signs in: their role, team and status, with create, edit, reset password and disable. */
export function AccountsCard({ accounts, teams }: { accounts: UserAccount[]; teams: Team[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const format = useFormat();
  const handlers = useChangeHandlers();
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [disabling, setDisabling] = useState<UserAccount | null>(null);
  const disable = useMutation(
    trpc.users.disable.mutationOptions(
      handlers({ done: (account: UserAccount) => t('users.disable.done', { name: account.displayName }), then: () => setDisabling(null) }),
    ),
  );
  const enable = useMutation(
    trpc.users.enable.mutationOptions(handlers({ done: (account: UserAccount) => t('users.disable.enabled', { name: account.displayName }) })),
  );

  return (
    <SectionCard
      title={t('users.accounts.heading')}
      explain={t('users.accounts.explain')}
      action={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="account-new">
          {t('users.accounts.new')}
        </Button>
      }
    >
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.field.displayName')}</Table.Th>
              <Table.Th>{t('users.field.username')}</Table.Th>
              <Table.Th>{t('users.field.role')}</Table.Th>
              <Table.Th>{t('users.field.team')}</Table.Th>
              <Table.Th>{t('users.field.status')}</Table.Th>
              <Table.Th>{t('users.field.lastSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => (
              <Table.Tr key={account.id} c={account.disabledAt ? 'dimmed' : undefined} data-testid="account-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {account.displayName}
                    </Text>
                    {account.id === me.id && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('users.accounts.you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{account.username}</Table.Td>
                <Table.Td>{t(`role.${account.role}`)}</Table.Td>
                <Table.Td>{account.teamName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={account.disabledAt ? 'gray' : 'green'} data-testid="account-status">
                    {t(account.disabledAt ? 'users.status.disabled' : 'users.status.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {account.lastSeenAt ? format.instant(account.lastSeenAt) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {mayManageAccount(me, account) && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(account)} data-testid="account-edit">
                        {t('users.action.edit')}
                      </Button>
                      {account.id !== me.id && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('users.action.more')} data-testid="account-more">
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(account)} data-testid="account-reset">
                              {t('users.action.resetPassword')}
                            </Menu.Item>
                            {account.disabledAt ? (
                              <Menu.Item
                                leftSection={<IconUserCheck size={16} />}
                                onClick={() => enable.mutate({ id: account.id })}
                                data-testid="account-enable"
                              >
                                {t('users.action.enable')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} />}
                                onClick={() => setDisabling(account)}
                                data-testid="account-disable"
                              >
                                {t('users.action.disable')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AccountFormModal editing={editing} teams={teams} onClose={() => setEditing(null)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        opened={disabling !== null}
        title={t('users.disable.title', { name: disabling?.displayName })}
        message={t('users.disable.message', { name: disabling?.displayName })}
        confirmLabel={t('users.disable.confirm')}
        busy={disable.isPending}
        onConfirm={() => disabling && disable.mutate({ id: disabling.id })}
        onClose={() => setDisabling(null)}
      />
    </SectionCard>
  );
}
