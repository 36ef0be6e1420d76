import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import type { Contact, DuplicateMatch } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { ConflictAlert } from './ConflictAlert';
import { ContactFields } from './ContactFields';
import { DuplicateAlert } from './DuplicateAlert';
import { contactValuesOf, newContactValues } from './form-values';
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
  // The version this edit started from; see CustomerEditPage.
  const [base, setBase] = useState(contact);
  const form = useForm(contact ? contactValuesOf(contact) : newContactValues());
  const mutationHandlers = {
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
  const current = errorDataOf<Contact>(update.error, 'conflict');

  const save = (confirmDuplicates = false) => {
    if (base) update.mutate({ ...form.values, id: base.id, version: base.version });
    else create.mutate({ ...form.values, customerId, confirmDuplicates });
  };
  const reload = (latest: Contact) => {
    setBase(latest);
    form.reset(contactValuesOf(latest));
    update.reset();
    void invalidateCustomers();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack>
        <ContactFields form={form} full />
        {current && <ConflictAlert message={t('conflict.contact')} onReload={() => reload(current)} />}
        {refusedMatches ? (
          <DuplicateAlert matches={refusedMatches} onSaveAnyway={() => save(true)} saving={saving} />
        ) : (
          <DuplicateAlert matches={matches} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-contact">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
