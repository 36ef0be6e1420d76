import { Button, Card, Center, Chip, Divider, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { notifySuccess } from '../../shared/notify';
import { INTERACTION_TYPES } from './interaction-values';
import { quickLog, type LeadSubject } from './quick-log-store';
import { QuickLogShortcut } from './QuickLogShortcut';
import { TimelineItem } from './TimelineItem';
import type { Interaction, InteractionType } from './types';
import { useInvalidateTimeline } from './useInvalidateTimeline';

const PAGE_SIZE = 20;

/** Whose timeline: a customer's, or a lead's (logged to only until it is converted). */
export type TimelineOf = { customerId: number } | { lead: LeadSubject; converted: boolean };

/**
 * The calls, visits, chats and notes of a customer or a lead in one list, newest first, filterable by
 * type. Render it keyed by its record, so another record's page never shows this one's items or filter.
 */
export function TimelineCard({ of }: { of: TimelineOf }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidateTimeline = useInvalidateTimeline();
  const [types, setTypes] = useState<InteractionType[]>([]);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const timeline = useInfiniteQuery(
    trpc.interactions.timeline.infiniteQueryOptions(
      { ...('customerId' in of ? { customerId: of.customerId } : { leadId: of.lead.id }), types: types.length ? types : undefined, limit: PAGE_SIZE },
      // The previous filter's items stay until the new ones arrive, so the card does not jump.
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const remove = useMutation(
    trpc.interactions.delete.mutationOptions({
      onSuccess: () => {
        void invalidateTimeline();
        notifySuccess(t('timeline.deleted'));
      },
      onSettled: () => setDeleting(null),
    }),
  );
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card withBorder padding="lg" data-testid="timeline">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('timeline.heading')}
        </Title>
        {'customerId' in of ? (
          <Tooltip label={t('timeline.shortcut')}>
            <Button
              size="xs"
              leftSection={<IconMessagePlus size={14} />}
              rightSection={<QuickLogShortcut />}
              onClick={() => quickLog.open({ customerId: of.customerId })}
              data-testid="log-interaction"
            >
              {t('timeline.log')}
            </Button>
          </Tooltip>
        ) : (
          // A converted lead is followed up on its customer's page.
          !of.converted && (
            <Button size="xs" leftSection={<IconMessagePlus size={14} />} onClick={() => quickLog.open({ lead: of.lead })} data-testid="log-interaction">
              {t('timeline.log')}
            </Button>
          )
        )}
      </Group>
      <Group gap={6} mb="md">
        {/* Outside the group: "all" is no type of its own, it clears the others. */}
        <Chip
          size="xs"
          checked={types.length === 0}
          onChange={() => setTypes([])}
          wrapperProps={{ 'data-testid': 'timeline-filter-all' }}
        >
          {t('timeline.allTypes')}
        </Chip>
        <Chip.Group multiple value={types} onChange={(value) => setTypes(value as InteractionType[])}>
          {INTERACTION_TYPES.map((type) => (
            <Chip key={type} size="xs" value={type} wrapperProps={{ 'data-testid': `timeline-filter-${type}` }}>
              {t(`timeline.type.${type}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {timeline.isPending ? (
        <Center h={80}>
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="timeline-empty">
          {t(types.length ? 'timeline.noneOfType' : 'timeline.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((interaction, index) => (
            <Fragment key={interaction.id}>
              {index > 0 && <Divider />}
              <TimelineItem interaction={interaction} onDelete={setDeleting} />
            </Fragment>
          ))}
          {timeline.hasNextPage && (
            <Button
              variant="subtle"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
              data-testid="timeline-load-more"
            >
              {t('timeline.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('timeline.deleteTitle')}
        message={t('timeline.deleteMessage', { type: deleting ? t(`timeline.type.${deleting.type}`) : '' })}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id, version: deleting.version })}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}
