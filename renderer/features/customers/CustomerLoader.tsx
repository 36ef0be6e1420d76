import { Button, Center, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasErrorCode } from '../../api/app-error';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { errorMessage } from '../../shared/notify';

/** Loads the customer named in the address (:id) and renders it, or says why it cannot. */
export function CustomerLoader({ children }: { children: (customer: CustomerDetail) => ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id }), enabled: valid, meta: { quiet: true } });

  if (valid && customer.isPending) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  if (customer.isSuccess) return children(customer.data);
  const notFound = !valid || hasErrorCode(customer.error, 'not_found');
  return (
    <Center h={300} data-testid={notFound ? 'customer-not-found' : 'customer-error'}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconUserQuestion size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {notFound ? t('customer.notFound') : errorMessage(customer.error)}
        </Text>
        {notFound && (
          <Text c="dimmed" size="sm">
            {t('customer.notFoundHint')}
          </Text>
        )}
        <Button component={Link} to="/customers" variant="default">
          {t('customer.backToList')}
        </Button>
      </Stack>
    </Center>
  );
}
