import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPCClient } from '../../api/trpc';
import type { CustomerListInput, RouterInputs } from '../../api/types';
import { saveDownload } from '../../shared/file-transfer';
import { notifyError, notifySuccess } from '../../shared/notify';

type ExportInput = RouterInputs['exports']['customers'];
type ExportColumn = keyof ExportInput['headers'];

/** The export's columns with the labels the app already shows for them. */
const COLUMN_LABELS = {
  name: 'customer.name',
  kind: 'customer.kind',
  stage: 'customer.stage',
  tier: 'customer.tier',
  industry: 'customer.industry',
  source: 'customer.source',
  contactName: 'exporter.column.contactName',
  title: 'contact.title',
  mobile: 'contact.mobile',
  landline: 'contact.landline',
  email: 'contact.email',
  wechatId: 'contact.wechatId',
  province: 'customer.province',
  city: 'customer.city',
  address: 'customer.address',
  owner: 'exporter.column.owner',
  tags: 'customer.tags',
  notes: 'customer.notes',
  lastContactedAt: 'customer.lastContactedAt',
  nextFollowUpOn: 'customer.nextFollowUpOn',
  createdAt: 'customer.createdAt',
  updatedAt: 'customer.updatedAt',
} as const satisfies Record<ExportColumn, string>;

/** Exports the customer list as it is filtered and sorted now, to CSV or XLSX, in the user's language. */
export function ExportMenu({ filter }: { filter: Omit<CustomerListInput, 'offset' | 'limit'> }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const run = useMutation({
    mutationFn: async (format: ExportInput['format']) => {
      const headers = Object.fromEntries(Object.entries(COLUMN_LABELS).map(([column, key]) => [column, t(key)])) as Record<ExportColumn, string>;
      const values: Record<string, string> = { 'sheet.customers': t('exporter.sheetName'), 'file.customers': t('exporter.fileName') };
      for (const group of ['kind', 'stage', 'source'] as const) {
        for (const [value, label] of Object.entries(t(group, { returnObjects: true }) as Record<string, string>)) values[`${group}.${value}`] = label;
      }
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const ticket = await client.exports.customers.mutate({ ...filter, format, headers, values, timeZone });
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
