import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { PresenceBar } from '../live/PresenceBar';
import { CustomerConflictDialog } from './CustomerConflictDialog';
import { CustomerForm } from './CustomerForm';
import { CustomerLoader } from './CustomerLoader';
import { DuplicateAlert } from './DuplicateAlert';
import { customerInputOf, customerValuesOf, type CustomerFormValues } from './form-values';
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
  // The version this edit started from; a save names it, so a colleague's newer save is not overwritten.
  const [base, setBase] = useState(customer);
  const form = useForm(customerValuesOf(customer));
  const update = useMutation(
    trpc.customers.update.mutationOptions({
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
  const theirs = errorDataOf<CustomerDetail & { updatedByName: string | null }>(update.error, 'conflict');

  /** Continue from their version: with my changed fields on top (reapply), or as they left it (discard). */
  const continueFrom = (latest: CustomerDetail, values: CustomerFormValues) => {
    const { updatedByName: _who, ...record } = latest as CustomerDetail & { updatedByName?: unknown };
    queryClient.setQueryData(trpc.customers.get.queryKey({ id: latest.id }), record);
    setBase(record);
    form.reset(values);
    update.reset();
  };

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
          {theirs && (
            <CustomerConflictDialog
              base={base}
              theirs={theirs}
              mine={form.values}
              onReapply={(values, latest) => continueFrom(latest, values)}
              onDiscard={(latest) => continueFrom(latest, customerValuesOf(latest))}
            />
          )}
          <DuplicateAlert matches={matches} />
        </>
      }
    />
  );
}
