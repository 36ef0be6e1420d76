import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconLayoutKanban, IconList, IconPlus, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ExportMenu } from '../export/ExportMenu';
import { DealBoard } from './DealBoard';
import { DealFilters } from './DealFilters';
import { DealFormModal, type DealEditing } from './DealFormModal';
import { DealList } from './DealList';
import { PipelineSettingsModal } from './PipelineSettingsModal';
import type { DealCard } from './types';
import { toDealFilter, useDealListParams, type DealView } from './useDealListParams';
import { useAccess } from '../auth/useAccess';

export function OpportunitiesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { may } = useAccess();
  const { params, update, clearFilters } = useDealListParams();
  const filter = useMemo(() => toDealFilter(params), [params]);
  const [editing, setEditing] = useState<DealEditing>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Text inputs keep their own text while typing; clearing remounts them empty.
  const [filtersKey, setFiltersKey] = useState(0);
  const open = (card: DealCard) => setEditing({ dealId: card.id });

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('opportunities.title')}</Title>
          <SegmentedControl
            size="xs"
            value={params.view}
            onChange={(view) => update({ view: view as DealView })}
            data={[
              { value: 'board', label: <ViewLabel icon={<IconLayoutKanban size={14} />} text={t('opportunities.board')} /> },
              { value: 'list', label: <ViewLabel icon={<IconList size={14} />} text={t('opportunities.list')} /> },
            ]}
            data-testid="deal-view"
          />
        </Group>
        <Group gap="xs">
          {params.view === 'list' && <ExportMenu list="deals" filter={filter} />}
          {may('administer') && (
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)} data-testid="pipeline-settings">
              {t('opportunities.pipeline.settings')}
            </Button>
          )}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="new-deal">
            {t('opportunities.new')}
          </Button>
        </Group>
      </Group>
      {params.view === 'board' ? (
        <DealBoard onOpen={open} />
      ) : (
        <>
          <DealFilters
            key={filtersKey}
            params={params}
            update={update}
            onClear={() => {
              clearFilters();
              setFiltersKey((k) => k + 1);
            }}
          />
          <DealList filter={filter} onOpen={open} />
        </>
      )}
      <DealFormModal editing={editing} onClose={() => setEditing(null)} />
      {settingsOpen && <PipelineSettingsModal onClose={() => setSettingsOpen(false)} />}
    </Stack>
  );
}

function ViewLabel({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      {text}
    </Group>
  );
}
