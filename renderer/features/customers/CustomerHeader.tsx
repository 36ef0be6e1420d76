import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconTrash, IconUser } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { notifySuccess } from '../../shared/notify';
import { TagList } from '../../shared/TagList';
import { StageBadge } from './StageBadge';
import { useInvalidateCustomers } from './useInvalidateCustomers';

export function CustomerHeader({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const invalidateCustomers = useInvalidateCustomers();
  const [confirming, confirm] = useDisclosure();
  const remove = useMutation(
    trpc.customers.delete.mutationOptions({
      onSuccess: () => {
        void invalidateCustomers();
        notifySuccess(t('customer.deleted', { name: customer.name }));
        void navigate('/customers');
      },
      onSettled: confirm.close,
    }),
  );

  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={2} data-testid="customer-name">
            {customer.name}
          </Title>
          <StageBadge stage={customer.stage} size="lg" />
          {customer.tier && (
            <Badge variant="outline" size="lg">
              {t('customer.tierLabel', { tier: customer.tier })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed" span>
            <IconUser size={14} style={{ verticalAlign: -2 }} /> {customer.ownerName ?? t('customer.noOwner')}
          </Text>
          <TagList tags={customer.tags} />
        </Group>
      </Stack>
      <Group gap="xs">
        <Button
          component={Link}
          to={`/customers/${customer.id}/edit`}
          variant="default"
          leftSection={<IconEdit size={16} />}
          data-testid="edit-customer"
        >
          {t('common.edit')}
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={confirm.open}
          data-testid="delete-customer"
        >
          {t('common.delete')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('customer.deleteTitle')}
        message={t('customer.deleteMessage', { name: customer.name })}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: customer.id })}
        onClose={confirm.close}
      />
    </Group>
  );
}
