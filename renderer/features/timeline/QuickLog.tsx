import { Modal } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { useTRPC } from '../../api/trpc';
import { leadName } from '../leads/lead-form-values';
import { quickLog, useQuickLogRequest, type LeadSubject } from './quick-log-store';
import { QuickLogForm } from './QuickLogForm';
import { QUICK_LOG_KEY } from './QuickLogShortcut';

const idOf = (param: string | undefined) => {
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/**
 * The app-wide quick-log dialog. mod+J opens it from anywhere, even while typing; on a customer's page
 * that customer is chosen already, on a lead's page that lead (once converted, its customer), elsewhere
 * the dialog asks which customer.
 */
export function QuickLog() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { request, key } = useQuickLogRequest();
  const pageCustomerId = idOf(useMatch('/customers/:id/*')?.params.id);
  const pageLeadId = idOf(useMatch('/leads/:id')?.params.id);
  // An empty ignore list: the shortcut works in text fields too.
  useHotkeys([[`mod+${QUICK_LOG_KEY}`, () => quickLog.open()]], []);

  // The lead page has loaded its lead already; the dialog reads it from the cache.
  const pageLead = pageLeadId === undefined ? undefined : queryClient.getQueryData(trpc.leads.get.queryKey({ id: pageLeadId }));
  const converted = pageLead?.status === 'converted';
  const lead: LeadSubject | undefined =
    request?.lead ?? (pageLead && !converted && request?.customerId === undefined ? { id: pageLead.id, name: leadName(pageLead) } : undefined);
  const customerId = request?.customerId ?? (converted ? (pageLead.convertedCustomerId ?? undefined) : pageCustomerId);
  return (
    <Modal
      opened={request !== null}
      onClose={quickLog.close}
      title={t(request?.editing ? 'timeline.edit' : 'timeline.log')}
      size="xl"
      data-testid="quick-log"
    >
      {request && <QuickLogForm key={key} customerId={customerId} lead={lead} editing={request.editing} onDone={quickLog.close} />}
    </Modal>
  );
}
