import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Center, Group, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc';
import { BoardColumn } from './BoardColumn';
import { DealCardView } from './DealCardView';
import { LostReasonDialog, type LosingDeal } from './LostReasonDialog';
import type { DealCard } from './types';
import { useMoveDeal } from './useMoveDeal';
import { usePipelineStages } from './usePipelineStages';

export const CARDS_PER_COLUMN = 20;

/** The kanban board: drag a card to another column to move the deal; dropping on a lost stage asks why. */
export function DealBoard({ onOpen }: { onOpen: (card: DealCard) => void }) {
  const trpc = useTRPC();
  const board = useQuery(trpc.opportunities.board.queryOptions({ limit: CARDS_PER_COLUMN }));
  const stages = usePipelineStages();
  const move = useMoveDeal();
  const [dragged, setDragged] = useState<DealCard | null>(null);
  const [losing, setLosing] = useState<LosingDeal | null>(null);
  // A small movement starts a drag, so a plain click still opens the deal.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  if (!board.data) {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }

  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current?.card as DealCard | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const card = event.active.data.current?.card as DealCard | undefined;
    const stageId = event.over?.data.current?.stageId as number | undefined;
    if (!card || stageId === undefined || stageId === card.stageId) return;
    if (stages.find((s) => s.id === stageId)?.outcome === 'lost') setLosing({ card, stageId });
    else move.mutate({ id: card.id, version: card.version, stageId });
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
      <Group
        align="stretch"
        wrap="nowrap"
        gap="sm"
        style={{ overflowX: 'auto', flex: 1, minHeight: 0, paddingBottom: 4 }}
        data-testid="deal-board"
      >
        {board.data.columns.map((column) => {
          const stage = stages.find((s) => s.id === column.stageId);
          return stage ? (
            <BoardColumn key={column.stageId} column={column} stage={stage} idleDays={board.data.idleDays} onOpen={onOpen} />
          ) : null;
        })}
      </Group>
      <DragOverlay>{dragged && <DealCardView card={dragged} idleDays={board.data.idleDays} dragging />}</DragOverlay>
      <LostReasonDialog losing={losing} onClose={() => setLosing(null)} />
    </DndContext>
  );
}
