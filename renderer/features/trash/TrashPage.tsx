import { Badge, Center, Group, Loader, Pagination, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { useLastValue } from '../../shared/useLastValue';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ExportMenu } from '../export/ExportMenu';
import { RestoreDuplicatesModal } from './RestoreDuplicatesModal';
import { TrashTable } from './TrashTable';
import type { TrashItem, TrashKind } from './trash-types';
import { useTrashActions } from './useTrashActions';
import { useAccess } from '../auth/useAccess';

const PAGE_SIZE = 20;

type KindFilter = TrashKind | 'all';

function TrashEmpty({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <Center py={80} data-testid="trash-empty">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconTrash size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {filtered ? t('trash.noMatches') : t('trash.empty')}
        </Text>
        {!filtered && (
          <Text c="dimmed" size="sm">
            {t('trash.emptyHint')}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

export function TrashPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Purging is the owner's (until the full permission model); the API refuses anyone else anyway.
  const mayPurge = useAccess().may('administer');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const [purging, setPurging] = useState<TrashItem | null>(null);
  const purgeShown = useLastValue(purging);
  const actions = useTrashActions();
  const listFilter = { search: search || undefined, kind: kind === 'all' ? undefined : kind };
  const trash = useQuery({
    ...trpc.trash.list.queryOptions({ ...listFilter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    // Deletes happen on other screens; the trash is read fresh whenever it is opened.
    staleTime: 0,
  });
  const total = trash.data?.total;
  const pages = Math.max(1, Math.ceil((total ?? 0) / PAGE_SIZE));
  // Restoring or purging the last entries of the last page: show the page before it.
  if (total !== undefined && !trash.isPlaceholderData && page > pages) setPage(pages);
  const filter = (change: () => void) => {
    change();
    setPage(1);
  };

  return (
    <Stack maw={1100} gap="sm">
      <Group gap="sm">
        <Title order={2}>{t('trash.title')}</Title>
        {total !== undefined && (
          <Badge variant="light" size="lg" tt="none" data-testid="trash-total">
            {t('trash.total', { count: total })}
          </Badge>
        )}
        {trash.isFetching && <Loader size="xs" />}
      </Group>
      <Group align="center">
        <SegmentedControl
          value={kind}
          onChange={(value) => filter(() => setKind(value as KindFilter))}
          data={[
            { value: 'all', label: t('trash.all') },
            { value: 'customer', label: t('trash.customers') },
            { value: 'contact', label: t('trash.contacts') },
          ]}
          data-testid="trash-kind"
        />
        <DebouncedTextInput
          flex={1}
          leftSection={<IconSearch size={16} />}
          placeholder={t('trash.searchPlaceholder')}
          aria-label={t('trash.search')}
          initialValue=""
          onChange={(text) => filter(() => setSearch(text.trim()))}
          data-testid="trash-search"
        />
        <ExportMenu list="trash" filter={listFilter} />
      </Group>
      {total === 0 ? (
        <TrashEmpty filtered={search !== '' || kind !== 'all'} />
      ) : (
        <TrashTable
          items={trash.data?.items ?? []}
          restoring={actions.restoring}
          onRestore={(item) => actions.restore(item)}
          onPurge={mayPurge ? setPurging : undefined}
        />
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => {
              setPage(next);
              window.scrollTo({ top: 0 });
            }}
            data-testid="trash-pages"
          />
        </Group>
      )}
      <RestoreDuplicatesModal
        held={actions.held}
        busy={actions.restoring !== undefined}
        onConfirm={() => actions.held && actions.restore(actions.held.item, true)}
        onClose={actions.dismissHeld}
      />
      <ConfirmDialog
        opened={purging !== null}
        title={t('trash.purgeTitle')}
        message={
          purgeShown?.kind === 'customer'
            ? t('trash.purgeCustomer', { name: purgeShown.name })
            : t('trash.purgeContact', { name: purgeShown?.name ?? '' })
        }
        confirmLabel={t('trash.purge')}
        busy={actions.purging}
        onConfirm={() => purging && actions.purge(purging, () => setPurging(null))}
        onClose={() => setPurging(null)}
      />
    </Stack>
  );
}
