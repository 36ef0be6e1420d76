import { Badge, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { TagList } from '../../shared/TagList';
import { useFormat } from '../../shared/useFormat';
import { CUSTOMER_FIELD_LABELS } from '../customers/customer-values';
import { FIELD_VALUES, MERGE_FIELDS, type Picks, type Side } from './merge-choices';
import type { MergeField } from './types';

const SIDES: Side[] = ['a', 'b'];

const FIELD_LABELS = CUSTOMER_FIELD_LABELS satisfies Record<MergeField, string>;

function useShownValue() {
  const { t } = useTranslation();
  const format = useFormat();
  return (field: MergeField, c: CustomerDetail): string | null => {
    switch (field) {
      case 'kind':
        return t(`kind.${c.kind}`);
      case 'stage':
        return t(`stage.${c.stage}`);
      case 'source':
        return c.source && t(`source.${c.source}`);
      case 'ownerId':
        return c.ownerName;
      case 'nextFollowUpOn':
        return format.calendarDate(c.nextFollowUpOn);
      default:
        return FIELD_VALUES[field](c) as string | null;
    }
  };
}

function ContactLines({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  if (customer.contacts.length === 0) return <Text size="sm" c="dimmed">{t('merge.noContacts')}</Text>;
  return (
    <Stack gap={2}>
      {customer.contacts.map((k) => (
        <Text size="sm" key={k.id}>
          {[k.name, k.mobile, k.landline, k.email].filter(Boolean).join(' · ')}
        </Text>
      ))}
    </Stack>
  );
}

interface MergeComparisonProps {
  records: Record<Side, CustomerDetail>;
  survivor: Side;
  picks: Picks;
  onSurvivor: (side: Side) => void;
  onPick: (field: MergeField, side: Side) => void;
}

/** Side by side: which record is kept, and for each field whose value wins. */
export function MergeComparison({ records, survivor, picks, onSurvivor, onPick }: MergeComparisonProps) {
  const { t } = useTranslation();
  const shown = useShownValue();
  const chosenStyle = { background: 'var(--mantine-primary-color-light)' };
  const note = (key: 'merge.tagsNote' | 'merge.contactsNote') => (
    <Text size="xs" c="dimmed">
      {t(key)}
    </Text>
  );
  const row = (label: string, cells: (side: Side) => ReactNode, extra?: ReactNode, chosen?: (side: Side) => boolean) => (
    <Table.Tr key={label}>
      <Table.Th w={160} style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {extra}
      </Table.Th>
      {SIDES.map((side) => (
        <Table.Td key={side} w="42%" style={{ verticalAlign: 'top', ...(chosen?.(side) ? chosenStyle : {}) }}>
          {cells(side)}
        </Table.Td>
      ))}
    </Table.Tr>
  );

  return (
    <Table withTableBorder withColumnBorders verticalSpacing="sm" data-testid="merge-comparison">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('merge.field')}</Table.Th>
          {SIDES.map((side) => (
            <Table.Th key={side} style={side === survivor ? chosenStyle : undefined}>
              <Stack gap={6}>
                <Text fw={700}>{records[side].name}</Text>
                <Group gap="xs">
                  <Radio
                    checked={side === survivor}
                    onChange={() => onSurvivor(side)}
                    label={t('merge.keep')}
                    data-testid={`keep-${side}`}
                  />
                  <Badge variant={side === survivor ? 'filled' : 'light'} color={side === survivor ? 'blue' : 'gray'} tt="none">
                    {side === survivor ? t('merge.kept') : t('merge.mergedAway')}
                  </Badge>
                </Group>
              </Stack>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {MERGE_FIELDS.map((field) => {
          const same = FIELD_VALUES[field](records.a) === FIELD_VALUES[field](records.b);
          return row(t(FIELD_LABELS[field]), (side) => {
            const value = shown(field, records[side]) || t('merge.empty');
            if (same) return <Text size="sm">{value}</Text>;
            return (
              <Radio
                checked={picks[field] === side}
                onChange={() => onPick(field, side)}
                label={<Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>}
                data-testid={`pick-${field}-${side}`}
              />
            );
          }, undefined, (side) => !same && picks[field] === side);
        })}
        {row(t('merge.tags'), (side) => <Group gap={4}><TagList tags={records[side].tags} /></Group>, note('merge.tagsNote'))}
        {row(t('merge.contacts'), (side) => <ContactLines customer={records[side]} />, note('merge.contactsNote'))}
      </Table.Tbody>
    </Table>
  );
}
