import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import type { DuplicateMatch } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { CustomerForm } from './CustomerForm';
import { DuplicateAlert } from './DuplicateAlert';
import { customerInputOf, newContactValues, newCustomerValues, primaryContactInputOf } from './form-values';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useInvalidateCustomers } from './useInvalidateCustomers';

export function CustomerNewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const invalidateCustomers = useInvalidateCustomers();
  const user = useCurrentUser();
  const form = useForm(newCustomerValues(user.id));
  const contact = useForm(newContactValues(true), 'primaryContact.');
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: (customer) => {
        void invalidateCustomers();
        notifySuccess(t('customer.created', { name: customer.name }));
        void navigate(`/customers/${customer.id}`);
      },
      onError: (error) => {
        form.setErrors(fieldErrorsOf(error));
        contact.setErrors(fieldErrorsOf(error, 'primaryContact.'));
      },
    }),
  );
  const liveMatches = useDuplicateCheck({
    // Person names are too common to flag; the API matches company names only.
    name: form.values.kind === 'company' ? form.values.name : null,
    mobile: contact.values.mobile,
    landline: contact.values.landline,
    email: contact.values.email,
  });
  const refusedMatches = errorDataOf<DuplicateMatch[]>(create.error, 'duplicate');

  const save = (confirmDuplicates: boolean) =>
    create.mutate({
      ...customerInputOf(form.values),
      primaryContact: primaryContactInputOf(contact.values),
      confirmDuplicates,
    });

  return (
    <CustomerForm
      title={t('customer.new')}
      form={form}
      primaryContact={contact}
      saving={create.isPending}
      onSubmit={() => save(false)}
      cancelTo="/customers"
      alerts={
        refusedMatches ? (
          <DuplicateAlert matches={refusedMatches} onSaveAnyway={() => save(true)} saving={create.isPending} />
        ) : (
          <DuplicateAlert matches={liveMatches} />
        )
      }
    />
  );
}
