import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { RecordLoader, useAddressId } from '../../shared/RecordLoader';

/** Loads the customer named in the address (:id) and renders it, or says why it cannot. */
export function CustomerLoader({ children }: { children: (customer: CustomerDetail) => ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { id, valid } = useAddressId();
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id }), enabled: valid, meta: { quiet: true } });
  return (
    <RecordLoader
      query={customer}
      valid={valid}
      texts={{ notFound: t('customer.notFound'), hint: t('customer.notFoundHint'), back: t('customer.backToList') }}
      backTo="/customers"
      testId="customer"
    >
      {children}
    </RecordLoader>
  );
}
