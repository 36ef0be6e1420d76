import { Card, Center, Group, Loader, Pagination, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowsJoin,
  IconEdit,
  IconPlus,
  IconTrash,
  IconTrashX,
  type Icon,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useFormat } from '../../shared/useFormat';
import type { HistoryEntry } from './history-types';
import { useChangeFormat } from './useChangeFormat';

const PAGE_SIZE = 10;

const OP_LOOK: Record<HistoryEntry['op'], { icon: Icon; color: string }> = {
  create: { icon: IconPlus, color: 'green' },
  update: { icon: IconEdit, color: 'blue' },
  delete: { icon: IconTrash, color: 'red' },
  restore: { icon: IconArrowBackUp, color: 'teal' },
  purge: { icon: IconTrashX, color: 'red' },
  merge: { icon: IconArrowsJoin, color: 'grape' },
};

function EntryChanges({ entry, format }: { entry: HistoryEntry; format: ReturnType<typeof useChangeFormat> }) {
  if (entry.changes.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {entry.changes.map(({ field, before, after }) => (
        <Text key={field} size="sm" data-testid="history-change">
          <Text span c="dimmed" size="sm">
            {format.label(entry.entity, field)}:{' '}
          </Text>
          {entry.op === 'update' || entry.op === 'restore' ? (
            <>
              <Text span size="sm" c="dimmed" td={format.isBlank(before) ? undefined : 'line-through'}>
                {format.value(entry.entity, field, before)}
              </Text>
              {' → '}
              {format.value(entry.entity, field, after)}
            </>
          ) : (
            // A create shows what was filled in; a purge what was removed.
            format.value(entry.entity, field, entry.op === 'purge' ? before : after)
          )}
        </Text>
      ))}
    </Stack>
  );
}

/** Whose history: a customer's (its own, its contacts' and its lead's changes) or a lead's. */
export type HistoryOf = { customerId: number } | { leadId: number };

/** A record's change history, newest first, a page at a time. */
export function RecordHistory({ of }: { of: HistoryOf }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dates = useFormat();
  const [page, setPage] = useState(1);
  const pageInput = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const history = useQuery({
    ...('customerId' in of
      ? trpc.customers.history.queryOptions({ customerId: of.customerId, ...pageInput })
      : trpc.leads.history.queryOptions({ leadId: of.leadId, ...pageInput })),
    placeholderData: keepPreviousData,
  });
  const format = useChangeFormat(history.data?.userNames ?? {});
  const total = history.data?.total ?? 0;

  return (
    <Card withBorder padding="lg" data-testid={'customerId' in of ? 'customer-history' : 'lead-history'}>
      <Group gap="sm" mb="md">
        <Title order={3} size="h4">
          {t('history.title')}
        </Title>
        {history.isFetching && <Loader size="xs" />}
      </Group>
      {history.isPending ? (
        <Center h={80}>
          <Loader />
        </Center>
      ) : total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('history.empty')}
        </Text>
      ) : (
        // Every item "active", so each bullet takes its operation's color.
        <Timeline bulletSize={26} lineWidth={2} active={(history.data?.items.length ?? 0) - 1}>
          {history.data?.items.map((entry) => {
            const { icon: OpIcon, color } = OP_LOOK[entry.op];
            const subject = entry.contactName ?? t('history.contactNumber', { id: entry.entityId });
            return (
              <Timeline.Item
                key={entry.id}
                bullet={<OpIcon size={14} />}
                color={color}
                data-testid="history-entry"
                title={
                  <Text size="sm">
                    <Text span fw={600} size="sm">
                      {entry.userName ?? t('history.someone')}
                    </Text>{' '}
                    {t(`history.op.${entry.entity}.${entry.op}`, { name: subject })}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {dates.instant(entry.at)}
                </Text>
                <EntryChanges entry={entry} format={format} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {total > PAGE_SIZE && (
        <Group justify="center" mt="md">
          <Pagination size="sm" total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} data-testid="history-pages" />
        </Group>
      )}
    </Card>
  );
}
