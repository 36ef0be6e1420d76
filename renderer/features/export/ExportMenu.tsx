import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPCClient } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { saveDownload } from '../../shared/file-transfer';
import { notifyError, notifySuccess } from '../../shared/notify';
import { EXPORT_WORDS, flatValues, type ExportFilter, type ExportInput, type ExportList } from './export-words';

type Client = ReturnType<typeof useTRPCClient>;
type Format = ExportInput<'customers'>['format'];
type DownloadTicket = RouterOutputs['exports']['customers'];

/** One list's export call. tRPC types each procedure on its own, so picking one by a list name needs this cast. */
const exportCall = <L extends ExportList>(client: Client, list: L) =>
  client.exports[list] as unknown as { mutate(input: ExportInput<L>): Promise<DownloadTicket> };

/**
 * Exports a list as it is filtered and sorted now, to CSV or XLSX, in the user's language. The host reads
 * the rows through the list's own query, so the file holds exactly what the list shows.
 */
export function ExportMenu<L extends ExportList>({ list, filter }: { list: L; filter: ExportFilter<L> }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const run = useMutation({
    mutationFn: async (format: Format) => {
      const { title, headers, values } = EXPORT_WORDS[list](t);
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const input = { ...filter, format, title, headers, values: flatValues(values), timeZone } as ExportInput<L>;
      const ticket = await exportCall(client, list).mutate(input);
      await saveDownload(client, ticket);
      return ticket;
    },
    onSuccess: (ticket) => notifySuccess(t('exporter.done', { name: ticket.fileName })),
    onError: notifyError,
  });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={run.isPending} data-testid="export-menu">
          {t('exporter.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => run.mutate('csv')} data-testid="export-csv">
          {t('exporter.csv')}
        </Menu.Item>
        <Menu.Item onClick={() => run.mutate('xlsx')} data-testid="export-xlsx">
          {t('exporter.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
