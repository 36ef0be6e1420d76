import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrashX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/useFormat';
import type { TrashItem } from './trash-types';

interface TrashTableProps {
  items: TrashItem[];
  /** The entry being restored, if any. */
  restoring: { kind: string; id: number } | undefined;
  onRestore: (item: TrashItem) => void;
  /** Absent for users who may not purge. */
  onPurge?: ((item: TrashItem) => void) | undefined;
}

/** What an entry is: a customer with the contacts that come back with it, or a contact of a customer. */
function Subject({ item }: { item: TrashItem }) {
  const { t } = useTranslation();
  if (item.kind === 'customer') {
    return (
      <>
        <Text size="sm" fw={500}>
          {item.name}
        </Text>
        {item.contacts > 0 && (
          <Text size="xs" c="dimmed">
            {t('trash.withContacts', { count: item.contacts })}
          </Text>
        )}
      </>
    );
  }
  return (
    <>
      <Text size="sm" fw={500}>
        {item.name}
      </Text>
      <Text size="xs" c="dimmed">
        {item.customerDeleted ? (
          `${t('trash.ofCustomer', { name: item.customerName })} · ${t('trash.customerInTrash')}`
        ) : (
          <Anchor component={Link} to={`/customers/${item.customerId}`} size="xs">
            {t('trash.ofCustomer', { name: item.customerName })}
          </Anchor>
        )}
      </Text>
    </>
  );
}

export function TrashTable({ items, restoring, onRestore, onPurge }: TrashTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="trash-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('trash.name')}</Table.Th>
            <Table.Th>{t('trash.deletedBy')}</Table.Th>
            <Table.Th>{t('trash.deletedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.kind}-${item.id}`} data-testid="trash-row">
              <Table.Td>
                <Badge variant="light" color={item.kind === 'customer' ? 'blue' : 'grape'} tt="none">
                  {t(`trash.kind.${item.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Subject item={item} />
              </Table.Td>
              <Table.Td>{item.deletedByName}</Table.Td>
              <Table.Td>{format.instant(item.deletedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} />}
                    disabled={item.customerDeleted}
                    loading={restoring?.kind === item.kind && restoring.id === item.id}
                    onClick={() => onRestore(item)}
                    data-testid="restore"
                  >
                    {t('trash.restore')}
                  </Button>
                  {onPurge && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrashX size={14} />}
                      onClick={() => onPurge(item)}
                      data-testid="purge"
                    >
                      {t('trash.purge')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
