import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPCClient } from '../../api/trpc';
import { CLOSED_COLUMN_DAYS } from './board-values';
import { DealCardView } from './DealCardView';
import type { BoardColumnData, DealCard, PipelineStage } from './types';
import { useMoney } from './useMoney';
import { useStageLabel } from './usePipelineStages';

interface BoardColumnProps {
  column: BoardColumnData;
  stage: PipelineStage;
  idleDays: number;
  onOpen: (card: DealCard) => void;
}

/** One stage: its totals in the header, its cards (drop target), and "load more" at the bottom. */
export function BoardColumn({ column, stage, idleDays, onOpen }: BoardColumnProps) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const stageLabel = useStageLabel();
  // The whole column is the drop target, so a card dropped below the last one still lands.
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stageId: stage.id } });
  // Cards fetched by "load more", after the board's first ones; a refreshed board starts over.
  const [more, setMore] = useState<{ base: BoardColumnData; cards: DealCard[] }>({ base: column, cards: [] });
  const extra = more.base === column ? more.cards : [];
  const cards = [...column.cards, ...extra];
  const [loading, setLoading] = useState(false);

  const loadMore = async () => {
    const last = cards.at(-1);
    if (!last) return;
    setLoading(true);
    try {
      const next = await client.opportunities.column.query({
        stageId: stage.id,
        after: { stageEnteredAt: last.stageEnteredAt, id: last.id },
        limit: 20,
      });
      setMore({ base: column, cards: [...extra, ...next] });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      w={272}
      miw={272}
      bg={isOver ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
      style={{ display: 'flex', flexDirection: 'column', maxHeight: '100%' }}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-drop-target={isOver || undefined}
    >
      <ColumnHeader column={column} stage={stage} label={stageLabel(stage)} />
      <ScrollArea.Autosize mah="100%" type="auto" offsetScrollbars="present" style={{ flex: 1 }}>
        <Stack gap="xs" p="xs" data-testid="board-column-cards">
          {cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {t('opportunities.column.empty')}
            </Text>
          )}
          {cards.map((card) => (
            <DraggableCard key={card.id} card={card} idleDays={idleDays} onOpen={onOpen} />
          ))}
          {cards.length < column.count && (
            <Button variant="subtle" size="xs" loading={loading} onClick={() => void loadMore()} data-testid="column-load-more">
              {t('opportunities.column.loadMore')}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

function ColumnHeader({ column, stage, label }: { column: BoardColumnData; stage: PipelineStage; label: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [main, ...others] = column.totals;
  return (
    <Stack gap={2} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="column-header">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} size="sm" truncate="end" data-testid="column-title">
          {label}
        </Text>
        <Badge variant="light" size="sm" color={stage.outcome === 'won' ? 'green' : stage.outcome === 'lost' ? 'red' : 'blue'}>
          {t('opportunities.column.probability', { probability: stage.probability })}
        </Badge>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" data-testid="column-count">
          {t('opportunities.column.deals', { count: column.count })}
        </Text>
        {column.idle > 0 && (
          <Badge size="xs" color="orange" variant="light">
            {t('opportunities.column.idle', { count: column.idle })}
          </Badge>
        )}
        {column.since && (
          <Text size="xs" c="dimmed">
            · {t('opportunities.column.recentClosed', { days: CLOSED_COLUMN_DAYS })}
          </Text>
        )}
      </Group>
      {main && (
        <Group gap={6} wrap="nowrap" data-testid="column-total">
          <Text size="sm" fw={600}>
            {money.compact(main.amountMinor, main.currency)}
          </Text>
          {stage.outcome === 'open' && (
            <Text size="xs" c="dimmed">
              {t('opportunities.column.weighted', { amount: money.compact(main.weightedMinor, main.currency) })}
            </Text>
          )}
          {others.length > 0 && (
            <Tooltip label={others.map((o) => money.format(o.amountMinor, o.currency)).join(' · ')} withArrow>
              <Text size="xs" c="dimmed">
                {t('opportunities.column.moreCurrencies', { count: others.length })}
              </Text>
            </Tooltip>
          )}
        </Group>
      )}
    </Stack>
  );
}

function DraggableCard({ card, idleDays, onOpen }: { card: DealCard; idleDays: number; onOpen: (card: DealCard) => void }) {
  const { setNodeRef, attributes, listeners, isDragging } = useDraggable({ id: `deal-${card.id}`, data: { card } });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      style={{ opacity: isDragging ? 0.4 : 1 }}
      data-dragging={isDragging || undefined}
      onClick={() => onOpen(card)}
    >
      <DealCardView card={card} idleDays={idleDays} />
    </div>
  );
}
