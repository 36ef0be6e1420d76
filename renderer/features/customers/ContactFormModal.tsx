import { Modal } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import type { Contact, DuplicateMatch } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { ModalEditForm } from '../live/ModalEditForm';
import { SHOWS_CONFLICT, useVersionedEdit } from '../live/useVersionedEdit';
import { ContactFields } from './ContactFields';
import { DuplicateAlert } from './DuplicateAlert';
import { CONTACT_FIELD_LABELS, contactValuesOf, newContactValues } from './form-values';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useInvalidateCustomers } from './useInvalidateCustomers';

interface ContactFormModalProps {
  customerId: number;
  /** The contact to edit, 'new' to add one, null when closed. */
  editing: Contact | 'new' | null;
  onClose: () => void;
}

export function ContactFormModal({ customerId, editing, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const contact = editing === 'new' ? null : editing;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={t(contact ? 'contact.edit' : 'contact.add')} size="lg">
      {editing !== null && (
        <ContactForm key={contact?.id ?? 'new'} customerId={customerId} contact={contact} onDone={onClose} />
      )}
    </Modal>
  );
}

function ContactForm({ customerId, contact, onDone }: { customerId: number; contact: Contact | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidateCustomers = useInvalidateCustomers();
  const form = useForm(contact ? contactValuesOf(contact) : newContactValues());
  const mutationHandlers = {
    meta: SHOWS_CONFLICT,
    onSuccess: (saved: Contact) => {
      void invalidateCustomers();
      notifySuccess(t('contact.saved', { name: saved.name }));
      onDone();
    },
    onError: (error: unknown) => form.setErrors(fieldErrorsOf(error)),
  };
  const create = useMutation(trpc.contacts.create.mutationOptions(mutationHandlers));
  const update = useMutation(trpc.contacts.update.mutationOptions(mutationHandlers));
  const saving = create.isPending || update.isPending;
  const matches = useDuplicateCheck({
    mobile: form.values.mobile,
    landline: form.values.landline,
    email: form.values.email,
    excludeContactId: contact?.id,
  });
  const refusedMatches = errorDataOf<DuplicateMatch[]>(create.error, 'duplicate');
  const { base, conflict } = useVersionedEdit({ record: contact, form, valuesOf: contactValuesOf, update, onLatest: () => void invalidateCustomers() });

  const save = (confirmDuplicates = false) => {
    if (base) update.mutate({ ...form.values, id: base.id, version: base.version });
    else create.mutate({ ...form.values, customerId, confirmDuplicates });
  };

  return (
    <ModalEditForm
      onSubmit={save}
      onCancel={onDone}
      saving={saving}
      saveTestId="save-contact"
      conflict={conflict}
      subject="contact"
      labels={CONTACT_FIELD_LABELS}
      formats={{ gender: (gender) => t(`gender.${gender}`) }}
    >
      <ContactFields form={form} full />
      {refusedMatches ? (
        <DuplicateAlert matches={refusedMatches} onSaveAnyway={() => save(true)} saving={saving} />
      ) : (
        <DuplicateAlert matches={matches} />
      )}
    </ModalEditForm>
  );
}
