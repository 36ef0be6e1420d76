import { ActionIcon, Button, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/useFormat';
import { ContactFormModal } from './ContactFormModal';
import { useInvalidateCustomers } from './useInvalidateCustomers';

/** Which contact the dialog edits: 'new' adds one. */
type Editing = Contact | 'new' | null;

export function ContactsCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const invalidateCustomers = useInvalidateCustomers();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const remove = useMutation(
    trpc.contacts.delete.mutationOptions({
      onSuccess: () => {
        void invalidateCustomers();
        notifySuccess(t('contact.deleted', { name: deleting?.name ?? '' }));
      },
      onSettled: () => setDeleting(null),
    }),
  );

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('contact.heading')}
        </Title>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing('new')}
          data-testid="add-contact"
        >
          {t('contact.add')}
        </Button>
      </Group>
      {customer.contacts.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('contact.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contact.name')}</Table.Th>
                <Table.Th>{t('contact.title')}</Table.Th>
                <Table.Th>{t('contact.mobile')}</Table.Th>
                <Table.Th>{t('contact.landline')}</Table.Th>
                <Table.Th>{t('contact.email')}</Table.Th>
                <Table.Th>{t('contact.wechatId')}</Table.Th>
                <Table.Th>{t('contact.birthday')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.contacts.map((contact) => (
                <Table.Tr key={contact.id} data-testid="contact-row">
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {contact.name}
                      {contact.isPrimary && (
                        <Tooltip label={t('contact.isPrimary')}>
                          <IconStarFilled
                            size={14}
                            color="var(--mantine-color-yellow-5)"
                            aria-label={t('contact.isPrimary')}
                          />
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{contact.title}</Table.Td>
                  <Table.Td>{contact.mobile}</Table.Td>
                  <Table.Td>{contact.landline}</Table.Td>
                  <Table.Td>{contact.email}</Table.Td>
                  <Table.Td>{contact.wechatId}</Table.Td>
                  <Table.Td>{format.calendarDate(contact.birthday)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('common.edit')}
                        onClick={() => setEditing(contact)}
                        data-testid="edit-contact"
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => setDeleting(contact)}
                        data-testid="delete-contact"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactFormModal customerId={customer.id} editing={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('contact.deleteTitle')}
        message={t('contact.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}
