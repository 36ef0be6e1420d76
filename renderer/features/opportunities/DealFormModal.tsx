import { Button, Center, Group, Loader, Modal, NumberInput, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { notifySuccess } from '../../shared/notify';
import { labelOf } from '../../shared/options';
import { useForm } from '../../shared/useForm';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { CustomerName } from '../customers/CustomerName';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { ModalEditForm } from '../live/ModalEditForm';
import { useVersionedEdit } from '../live/useVersionedEdit';
import { CustomerPicker } from './CustomerPicker';
import { DEAL_FIELD_LABELS, dealInputOf, dealValuesOf, formErrorsOf, newDealValues, type DealFormValues } from './deal-form-values';
import { CURRENCIES } from './deal-values';
import { StageHistory } from './StageHistory';
import type { DealDetail } from './types';
import { useInvalidateDeals } from './useInvalidateDeals';
import { minorDigits } from './useMoney';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

/** What the dialog edits: an existing deal by id, or a new one (optionally for a given customer). */
export type DealEditing = { dealId: number } | { customerId?: number; customerName?: string } | null;

export function DealFormModal({ editing, onClose }: { editing: DealEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const isEdit = editing !== null && 'dealId' in editing;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={t(isEdit ? 'opportunities.edit' : 'opportunities.new')} size="xl">
      {editing !== null &&
        ('dealId' in editing ? (
          <EditDeal key={editing.dealId} dealId={editing.dealId} onDone={onClose} />
        ) : (
          <DealForm customerId={editing.customerId} customerName={editing.customerName} onDone={onClose} />
        ))}
    </Modal>
  );
}

function EditDeal({ dealId, onDone }: { dealId: number; onDone: () => void }) {
  const trpc = useTRPC();
  const deal = useQuery(trpc.opportunities.get.queryOptions({ id: dealId }));
  if (!deal.data) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  return <DealForm deal={deal.data} onDone={onDone} />;
}

interface DealFormProps {
  deal?: DealDetail;
  customerId?: number;
  customerName?: string;
  onDone: () => void;
}

function DealForm({ deal, customerId, customerName, onDone }: DealFormProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const owners = useOwnerOptions();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const invalidateDeals = useInvalidateDeals();
  const form = useForm<DealFormValues>(deal ? dealValuesOf(deal) : newDealValues({ customerId, ownerId: user.id }));
  const { values, set, error } = form;
  const [confirming, confirm] = useDisclosure();
  const contacts = useQuery({
    ...trpc.customers.get.queryOptions({ id: Number(values.customerId) }),
    enabled: values.customerId !== null,
    meta: { quiet: true },
  });
  const handlers = {
    meta: { quiet: true },
    onSuccess: (saved: DealDetail) => {
      void invalidateDeals();
      notifySuccess(t(deal ? 'opportunities.saved' : 'opportunities.created', { name: saved.name }));
      onDone();
    },
    onError: (e: unknown) => form.setErrors(formErrorsOf(fieldErrorsOf(e))),
  };
  const create = useMutation(trpc.opportunities.create.mutationOptions(handlers));
  const update = useMutation(trpc.opportunities.update.mutationOptions(handlers));
  const remove = useMutation(
    trpc.opportunities.delete.mutationOptions({
      onSuccess: () => {
        void invalidateDeals();
        notifySuccess(t('opportunities.deleted', { name: deal?.name ?? '' }));
        onDone();
      },
    }),
  );
  const { base, conflict } = useVersionedEdit({ record: deal, form, valuesOf: dealValuesOf, update });
  const contactOptions = (contacts.data?.contacts ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  const selectedStage = stages.find((s) => String(s.id) === values.stageId);
  const activeStages = stages.filter((s) => !s.archived || String(s.id) === values.stageId);

  const save = () => {
    const input = dealInputOf(values);
    const stageId = values.stageId === null ? undefined : Number(values.stageId);
    if (base) update.mutate({ ...input, id: base.id, version: base.version, stageId: stageId ?? base.stageId });
    else create.mutate({ ...input, stageId });
  };

  return (
    <ModalEditForm
      onSubmit={save}
      onCancel={onDone}
      saving={create.isPending || update.isPending}
      saveTestId="save-deal"
      conflict={conflict}
      subject="deal"
      labels={DEAL_FIELD_LABELS}
      formats={{
        customerId: (id) => <CustomerName id={id} />,
        contactId: (id) => labelOf(contactOptions, id),
        amount: (amount) => Number(amount).toLocaleString(i18n.language),
        stageId: (id) => stageLabel(stages.find((s) => String(s.id) === id)),
        ownerId: (id) => labelOf(owners, id),
      }}
      actions={
        base && (
          <Button variant="subtle" color="red" onClick={confirm.open} data-testid="delete-deal">
            {t('common.delete')}
          </Button>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CustomerPicker
          value={values.customerId}
          initialLabel={deal?.customerName ?? customerName}
          onChange={(id) => {
            set('customerId', id);
            set('contactId', null);
          }}
          error={error('customerId')}
        />
        <Select
          label={t('opportunities.field.contact')}
          name={form.nameOf('contactId')}
          data={contactOptions}
          clearable
          value={values.contactId}
          onChange={(id) => set('contactId', id)}
          error={error('contactId')}
        />
        <TextInput label={t('opportunities.field.name')} required {...form.text('name')} data-testid="deal-name" />
        <Group grow align="flex-start" gap="xs">
          <NumberInput
            label={t('opportunities.field.amount')}
            required
            name="amount"
            min={0}
            thousandSeparator=","
            decimalScale={minorDigits(values.currency)}
            value={values.amount}
            onChange={(amount) => set('amount', amount)}
            error={error('amount')}
            data-testid="deal-amount"
          />
          <Select
            label={t('opportunities.field.currency')}
            name="currency"
            data={CURRENCIES}
            allowDeselect={false}
            value={values.currency}
            onChange={(currency) => currency && set('currency', currency as DealFormValues['currency'])}
            error={error('currency')}
            maw={110}
          />
        </Group>
        <Select
          label={t('opportunities.field.stage')}
          name="stageId"
          data={activeStages.map((s) => ({ value: String(s.id), label: stageLabel(s) }))}
          placeholder={stageLabel(stages.find((s) => s.outcome === 'open' && !s.archived))}
          value={values.stageId}
          onChange={(id) => set('stageId', id)}
          error={error('stageId')}
          data-testid="deal-stage"
        />
        <DateInput
          label={t('opportunities.field.expectedCloseOn')}
          name="expectedCloseOn"
          valueFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          clearable
          value={values.expectedCloseOn}
          onChange={(date) => set('expectedCloseOn', date)}
          error={error('expectedCloseOn')}
        />
        <Select
          label={t('opportunities.field.owner')}
          name="ownerId"
          data={owners}
          searchable
          clearable
          value={values.ownerId}
          onChange={(id) => set('ownerId', id)}
          error={error('ownerId')}
        />
        {selectedStage?.outcome === 'lost' && (
          <TextInput label={t('opportunities.field.lostReason')} required {...form.text('lostReason')} />
        )}
      </SimpleGrid>
      <TagsInput
        label={t('opportunities.field.products')}
        description={t('opportunities.field.listHint')}
        value={values.products}
        onChange={(products) => set('products', products)}
        error={error('products')}
        clearable
      />
      <TagsInput
        label={t('opportunities.field.competitors')}
        description={t('opportunities.field.listHint')}
        value={values.competitors}
        onChange={(competitors) => set('competitors', competitors)}
        error={error('competitors')}
        clearable
      />
      <Textarea label={t('opportunities.field.notes')} autosize minRows={2} maxRows={8} {...form.text('notes')} />
      {base && <StageHistory deal={base} />}
      <ConfirmDialog
        opened={confirming}
        title={t('opportunities.deleteTitle')}
        message={t('opportunities.deleteMessage', { name: base?.name ?? '' })}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onConfirm={() => base && remove.mutate({ id: base.id })}
        onClose={confirm.close}
      />
    </ModalEditForm>
  );
}
