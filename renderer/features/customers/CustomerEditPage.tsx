import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/app-error';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { ConflictDialog } from '../live/ConflictDialog';
import { PresenceBar } from '../live/PresenceBar';
import { SHOWS_CONFLICT, useVersionedEdit } from '../live/useVersionedEdit';
import { CustomerForm } from './CustomerForm';
import { CustomerLoader } from './CustomerLoader';
import { DuplicateAlert } from './DuplicateAlert';
import { customerInputOf, customerValuesOf } from './form-values';
import { useCustomerFieldText } from './useCustomerFieldText';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useInvalidateCustomers } from './useInvalidateCustomers';

export function CustomerEditPage() {
  return <CustomerLoader>{(customer) => <CustomerEditForm key={customer.id} customer={customer} />}</CustomerLoader>;
}

function CustomerEditForm({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalidateCustomers = useInvalidateCustomers();
  const form = useForm(customerValuesOf(customer));
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      meta: SHOWS_CONFLICT,
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.customers.get.queryKey({ id: saved.id }), saved);
        void invalidateCustomers();
        notifySuccess(t('customer.saved', { name: saved.name }));
        void navigate(`/customers/${saved.id}`);
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );
  const matches = useDuplicateCheck({
    name: form.values.kind === 'company' ? form.values.name : null,
    excludeCustomerId: customer.id,
  });
  const { base, conflict } = useVersionedEdit({
    record: customer,
    form,
    valuesOf: customerValuesOf,
    update,
    onLatest: (latest) => queryClient.setQueryData(trpc.customers.get.queryKey({ id: latest.id }), latest),
  });
  const fieldText = useCustomerFieldText();

  return (
    <CustomerForm
      title={t('customer.edit', { name: base.name })}
      form={form}
      saving={update.isPending}
      onSubmit={() => update.mutate({ ...customerInputOf(form.values), id: base.id, version: base.version })}
      cancelTo={`/customers/${customer.id}`}
      alerts={
        <>
          <PresenceBar customerId={customer.id} editing />
          {conflict && <ConflictDialog subject="customer" {...fieldText} {...conflict} />}
          <DuplicateAlert matches={matches} />
        </>
      }
    />
  );
}
