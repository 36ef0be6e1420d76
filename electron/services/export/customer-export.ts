import { listCustomerPage, type CustomerListRow } from '../../../db/customer.repository.js';
import { findCustomerExportExtras, type CustomerExportExtras } from '../../../db/export.repository.js';
import type { ListCustomersInput } from '../../api/schemas/customers.schema.js';
import { formatPhone } from '../validation/phone.js';
import { inPages, type ListExport, type Unpaged } from './list-export.js';

/** Customers' numbers are stored normalized (E.164) and shown as people write them. */
const phone = (stored: string | null | undefined) => (stored ? formatPhone(stored) : '');

interface CustomerExportRow {
  row: CustomerListRow;
  extras: CustomerExportExtras | undefined;
}

/** The customer list as the user sees it; the import recognizes each of these columns' headers. */
export const customerExport = {
  name: 'customers',
  columns: {
    name: ({ row }) => row.name,
    kind: ({ row }, f) => f.word('kind', row.kind),
    stage: ({ row }, f) => f.word('stage', row.stage),
    tier: ({ row }) => row.tier ?? '',
    industry: ({ row }) => row.industry ?? '',
    source: ({ extras }, f) => f.word('source', extras?.source),
    contactName: ({ row }) => row.primary_contact_name ?? '',
    title: ({ extras }) => extras?.contact_title ?? '',
    mobile: ({ row }) => phone(row.primary_contact_mobile),
    landline: ({ extras }) => phone(extras?.contact_landline),
    email: ({ extras }) => extras?.contact_email ?? '',
    wechatId: ({ extras }) => extras?.contact_wechat_id ?? '',
    province: ({ row }) => row.province ?? '',
    city: ({ row }) => row.city ?? '',
    address: ({ extras }) => extras?.address ?? '',
    owner: ({ row }) => row.owner_name ?? '',
    tags: ({ row }) => row.tags?.split(',').join(', ') ?? '',
    notes: ({ extras }) => extras?.notes ?? '',
    lastContactedAt: ({ row }, f) => f.instant(row.last_contacted_at),
    nextFollowUpOn: ({ row }) => row.next_follow_up_on ?? '',
    createdAt: ({ row }, f) => f.instant(row.created_at),
    updatedAt: ({ row }, f) => f.instant(row.updated_at),
  },
  rows: (ctx, input) =>
    inPages(async (offset, limit) => {
      const rows = await listCustomerPage(ctx.db, ctx.user, { ...input, offset, limit });
      const extras = await findCustomerExportExtras(ctx.db, rows.map((r) => r.id));
      return rows.map((row) => ({ row, extras: extras.get(row.id) }));
    }),
} satisfies ListExport<Unpaged<ListCustomersInput>, CustomerExportRow, string>;
