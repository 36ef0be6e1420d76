import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { LabeledValue } from '../../shared/LabeledValue';
import { useFormat } from '../../shared/useFormat';

export function CustomerDetailsCard({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('customer.details')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="customer-details">
          <LabeledValue label={t('customer.kind')}>{t(`kind.${c.kind}`)}</LabeledValue>
          <LabeledValue label={t('customer.industry')}>{c.industry}</LabeledValue>
          <LabeledValue label={t('customer.source')}>{c.source && t(`source.${c.source}`)}</LabeledValue>
          <LabeledValue label={t('customer.tier')}>{c.tier}</LabeledValue>
          <LabeledValue label={t('customer.province')}>{c.province}</LabeledValue>
          <LabeledValue label={t('customer.city')}>{c.city}</LabeledValue>
          <LabeledValue label={t('customer.address')}>{c.address}</LabeledValue>
          <LabeledValue label={t('customer.owner')}>{c.ownerName}</LabeledValue>
          <LabeledValue label={t('customer.nextFollowUpOn')}>{format.calendarDate(c.nextFollowUpOn)}</LabeledValue>
          <LabeledValue label={t('customer.lastContactedAt')}>{format.instant(c.lastContactedAt)}</LabeledValue>
          <LabeledValue label={t('customer.createdAt')}>{format.instant(c.createdAt)}</LabeledValue>
          <LabeledValue label={t('customer.updatedAt')}>{format.instant(c.updatedAt)}</LabeledValue>
        </SimpleGrid>
        <LabeledValue label={t('customer.notes')}>
          {c.notes && (
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          )}
        </LabeledValue>
      </Stack>
    </Card>
  );
}
