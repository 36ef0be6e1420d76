import { Modal, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { ModalEditForm } from '../live/ModalEditForm';
import { useVersionedEdit } from '../live/useVersionedEdit';
import { LEAD_FIELD_LABELS, leadInputOf, leadName, leadValuesOf, newLeadValues, TEXT_FIELDS, type LeadFormValues } from './lead-form-values';
import { EDITABLE_STATUSES, type Lead } from './types';
import { useInvalidateLeads } from './useInvalidateLeads';
import { useLeadSources } from './useLeadSources';

/** A new lead (editing === 'new') or an existing one. */
export function LeadFormModal({ editing, onClose }: { editing: Lead | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={editing !== null} onClose={onClose} title={t(editing === 'new' ? 'leads.new' : 'leads.edit')} size="lg">
      {editing !== null && <LeadForm key={editing === 'new' ? 'new' : editing.id} lead={editing === 'new' ? undefined : editing} onDone={onClose} />}
    </Modal>
  );
}

function LeadForm({ lead, onDone }: { lead?: Lead; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sources = useLeadSources();
  const invalidate = useInvalidateLeads();
  const form = useForm<LeadFormValues>(lead ? leadValuesOf(lead) : newLeadValues(), 'fields.');
  const { values, set, error } = form;
  const handlers = {
    meta: { quiet: true },
    onSuccess: (saved: Lead) => {
      void invalidate();
      notifySuccess(t(lead ? 'leads.saved' : 'leads.created', { name: leadName(saved) }));
      onDone();
    },
    onError: (e: unknown) => form.setErrors({ ...fieldErrorsOf(e, 'fields.'), ...fieldErrorsOf(e) }),
  };
  const create = useMutation(trpc.leads.create.mutationOptions(handlers));
  const update = useMutation(trpc.leads.update.mutationOptions(handlers));
  const { base, conflict } = useVersionedEdit({ record: lead, form, valuesOf: leadValuesOf, update });
  const save = () => {
    const fields = leadInputOf(values);
    if (base) update.mutate({ id: base.id, version: base.version, fields });
    else create.mutate({ fields });
  };

  return (
    <ModalEditForm
      onSubmit={save}
      onCancel={onDone}
      saving={create.isPending || update.isPending}
      saveTestId="lead-save"
      conflict={conflict}
      subject="lead"
      labels={LEAD_FIELD_LABELS}
      formats={{ source: sources.label, status: (status) => t(`leads.status.${status}`) }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {TEXT_FIELDS.map((key) => (
          <TextInput key={key} label={t(`leads.field.${key}`)} {...form.text(key)} data-testid={`lead-${key}`} />
        ))}
        <Select
          label={t('leads.field.source')}
          data={sources.options}
          clearable
          value={values.source}
          onChange={(v) => set('source', v)}
          error={error('source')}
          data-testid="lead-source"
        />
        <Select
          label={t('leads.field.status')}
          data={EDITABLE_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
          allowDeselect={false}
          value={values.status}
          onChange={(v) => v && set('status', v as LeadFormValues['status'])}
          error={error('status')}
        />
        <NumberInput label={t('leads.field.score')} min={0} max={100} value={values.score} onChange={(v) => set('score', Number(v) || 0)} error={error('score')} />
      </SimpleGrid>
      <Textarea label={t('leads.field.notes')} autosize minRows={2} {...form.text('notes')} />
    </ModalEditForm>
  );
}
