import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/useFormat';
import type { DealDetail } from './types';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

/** When the deal entered each stage, and who moved it: the raw material of sales-cycle figures. */
export function StageHistory({ deal }: { deal: DealDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const label = (id: number | null) => stageLabel(stages.find((s) => s.id === id));
  return (
    <div data-testid="stage-history">
      <Title order={4} size="h6" mb="xs">
        {t('opportunities.history.heading')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2} active={deal.stageChanges.length - 1}>
        {deal.stageChanges.map((change) => (
          <Timeline.Item
            key={change.id}
            title={
              change.fromStageId === null
                ? t('opportunities.history.created', { stage: label(change.toStageId) })
                : t('opportunities.history.moved', { from: label(change.fromStageId), to: label(change.toStageId) })
            }
          >
            <Text size="xs" c="dimmed">
              {format.instant(change.at)} · {change.userName ?? ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </div>
  );
}
