import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowsJoin, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StageBadge } from '../customers/StageBadge';
import { PairReasons } from './PairReasons';
import type { DuplicatePair, PairCustomer } from './types';

function CustomerSummary({ customer: c }: { customer: PairCustomer }) {
  const { t } = useTranslation();
  const place = [c.province, c.city].filter((p, i, all) => p && all.indexOf(p) === i).join(' ');
  return (
    <Stack gap={2} flex={1} miw={0}>
      <Group gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/customers/${c.id}`} fw={600} truncate>
          {c.name}
        </Anchor>
        <StageBadge stage={c.stage} />
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {[t(`kind.${c.kind}`), place, c.ownerName ? t('duplicatePairs.owner', { name: c.ownerName }) : t('duplicatePairs.noOwner')]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

export function DuplicatePairCard({ pair, onDismiss, dismissing }: { pair: DuplicatePair; onDismiss: () => void; dismissing: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="duplicate-pair">
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <CustomerSummary customer={pair.a} />
          <CustomerSummary customer={pair.b} />
        </Group>
        <Group justify="space-between" gap="sm">
          <PairReasons reasons={pair.reasons} />
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} />}
              loading={dismissing}
              onClick={onDismiss}
              data-testid="dismiss-pair"
            >
              {t('duplicatePairs.dismiss')}
            </Button>
            <Button
              size="xs"
              component={Link}
              to={`/duplicates/merge/${pair.a.id}/${pair.b.id}`}
              leftSection={<IconArrowsJoin size={14} />}
              data-testid="compare-pair"
            >
              {t('duplicatePairs.compare')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
