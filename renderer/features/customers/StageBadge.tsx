import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerStage } from '../../api/types';
import { STAGE_COLORS } from './customer-values';

export function StageBadge({ stage, size = 'sm' }: { stage: CustomerStage; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" size={size}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
