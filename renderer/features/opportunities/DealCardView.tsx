import { Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/useFormat';
import type { DealCard } from './types';
import { useMoney } from './useMoney';

interface DealCardViewProps {
  card: DealCard;
  idleDays: number;
  dragging?: boolean;
}

/** One deal on the board: name, customer, amount, owner, expected close, and an idle flag. */
export function DealCardView({ card, idleDays, dragging = false }: DealCardViewProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <Card
      withBorder
      padding="xs"
      radius="md"
      shadow={dragging ? 'lg' : 'xs'}
      style={{ cursor: dragging ? 'grabbing' : 'grab', borderLeft: card.idle ? '3px solid var(--mantine-color-orange-6)' : undefined }}
      data-testid="deal-card"
      data-deal-id={card.id}
      data-idle={card.idle}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="sm" fw={600} truncate="end">
            {card.name}
          </Text>
          {card.idle && (
            <Tooltip label={t('opportunities.card.idleHint', { days: idleDays })} withArrow>
              <Badge size="xs" color="orange" variant="light" leftSection={<IconClockPause size={10} />} data-testid="deal-idle">
                {t('opportunities.card.idle')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          {card.customerName}
        </Text>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="sm" fw={500}>
            {money.format(card.amountMinor, card.currency)}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {card.ownerName ?? ''}
          </Text>
        </Group>
        {card.expectedCloseOn && (
          <Text size="xs" c="dimmed">
            {t('opportunities.card.closes', { date: format.calendarDate(card.expectedCloseOn) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
