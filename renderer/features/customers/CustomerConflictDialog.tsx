import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { compareEdits } from '../live/edit-merge';
import { customerValuesOf, type CustomerFormValues } from './form-values';
import { useOwnerOptions } from './useOwnerOptions';

interface Props {
  /** The version my edit started from, the one a colleague saved since, and my form. */
  base: CustomerDetail;
  theirs: CustomerDetail & { updatedByName: string | null };
  mine: CustomerFormValues;
  onReapply(values: CustomerFormValues, theirs: CustomerDetail): void;
  onDiscard(theirs: CustomerDetail): void;
}

// Form keys whose label key differs from the key itself.
const LABEL_KEY: Partial<Record<keyof CustomerFormValues, string>> = { ownerId: 'owner' };

/** A colleague saved this customer first: shows their change beside mine, and lets me reapply mine on top. */
export function CustomerConflictDialog({ base, theirs, mine, onReapply, onDiscard }: Props) {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const { changes, reapplied } = compareEdits(customerValuesOf(base), customerValuesOf(theirs), mine);

  const shown = (key: keyof CustomerFormValues, value: unknown): string => {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    if (key === 'ownerId') return owners.find((o) => o.value === value)?.label ?? String(value);
    if (key === 'stage' || key === 'kind' || key === 'source') return t(`${key}.${String(value)}` as 'stage.prospect');
    return Array.isArray(value) ? value.join('、') : String(value);
  };

  return (
    <Modal opened onClose={() => onDiscard(theirs)} title={t('conflict.title')} size="lg" data-testid="conflict-dialog">
      <Text size="sm" mb="sm">
        {t('conflict.explain', { name: theirs.updatedByName ?? t('conflict.someone') })}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('conflict.field')}</Table.Th>
            <Table.Th>{t('conflict.theirs')}</Table.Th>
            <Table.Th>{t('conflict.mine')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.key} data-testid={`conflict-field-${change.key}`}>
              <Table.Td>
                {t(`customer.${LABEL_KEY[change.key] ?? change.key}` as 'customer.name')}
                {change.clash && (
                  <Badge ml="xs" size="xs" color="red" variant="light">
                    {t('conflict.both')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{shown(change.key, change.theirs)}</Table.Td>
              <Table.Td c={change.changedByMe ? undefined : 'dimmed'}>{change.changedByMe ? shown(change.key, change.mine) : t('conflict.unchanged')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => onDiscard(theirs)} data-testid="conflict-discard">
          {t('conflict.discard')}
        </Button>
        <Button onClick={() => onReapply(reapplied, theirs)} data-testid="conflict-reapply">
          {t('conflict.reapply')}
        </Button>
      </Group>
    </Modal>
  );
}
