import { Badge, Button, Group, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useTRPC } from '../../api/trpc';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/useFormat';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ExportMenu } from '../export/ExportMenu';
import { leadName } from '../leads/lead-form-values';
import { useInvalidateLeads } from '../leads/useInvalidateLeads';
import { useLeadSources } from '../leads/useLeadSources';
import { PoolSettingsModal } from './PoolSettingsModal';
import { ReleaseDialog, type Releasing } from './ReleaseDialog';
import { useAccess } from '../auth/useAccess';

const PAGE_SIZE = 50;
type View = 'customers' | 'leads' | 'mine';

/** The public pool, for the roles that sell; anyone else (an old link, a bookmark) lands on the customers. */
export function PoolPage() {
  return useCurrentUser().capabilities.includes('pool') ? <Pool /> : <Navigate to="/customers" replace />;
}

/** Unowned customers and leads anyone in sales may claim, and the rep's own to release. */
function Pool() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const { may } = useAccess();
  const format = useFormat();
  const sources = useLeadSources();
  const invalidate = useInvalidateLeads();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>('customers');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [releasing, setReleasing] = useState<Releasing | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const paging = { search: search || undefined, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const status = useQuery(trpc.pool.status.queryOptions());
  const pool = useQuery({
    ...trpc.pool.list.queryOptions({ kind: view === 'leads' ? 'leads' : 'customers', ...paging }),
    enabled: view !== 'mine',
    placeholderData: keepPreviousData,
  });
  const mine = useQuery({
    ...trpc.customers.list.queryOptions({ ownerIds: [user.id], ...paging }),
    enabled: view === 'mine',
    placeholderData: keepPreviousData,
  });
  const claim = useMutation(
    trpc.pool.claim.mutationOptions({
      onSuccess: () => void invalidate(),
    }),
  );
  const claimOne = (kind: 'customer' | 'lead', id: number, version: number, name: string) =>
    claim.mutate({ kind, id, version }, { onSuccess: () => notifySuccess(t('pool.claimed', { name })) });
  // List rows carry no version: the release names the one read now.
  const releaseCustomer = async (id: number) => {
    const customer = await queryClient.fetchQuery(trpc.customers.get.queryOptions({ id }));
    setReleasing({ kind: 'customer', id, version: customer.version, name: customer.name });
  };
  const total = (view === 'mine' ? mine.data?.total : pool.data?.total) ?? 0;
  const rows =
    view === 'mine'
      ? (mine.data?.items ?? []).map((c) => ({ key: c.id, name: c.name, place: [c.province, c.city].filter(Boolean).join(' '), extra: c.lastContactedAt, action: () => void releaseCustomer(c.id) }))
      : view === 'customers'
        ? (pool.data?.customers ?? []).map((c) => ({ key: c.id, name: c.name, place: [c.province, c.city].filter(Boolean).join(' '), extra: c.lastContactedAt, action: () => claimOne('customer', c.id, c.version, c.name) }))
        : (pool.data?.leads ?? []).map((l) => ({ key: l.id, name: leadName(l), place: [l.province, l.city].filter(Boolean).join(' '), extra: l.source && sources.label(l.source), action: () => claimOne('lead', l.id, l.version, leadName(l)) }));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('pool.title')}</Title>
          {status.data && (
            <Badge variant="light" size="lg" tt="none" color={status.data.held >= status.data.limit ? 'red' : 'blue'} data-testid="pool-held">
              {t('pool.held', status.data)}
            </Badge>
          )}
        </Group>
        {may('administer') && (
          <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)} data-testid="pool-settings">
            {t('pool.settings')}
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => {
            setView(v as View);
            setPage(1);
          }}
          data={[
            { value: 'customers', label: t('pool.customers') },
            { value: 'leads', label: t('pool.leads') },
            { value: 'mine', label: t('pool.mine') },
          ]}
          data-testid="pool-view"
        />
        <DebouncedTextInput
          initialValue=""
          onChange={(v) => {
            setSearch(v);
            setPage(1);
          }}
          placeholder={t('pool.search')}
          w={240}
        />
        {view === 'mine' ? (
          <ExportMenu list="customers" filter={{ ownerIds: [user.id], search: paging.search }} />
        ) : (
          <ExportMenu list={view === 'leads' ? 'poolLeads' : 'poolCustomers'} filter={{ search: paging.search }} />
        )}
      </Group>
      {rows.length === 0 ? (
        <Stack gap={4} py="xl" align="center" data-testid="pool-empty">
          <Text c="dimmed">{view === 'mine' ? t('pool.mineEmpty') : t('pool.empty')}</Text>
          <Text c="dimmed" size="sm">
            {t(`pool.emptyHint.${view}`)}
          </Text>
        </Stack>
      ) : (
        <Table striped highlightOnHover data-testid="pool-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pool.name')}</Table.Th>
              <Table.Th>{t('pool.region')}</Table.Th>
              <Table.Th>{view === 'leads' ? t('leads.field.source') : t('pool.lastContacted')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="pool-row">
                <Table.Td fw={500}>{row.name}</Table.Td>
                <Table.Td>{row.place}</Table.Td>
                <Table.Td c="dimmed">{view === 'leads' ? row.extra : row.extra ? format.instant(row.extra) : t('pool.never')}</Table.Td>
                <Table.Td ta="right">
                  {view === 'mine' ? (
                    <Button size="compact-xs" variant="light" color="orange" onClick={row.action} data-testid="pool-release">
                      {t('leads.release.action')}
                    </Button>
                  ) : (
                    <Button size="compact-xs" onClick={row.action} loading={claim.isPending && claim.variables?.id === row.key} data-testid="pool-claim">
                      {t('pool.claim')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />}
      <ReleaseDialog releasing={releasing} onClose={() => setReleasing(null)} />
      <PoolSettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Stack>
  );
}
