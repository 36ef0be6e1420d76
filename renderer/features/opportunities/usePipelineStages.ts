import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import type { PipelineStage } from './types';

/** Every pipeline stage (archived ones too: old deals and history name them). */
export function usePipelineStages(): PipelineStage[] {
  const trpc = useTRPC();
  return useQuery(trpc.pipeline.stages.queryOptions()).data ?? [];
}

/** A stage's name: the user's own text, or the default stage's translation in the user's language. */
export function useStageLabel() {
  const { t } = useTranslation();
  return useCallback(
    (stage: Pick<PipelineStage, 'labelKey' | 'name'> | undefined) =>
      stage ? (stage.name ?? t(`opportunities.stage.${stage.labelKey as 'won'}`, { defaultValue: stage.labelKey ?? '' })) : '',
    [t],
  );
}
