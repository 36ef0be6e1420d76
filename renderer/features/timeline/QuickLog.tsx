import { Modal } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { quickLog, useQuickLogRequest } from './quick-log-store';
import { QuickLogForm } from './QuickLogForm';
import { QUICK_LOG_KEY } from './QuickLogShortcut';

/**
 * The app-wide quick-log dialog. mod+J opens it from anywhere, even while typing; on a customer's page
 * that customer is chosen already, elsewhere the dialog asks which one. A lead's page opens it for its lead.
 */
export function QuickLog() {
  const { t } = useTranslation();
  const { request, key } = useQuickLogRequest();
  const customerPage = useMatch('/customers/:id/*');
  const pageCustomerId = Number(customerPage?.params.id);
  // An empty ignore list: the shortcut works in text fields too.
  useHotkeys([[`mod+${QUICK_LOG_KEY}`, () => quickLog.open()]], []);

  const customerId =
    request?.customerId ?? (Number.isInteger(pageCustomerId) && pageCustomerId > 0 ? pageCustomerId : undefined);
  return (
    <Modal
      opened={request !== null}
      onClose={quickLog.close}
      title={t(request?.editing ? 'timeline.edit' : 'timeline.log')}
      size="xl"
      data-testid="quick-log"
    >
      {request && (
        <QuickLogForm key={key} customerId={customerId} lead={request.lead} editing={request.editing} onDone={quickLog.close} />
      )}
    </Modal>
  );
}
