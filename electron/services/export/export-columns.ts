import type { CustomerExportExtras } from '../../../db/export.repository.js';
import type { CustomerListRow } from '../../../db/customer.repository.js';
import { formatPhone } from '../validation/phone.js';

/** The columns of a customer export, in order; the import recognizes each of their headers. */
export const EXPORT_COLUMNS = [
  'name',
  'kind',
  'stage',
  'tier',
  'industry',
  'source',
  'contactName',
  'title',
  'mobile',
  'landline',
  'email',
  'wechatId',
  'province',
  'city',
  'address',
  'owner',
  'tags',
  'notes',
  'lastContactedAt',
  'nextFollowUpOn',
  'createdAt',
  'updatedAt',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export interface ExportWords {
  /** "stage.prospect" → the word the user reads. */
  values: Record<string, string>;
  /** Formats a stored UTC instant for the user. */
  instant: (iso: string) => string;
}

const phone = (stored: string | null) => (stored ? formatPhone(stored) : '');

/** One customer as the cells of an export row, in EXPORT_COLUMNS order. */
export function exportCells(row: CustomerListRow, extras: CustomerExportExtras | undefined, words: ExportWords): string[] {
  const word = (group: string, value: string | null | undefined) => (value ? (words.values[`${group}.${value}`] ?? value) : '');
  const cells: Record<ExportColumn, string> = {
    name: row.name,
    kind: word('kind', row.kind),
    stage: word('stage', row.stage),
    tier: row.tier ?? '',
    industry: row.industry ?? '',
    source: word('source', extras?.source),
    contactName: row.primary_contact_name ?? '',
    title: extras?.contact_title ?? '',
    mobile: phone(row.primary_contact_mobile),
    landline: phone(extras?.contact_landline ?? null),
    email: extras?.contact_email ?? '',
    wechatId: extras?.contact_wechat_id ?? '',
    province: row.province ?? '',
    city: row.city ?? '',
    address: extras?.address ?? '',
    owner: row.owner_name ?? '',
    tags: row.tags?.split(',').join(', ') ?? '',
    notes: extras?.notes ?? '',
    lastContactedAt: row.last_contacted_at ? words.instant(row.last_contacted_at) : '',
    nextFollowUpOn: row.next_follow_up_on ?? '',
    createdAt: words.instant(row.created_at),
    updatedAt: words.instant(row.updated_at),
  };
  return EXPORT_COLUMNS.map((column) => cells[column]);
}
