import { Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import type { DuplicateMatch } from '../../api/types';
import { fieldMessage } from '../../shared/field-message';
import { notifySuccess } from '../../shared/notify';
import { leadName } from './lead-form-values';
import type { Lead } from './types';
import { useInvalidateLeads } from './useInvalidateLeads';

const CREATE_NEW = 'new';

/** Converts a lead; when the server finds likely duplicates, the user attaches to one of them or creates anyway. */
export function ConvertLeadDialog({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={lead !== null} onClose={onClose} title={lead ? t('leads.convert.title', { name: leadName(lead) }) : ''} size="lg">
      {lead && <ConvertForm key={lead.id} lead={lead} onDone={onClose} />}
    </Modal>
  );
}

function ConvertForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateLeads();
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState(leadName(lead));
  const [amount, setAmount] = useState<number>(0);
  const [choice, setChoice] = useState<string>(CREATE_NEW);
  const convert = useMutation(
    trpc.leads.convert.mutationOptions({
      meta: { quiet: true },
      onSuccess: (result) => {
        void invalidate();
        notifySuccess(t('leads.convert.done', { name: leadName(lead) }));
        setConverted(result.customerId);
      },
    }),
  );
  const [converted, setConverted] = useState<number | null>(null);
  const matches = errorDataOf<DuplicateMatch[]>(convert.error, 'duplicate');
  const fieldErrors = fieldErrorsOf(convert.error);
  const submit = () =>
    convert.mutate({
      id: lead.id,
      version: lead.version,
      attachToCustomerId: matches && choice !== CREATE_NEW ? Number(choice) : null,
      confirmDuplicates: matches !== null && choice === CREATE_NEW,
      opportunity: withDeal ? { name: dealName, amountMinor: Math.round(amount * 100) } : null,
    });

  if (converted !== null) {
    return (
      <Stack>
        <Text>{t('leads.convert.done', { name: leadName(lead) })}</Text>
        <Group justify="flex-end">
          <Anchor component={Link} to={`/customers/${converted}`} onClick={onDone} data-testid="convert-open-customer">
            {t('leads.convert.open')}
          </Anchor>
        </Group>
      </Stack>
    );
  }
  // Only matches the user may open can take the contact; the others are shown so two reps don't chase one client.
  const attachable = (matches ?? []).filter((m, i, all) => m.visible && all.findIndex((o) => o.customerId === m.customerId) === i);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('leads.convert.hint')}
      </Text>
      {matches && (
        <Alert color="yellow" title={t('leads.convert.duplicates')} data-testid="convert-duplicates">
          <Radio.Group value={choice} onChange={setChoice}>
            <Stack gap="xs">
              {attachable.map((m) => (
                <Radio key={m.customerId} value={String(m.customerId)} label={t('leads.convert.attach', { name: m.customerName })} data-testid={`convert-attach-${m.customerId}`} />
              ))}
              {matches
                .filter((m) => !m.visible)
                .map((m) => (
                  <Text key={`${m.customerId}-${m.reason}`} size="sm" c="dimmed">
                    {m.customerName} ({t(`duplicates.reason.${m.reason}`)})
                  </Text>
                ))}
              <Radio value={CREATE_NEW} label={t('leads.convert.createAnyway')} data-testid="convert-create-anyway" />
            </Stack>
          </Radio.Group>
        </Alert>
      )}
      <Checkbox label={t('leads.convert.withDeal')} checked={withDeal} onChange={(e) => setWithDeal(e.currentTarget.checked)} data-testid="convert-with-deal" />
      {withDeal && (
        <Group grow align="flex-start">
          <TextInput
            label={t('leads.convert.dealName')}
            value={dealName}
            onChange={(e) => setDealName(e.currentTarget.value)}
            error={fieldErrors.opportunity ? fieldMessage(t, fieldErrors.opportunity) : undefined}
          />
          <NumberInput label={t('leads.convert.amount')} min={0} decimalScale={2} value={amount} onChange={(v) => setAmount(Number(v) || 0)} />
        </Group>
      )}
      {(fieldErrors.status || fieldErrors.attachToCustomerId) && (
        <Text c="red" size="sm">
          {fieldMessage(t, fieldErrors.status ?? fieldErrors.attachToCustomerId ?? 'invalid')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={convert.isPending} data-testid="convert-submit">
          {t('leads.convert.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
