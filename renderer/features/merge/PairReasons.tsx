import { Badge, Group } from '@mantine/core';
import { IconAt, IconBuilding, IconDeviceMobile, IconPhone, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PairReason } from './types';

const ICONS: Record<PairReason['reason'], Icon> = {
  mobile: IconDeviceMobile,
  landline: IconPhone,
  email: IconAt,
  name: IconBuilding,
  nameContained: IconBuilding,
};

/** Why a pair was listed, one badge per reason, in words. */
export function PairReasons({ reasons }: { reasons: PairReason[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} data-testid="pair-reasons">
      {reasons.map(({ reason, value }) => {
        const Icon = ICONS[reason];
        return (
          <Badge key={`${reason}:${value}`} variant="light" tt="none" fw={500} leftSection={<Icon size={12} />}>
            {t(`duplicatePairs.reason.${reason}`, { value })}
          </Badge>
        );
      })}
    </Group>
  );
}
