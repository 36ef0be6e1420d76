import { Anchor, Badge, Button, Center, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc';
import { useFormat } from '../../shared/useFormat';
import type { DealCard, DealListInput } from './types';
import { useMoney } from './useMoney';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

const PAGE_SIZE = 50;

/** Deals matching the filters, a page at a time; keyed like tRPC's own queries so deal changes refresh it. */
function useDealPages(filter: Omit<DealListInput, 'offset' | 'limit'>) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [path] = trpc.opportunities.list.pathKey();
  return useInfiniteQuery({
    queryKey: [path, { input: filter, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) => client.opportunities.list.query({ ...filter, offset: pageParam, limit: PAGE_SIZE }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length * PAGE_SIZE : undefined),
    placeholderData: keepPreviousData,
  });
}

export function DealList({ filter, onOpen }: { filter: Omit<DealListInput, 'offset' | 'limit'>; onOpen: (card: DealCard) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const pages = useDealPages(filter);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const total = pages.data?.pages[0]?.total;

  if (total === 0) {
    return (
      <Center h={200} data-testid="deals-empty">
        <Stack align="center" gap={4}>
          <Text fw={600}>{t('opportunities.table.none')}</Text>
          <Text size="sm" c="dimmed">
            {t('opportunities.table.noneHint')}
          </Text>
        </Stack>
      </Center>
    );
  }
  return (
    <Stack gap="xs" style={{ overflow: 'auto' }}>
      {total !== undefined && (
        <Text size="sm" c="dimmed" data-testid="deal-total">
          {t('opportunities.table.total', { count: total })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opportunities.field.name')}</Table.Th>
              <Table.Th>{t('opportunities.field.customer')}</Table.Th>
              <Table.Th>{t('opportunities.field.stage')}</Table.Th>
              <Table.Th ta="right">{t('opportunities.field.amount')}</Table.Th>
              <Table.Th>{t('opportunities.field.expectedCloseOn')}</Table.Th>
              <Table.Th>{t('opportunities.field.owner')}</Table.Th>
              <Table.Th>{t('opportunities.table.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((deal) => (
              <Table.Tr key={deal.id} data-testid="deal-row" style={{ cursor: 'pointer' }} onClick={() => onOpen(deal)}>
                <Table.Td fw={500}>
                  {deal.name}
                  {deal.idle && (
                    <Badge ml={6} size="xs" color="orange" variant="light">
                      {t('opportunities.card.idle')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/customers/${deal.customerId}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {deal.customerName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{stageLabel(stages.find((s) => s.id === deal.stageId))}</Table.Td>
                <Table.Td ta="right">{money.format(deal.amountMinor, deal.currency)}</Table.Td>
                <Table.Td>{format.calendarDate(deal.expectedCloseOn)}</Table.Td>
                <Table.Td>{deal.ownerName ?? ''}</Table.Td>
                <Table.Td c="dimmed">{format.instant(deal.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.hasNextPage && (
        <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()} data-testid="deals-load-more">
          {t('opportunities.column.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
