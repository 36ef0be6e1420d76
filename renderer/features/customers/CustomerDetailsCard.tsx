import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { useFormat } from '../../shared/useFormat';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

export function CustomerDetailsCard({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('customer.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="customer-details">
          <Detail label={t('customer.kind')}>{t(`kind.${c.kind}`)}</Detail>
          <Detail label={t('customer.industry')}>{c.industry}</Detail>
          <Detail label={t('customer.source')}>{c.source && t(`source.${c.source}`)}</Detail>
          <Detail label={t('customer.tier')}>{c.tier}</Detail>
          <Detail label={t('customer.province')}>{c.province}</Detail>
          <Detail label={t('customer.city')}>{c.city}</Detail>
          <Detail label={t('customer.address')}>{c.address}</Detail>
          <Detail label={t('customer.owner')}>{c.ownerName}</Detail>
          <Detail label={t('customer.nextFollowUpOn')}>{format.calendarDate(c.nextFollowUpOn)}</Detail>
          <Detail label={t('customer.lastContactedAt')}>{format.instant(c.lastContactedAt)}</Detail>
          <Detail label={t('customer.createdAt')}>{format.instant(c.createdAt)}</Detail>
          <Detail label={t('customer.updatedAt')}>{format.instant(c.updatedAt)}</Detail>
        </SimpleGrid>
        <Detail label={t('customer.notes')}>
          {c.notes && (
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          )}
        </Detail>
      </Stack>
    </Card>
  );
}
