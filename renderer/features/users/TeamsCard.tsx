import { Button, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { TeamNameModal } from './TeamNameModal';
import type { Team, UserAccount } from './types';
import { SectionCard } from './SectionCard';
import { useChangeHandlers } from './useChangeHandlers';

/** The teams: name, manager (chosen in place), how many belong, rename and delete. */
export function TeamsCard({ teams, accounts }: { teams: Team[]; accounts: UserAccount[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const handlers = useChangeHandlers();
  const [naming, setNaming] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const managerOptions = accounts.filter((a) => !a.disabledAt).map((a) => ({ value: String(a.id), label: a.displayName }));
  const nameOf = (id: number | null) => accounts.find((a) => a.id === id)?.displayName;
  const setManager = useMutation(
    trpc.teams.setManager.mutationOptions(
      handlers({
        done: (_: void, { id, managerId }: { id: number; managerId: number | null }) => {
          const team = teams.find((x) => x.id === id)?.name;
          return managerId === null ? t('users.teams.managerCleared', { team }) : t('users.teams.managerSet', { team, name: nameOf(managerId) });
        },
      }),
    ),
  );
  const remove = useMutation(
    trpc.teams.delete.mutationOptions(handlers({ done: () => t('users.teams.deleted', { name: deleting?.name }), then: () => setDeleting(null) })),
  );

  return (
    <SectionCard
      title={t('users.teams.heading')}
      explain={t('users.teams.explain')}
      action={
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setNaming('new')} data-testid="team-new">
          {t('users.teams.new')}
        </Button>
      }
    >
      {teams.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md" data-testid="teams-empty">
          {t('users.teams.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="teams-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.teams.name')}</Table.Th>
                <Table.Th>{t('users.teams.manager')}</Table.Th>
                <Table.Th>{t('users.teams.members')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr key={team.id} data-testid="team-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {team.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={200}
                      placeholder={t('users.teams.noManager')}
                      aria-label={t('users.teams.manager')}
                      data={managerOptions}
                      searchable
                      clearable
                      value={team.managerId === null ? null : String(team.managerId)}
                      onChange={(value) => setManager.mutate({ id: team.id, managerId: value === null ? null : Number(value) })}
                      disabled={setManager.isPending}
                      data-testid="team-manager"
                    />
                  </Table.Td>
                  <Table.Td>{team.memberCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setNaming(team)} data-testid="team-rename">
                        {t('users.teams.rename')}
                      </Button>
                      <Tooltip label={t('users.teams.deleteHint')} disabled={team.memberCount === 0}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          disabled={team.memberCount > 0}
                          onClick={() => setDeleting(team)}
                          data-testid="team-delete"
                        >
                          {t('common.delete')}
                        </Button>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TeamNameModal naming={naming} onClose={() => setNaming(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('users.teams.deleteTitle', { name: deleting?.name })}
        message={t('users.teams.deleteMessage')}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </SectionCard>
  );
}
