import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import type { Board, DealCard } from './types';
import { useInvalidateDeals } from './useInvalidateDeals';
import { useStageLabel, usePipelineStages } from './usePipelineStages';

/** The board with `card` taken out of its column and put on top of `stageId`'s, counts adjusted. */
function withCardMoved(board: Board, card: DealCard, stageId: number): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId === card.stageId) {
        return { ...column, count: column.count - 1, cards: column.cards.filter((c) => c.id !== card.id) };
      }
      if (column.stageId === stageId) {
        return { ...column, count: column.count + 1, cards: [{ ...card, stageId, idle: false }, ...column.cards] };
      }
      return column;
    }),
  };
}

function withCardPatched(board: Board, id: number, patch: Partial<DealCard>): Board {
  return {
    ...board,
    columns: board.columns.map((column) => ({
      ...column,
      cards: column.cards.map((card) => (card.id === id ? { ...card, ...patch } : card)),
    })),
  };
}

/**
 * Moves a deal to another stage. The board shows the card in its new column at once; a refusal (a
 * colleague moved it first, a missing lost reason) puts it back and the error is shown.
 */
export function useMoveDeal(options: { quiet?: boolean } = {}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateDeals = useInvalidateDeals();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const boardFilter = trpc.opportunities.board.pathFilter();
  return useMutation(
    trpc.opportunities.move.mutationOptions({
      meta: { quiet: options.quiet },
      onMutate: async (input) => {
        await queryClient.cancelQueries(boardFilter);
        const before = queryClient.getQueriesData<Board>(boardFilter);
        for (const [key, board] of before) {
          const card = board?.columns.flatMap((c) => c.cards).find((c) => c.id === input.id);
          if (board && card) queryClient.setQueryData<Board>(key, withCardMoved(board, card, input.stageId));
        }
        return { before };
      },
      onError: (_error, _input, context) => {
        for (const [key, board] of context?.before ?? []) queryClient.setQueryData(key, board);
      },
      onSuccess: (deal) => {
        // The card carries the new version at once, so a second drag before the refetch is not stale.
        queryClient.setQueriesData<Board>(boardFilter, (board) => board && withCardPatched(board, deal.id, { version: deal.version }));
        notifySuccess(t('opportunities.moved', { name: deal.name, stage: stageLabel(stages.find((s) => s.id === deal.stageId)) }));
      },
      onSettled: () => invalidateDeals(),
    }),
  );
}
