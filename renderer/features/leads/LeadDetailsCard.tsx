import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabeledValue } from '../../shared/LabeledValue';
import { useFormat } from '../../shared/useFormat';
import type { Lead } from './types';
import { useLeadSources } from './useLeadSources';

export function LeadDetailsCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sources = useLeadSources();
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('leads.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="lead-details">
          <LabeledValue label={t('leads.field.companyName')}>{lead.companyName}</LabeledValue>
          <LabeledValue label={t('leads.field.personName')}>{lead.personName}</LabeledValue>
          <LabeledValue label={t('leads.field.title')}>{lead.title}</LabeledValue>
          <LabeledValue label={t('leads.field.source')}>{lead.source && sources.label(lead.source)}</LabeledValue>
          <LabeledValue label={t('leads.field.mobile')}>{lead.mobile}</LabeledValue>
          <LabeledValue label={t('leads.field.landline')}>{lead.landline}</LabeledValue>
          <LabeledValue label={t('leads.field.email')}>{lead.email}</LabeledValue>
          <LabeledValue label={t('leads.field.wechatId')}>{lead.wechatId}</LabeledValue>
          <LabeledValue label={t('leads.field.province')}>{lead.province}</LabeledValue>
          <LabeledValue label={t('leads.field.city')}>{lead.city}</LabeledValue>
          <LabeledValue label={t('leads.field.createdAt')}>{format.instant(lead.createdAt)}</LabeledValue>
          <LabeledValue label={t('leads.field.updatedAt')}>{format.instant(lead.updatedAt)}</LabeledValue>
        </SimpleGrid>
        <LabeledValue label={t('leads.field.notes')}>
          {lead.notes && (
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {lead.notes}
            </Text>
          )}
        </LabeledValue>
      </Stack>
    </Card>
  );
}
