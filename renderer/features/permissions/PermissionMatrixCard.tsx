import { Button, Card, Checkbox, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { notifySuccess } from '../../shared/notify';
import { ACTIONS, MODULES, ROLES, type Action, type Module, type Role } from '../../../electron/services/permissions';

type Matrix = RouterOutputs['permissions']['matrix']['matrix'];

// The owner's row is fixed (everything), so it is not offered.
const EDITABLE_ROLES = ROLES.filter((role) => role !== 'owner');

/** One role at a time: modules down, actions across, a tick where the role may. The owner may always do everything. */
export function PermissionMatrixCard({ matrix, defaults }: { matrix: Matrix; defaults: Matrix }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('sales');
  const [draft, setDraft] = useState(matrix);
  const save = useMutation(
    trpc.permissions.save.mutationOptions({
      onSuccess: (saved) => {
        notifySuccess(t('permissions.saved'));
        queryClient.setQueryData(trpc.permissions.matrix.queryKey(), { matrix: saved, defaults });
        void queryClient.invalidateQueries({ queryKey: trpc.auth.status.queryKey() });
      },
    }),
  );
  const allowed = (module: Module, action: Action) => draft[role][module]?.includes(action) ?? false;
  const toggle = (module: Module, action: Action, on: boolean) => {
    const current = draft[role][module] ?? [];
    // Anything but viewing needs viewing: ticking "edit" ticks "view"; unticking "view" unticks all.
    const next = on ? [...new Set([...current, action, 'view' as Action])] : action === 'view' ? [] : current.filter((a) => a !== action);
    setDraft({ ...draft, [role]: { ...draft[role], [module]: ACTIONS.filter((a) => next.includes(a)) } });
  };

  return (
    <Card withBorder padding="lg">
      <Text size="sm" c="dimmed" mb="sm">
        {t('permissions.explain')}
      </Text>
      <SegmentedControl
        value={role}
        onChange={(next) => setRole(next as Role)}
        data={EDITABLE_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        mb="md"
        data-testid="permissions-role"
      />
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('permissions.module')}</Table.Th>
            {ACTIONS.map((action) => (
              <Table.Th key={action} ta="center">
                {t(`permissions.action.${action}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MODULES.map((module) => (
            <Table.Tr key={module}>
              <Table.Td>{t(`permissions.module_${module}`)}</Table.Td>
              {ACTIONS.map((action) => (
                <Table.Td key={action}>
                  <Checkbox
                    mx="auto"
                    w="fit-content"
                    aria-label={`${t(`permissions.module_${module}`)}: ${t(`permissions.action.${action}`)}`}
                    checked={allowed(module, action)}
                    onChange={(event) => toggle(module, action, event.currentTarget.checked)}
                    data-testid={`perm-${module}-${action}`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="md">
        <Button variant="subtle" onClick={() => setDraft({ ...draft, [role]: defaults[role] })} data-testid="permissions-defaults">
          {t('permissions.defaults', { role: t(`role.${role}`) })}
        </Button>
        <Button onClick={() => save.mutate(draft)} loading={save.isPending} data-testid="permissions-save">
          {t('common.save')}
        </Button>
      </Group>
    </Card>
  );
}
