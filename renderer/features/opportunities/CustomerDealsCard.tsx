import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { useFormat } from '../../shared/useFormat';
import { DealFormModal, type DealEditing } from './DealFormModal';
import { useMoney } from './useMoney';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

/** The customer page's deals: each with its stage and amount, and a button for a new one. */
export function CustomerDealsCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const format = useFormat();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const [editing, setEditing] = useState<DealEditing>(null);
  const deals = useQuery(trpc.opportunities.list.queryOptions({ customerId: customer.id, sort: 'updatedAt', limit: 100 }));
  const items = deals.data?.items ?? [];
  const open = items.filter((d) => d.closedAt === null).length;

  return (
    <Card withBorder padding="lg" data-testid="customer-deals">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h4">
            {t('opportunities.customerCard.heading')}
          </Title>
          {open > 0 && (
            <Badge variant="light">{t('opportunities.customerCard.openCount', { count: open })}</Badge>
          )}
        </Group>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing({ customerId: customer.id, customerName: customer.name })}
          data-testid="add-deal"
        >
          {t('opportunities.new')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('opportunities.customerCard.none')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Tbody>
            {items.map((deal) => (
              <Table.Tr key={deal.id} style={{ cursor: 'pointer' }} onClick={() => setEditing({ dealId: deal.id })} data-testid="customer-deal-row">
                <Table.Td fw={500}>{deal.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={deal.closedAt ? 'gray' : 'blue'}>
                    {stageLabel(stages.find((s) => s.id === deal.stageId))}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{money.format(deal.amountMinor, deal.currency)}</Table.Td>
                <Table.Td c="dimmed">{format.calendarDate(deal.expectedCloseOn)}</Table.Td>
                <Table.Td c="dimmed">{deal.ownerName ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DealFormModal editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
