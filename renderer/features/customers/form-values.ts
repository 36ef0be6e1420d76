import type {
  Contact,
  CustomerDetail,
  CustomerKind,
  CustomerSource,
  CustomerStage,
  CustomerTier,
  Gender,
} from '../../api/types';
import type { FieldLabels } from '../live/ConflictDialog';

/**
 * Form state mirrors the API fields, with '' for an empty text (the API reads a blank as "none") and
 * the owner as select text.
 */
export interface CustomerFormValues {
  name: string;
  kind: CustomerKind;
  industry: string;
  province: string;
  city: string;
  address: string;
  source: CustomerSource | null;
  stage: CustomerStage;
  tier: CustomerTier | null;
  tags: string[];
  ownerId: string | null;
  notes: string;
  nextFollowUpOn: string | null;
}

export interface ContactFormValues {
  name: string;
  title: string;
  mobile: string;
  landline: string;
  email: string;
  wechatId: string;
  birthday: string | null;
  gender: Gender | null;
  isPrimary: boolean;
}

export const CONTACT_FIELD_LABELS: FieldLabels<ContactFormValues> = {
  name: 'contact.name',
  title: 'contact.title',
  mobile: 'contact.mobile',
  landline: 'contact.landline',
  email: 'contact.email',
  wechatId: 'contact.wechatId',
  birthday: 'contact.birthday',
  gender: 'contact.gender',
  isPrimary: 'contact.isPrimary',
};

export const newCustomerValues = (ownerId: number): CustomerFormValues => ({
  name: '',
  kind: 'company',
  industry: '',
  province: '',
  city: '',
  address: '',
  source: null,
  stage: 'prospect',
  tier: null,
  tags: [],
  ownerId: String(ownerId),
  notes: '',
  nextFollowUpOn: null,
});

export const customerValuesOf = (c: CustomerDetail): CustomerFormValues => ({
  name: c.name,
  kind: c.kind,
  industry: c.industry ?? '',
  province: c.province ?? '',
  city: c.city ?? '',
  address: c.address ?? '',
  source: c.source,
  stage: c.stage,
  tier: c.tier,
  tags: c.tags,
  ownerId: c.ownerId === null ? null : String(c.ownerId),
  notes: c.notes ?? '',
  nextFollowUpOn: c.nextFollowUpOn,
});

export const customerInputOf = (values: CustomerFormValues) => ({
  ...values,
  ownerId: values.ownerId === null ? null : Number(values.ownerId),
});

export const newContactValues = (isPrimary = false): ContactFormValues => ({
  name: '',
  title: '',
  mobile: '',
  landline: '',
  email: '',
  wechatId: '',
  birthday: null,
  gender: null,
  isPrimary,
});

export const contactValuesOf = (c: Contact): ContactFormValues => ({
  name: c.name,
  title: c.title ?? '',
  mobile: c.mobile ?? '',
  landline: c.landline ?? '',
  email: c.email ?? '',
  wechatId: c.wechatId ?? '',
  birthday: c.birthday,
  gender: c.gender,
  isPrimary: c.isPrimary,
});

/** The optional primary contact of a new customer: left blank, there is none. */
export function primaryContactInputOf(values: ContactFormValues) {
  const { isPrimary: _always, ...fields } = values;
  const blank = Object.values(fields).every((value) => value === null || value.trim() === '');
  return blank ? null : fields;
}
