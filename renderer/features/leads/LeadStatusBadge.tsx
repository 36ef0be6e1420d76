import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from './types';

const STATUS_COLORS: Record<LeadStatus, string> = { new: 'blue', contacted: 'cyan', qualified: 'green', unqualified: 'gray', converted: 'violet' };

export function LeadStatusBadge({ status, size }: { status: LeadStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    // Never cut short in a narrow table column.
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} styles={{ label: { overflow: 'visible' } }} data-testid="lead-status">
      {t(`leads.status.${status}`)}
    </Badge>
  );
}
