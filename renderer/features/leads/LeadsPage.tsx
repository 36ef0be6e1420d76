import { Anchor, Badge, Button, Group, MultiSelect, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ExportMenu } from '../export/ExportMenu';
import { ReleaseDialog, type Releasing } from '../pool/ReleaseDialog';
import { AssignLeadDialog } from './AssignLeadDialog';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { leadName } from './lead-form-values';
import { LeadFormModal } from './LeadFormModal';
import { LeadSettingsModal } from './LeadSettingsModal';
import { LeadStatusBadge } from './LeadStatusBadge';
import { LEAD_STATUSES, type Lead, type LeadStatus } from './types';
import { useLeadSources } from './useLeadSources';
import { useAccess } from '../auth/useAccess';

const PAGE_SIZE = 50;

export function LeadsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sources = useLeadSources();
  // Routing leads to others is for the owner and managers (the API refuses anyone else anyway).
  const user = useCurrentUser();
  const { may } = useAccess();
  const mayAssign = may('assign');
  const mayRelease = may('pool');
  const [search, setSearch] = useState('');
  const [statuses, setStatuses] = useState<LeadStatus[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Lead | 'new' | null>(null);
  const [converting, setConverting] = useState<Lead | null>(null);
  const [releasing, setReleasing] = useState<Releasing | null>(null);
  const [assigning, setAssigning] = useState<Lead | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const listFilter = { search: search || undefined, statuses: statuses.length ? statuses : undefined, sources: source ? [source] : undefined };
  const leads = useQuery({
    ...trpc.leads.list.queryOptions({ ...listFilter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const filter = (change: () => void) => {
    change();
    setPage(1);
  };
  const total = leads.data?.total ?? 0;
  const items = leads.data?.items ?? [];
  const filtered = Boolean(search || statuses.length || source);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('leads.title')}</Title>
          <Badge variant="light" size="lg" tt="none" data-testid="leads-total">
            {t('leads.total', { count: total })}
          </Badge>
        </Group>
        <Group gap="xs">
          <ExportMenu list="leads" filter={listFilter} />
          {mayAssign && (
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)} data-testid="lead-settings">
              {t('leads.settings.title')}
            </Button>
          )}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="lead-new">
            {t('leads.new')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <DebouncedTextInput initialValue="" onChange={(v) => filter(() => setSearch(v))} placeholder={t('leads.search')} w={260} data-testid="leads-search" />
        <MultiSelect
          placeholder={statuses.length ? undefined : t('leads.anyStatus')}
          data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
          value={statuses}
          onChange={(v) => filter(() => setStatuses(v as LeadStatus[]))}
          clearable
          w={280}
        />
        <Select placeholder={t('leads.anySource')} data={sources.options} value={source} onChange={(v) => filter(() => setSource(v))} clearable w={180} />
      </Group>
      {items.length === 0 && !leads.isPending ? (
        <Stack gap={4} py="xl" align="center" data-testid="leads-empty">
          <Text c="dimmed">{filtered ? t('leads.noMatches') : t('leads.empty')}</Text>
          {!filtered && (
            <Text c="dimmed" size="sm">
              {t('leads.emptyHint')}
            </Text>
          )}
        </Stack>
      ) : (
        <Table striped highlightOnHover data-testid="leads-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leads.field.name')}</Table.Th>
              <Table.Th>{t('leads.field.mobile')}</Table.Th>
              <Table.Th>{t('leads.field.source')}</Table.Th>
              <Table.Th>{t('leads.field.status')}</Table.Th>
              <Table.Th>{t('leads.field.score')}</Table.Th>
              <Table.Th>{t('leads.field.owner')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((lead) => (
              <Table.Tr key={lead.id} data-testid="lead-row">
                <Table.Td>
                  {/* The lead's name opens its page; the person shows beside a company. */}
                  <Anchor component={Link} to={`/leads/${lead.id}`} fw={500} data-testid="lead-open">
                    {leadName(lead)}
                  </Anchor>
                  {lead.companyName && lead.personName && (
                    <Text span c="dimmed" size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {' · '}
                      {lead.personName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{lead.mobile}</Table.Td>
                <Table.Td>{lead.source && sources.label(lead.source)}</Table.Td>
                <Table.Td>
                  <LeadStatusBadge status={lead.status} />
                </Table.Td>
                <Table.Td>{lead.score}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{lead.ownerName ?? t('leads.noOwner')}</Table.Td>
                <Table.Td>
                  {lead.status !== 'converted' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(lead)} data-testid="lead-edit">
                        {t('common.edit')}
                      </Button>
                      <Button size="compact-xs" variant="light" onClick={() => setConverting(lead)} data-testid="lead-convert">
                        {t('leads.convert.action')}
                      </Button>
                      {mayAssign && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setAssigning(lead)} data-testid="lead-assign">
                          {t('leads.assign.title')}
                        </Button>
                      )}
                      {mayRelease && lead.ownerId !== null && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="orange"
                          onClick={() => setReleasing({ kind: 'lead', id: lead.id, version: lead.version, name: leadName(lead) })}
                          data-testid="lead-release"
                        >
                          {t('leads.release.action')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />}
      <LeadFormModal editing={editing} onClose={() => setEditing(null)} />
      <ConvertLeadDialog lead={converting} onClose={() => setConverting(null)} />
      <ReleaseDialog releasing={releasing} onClose={() => setReleasing(null)} />
      <AssignLeadDialog lead={assigning} onClose={() => setAssigning(null)} />
      <LeadSettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Stack>
  );
}
