import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasErrorCode } from '../../api/app-error';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { RecordMissing } from '../../shared/RecordMissing';

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
  return (
    <RecordMissing
      notFound={!valid || hasErrorCode(customer.error, 'not_found')}
      error={customer.error}
      texts={{ notFound: t('customer.notFound'), hint: t('customer.notFoundHint'), back: t('customer.backToList') }}
      backTo="/customers"
      testId="customer"
    />
  );
}
