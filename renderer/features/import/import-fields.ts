import type { TFunction } from 'i18next';
import type { RouterInputs } from '../../api/types';

export type ColumnMapping = RouterInputs['imports']['preview']['mapping'];
export type ImportField = keyof ColumnMapping;
export type DuplicatePolicy = RouterInputs['imports']['preview']['policy'];

export const DUPLICATE_POLICIES: DuplicatePolicy[] = ['skip', 'update', 'create'];

/** Every import field with the label the forms already use for it; customer fields, then the contact's. */
const FIELD_LABELS = {
  name: 'customer.name',
  kind: 'customer.kind',
  industry: 'customer.industry',
  province: 'customer.province',
  city: 'customer.city',
  address: 'customer.address',
  source: 'customer.source',
  stage: 'customer.stage',
  tier: 'customer.tier',
  tags: 'customer.tags',
  notes: 'customer.notes',
  nextFollowUpOn: 'customer.nextFollowUpOn',
  contactName: 'importer.field.contactName',
  title: 'contact.title',
  mobile: 'contact.mobile',
  landline: 'contact.landline',
  email: 'contact.email',
  wechatId: 'contact.wechatId',
  gender: 'contact.gender',
  birthday: 'contact.birthday',
} as const satisfies Record<ImportField, string>;

export const CUSTOMER_FIELDS: ImportField[] = ['name', 'kind', 'industry', 'province', 'city', 'address', 'source', 'stage', 'tier', 'tags', 'notes', 'nextFollowUpOn'];
export const CONTACT_FIELDS: ImportField[] = ['contactName', 'title', 'mobile', 'landline', 'email', 'wechatId', 'gender', 'birthday'];

export function fieldLabel(t: TFunction, field: ImportField | 'row'): string {
  return field === 'row' ? '' : t(FIELD_LABELS[field]);
}
