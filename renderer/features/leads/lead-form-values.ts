import type { FieldLabels } from '../live/ConflictDialog';
import type { Lead, LeadFieldsInput, LeadStatus } from './types';

export interface LeadFormValues {
  companyName: string;
  personName: string;
  title: string;
  mobile: string;
  landline: string;
  email: string;
  wechatId: string;
  province: string;
  city: string;
  notes: string;
  source: string | null;
  status: Exclude<LeadStatus, 'converted'>;
  score: number;
}

export const LEAD_FIELD_LABELS: FieldLabels<LeadFormValues> = {
  companyName: 'leads.field.companyName',
  personName: 'leads.field.personName',
  title: 'leads.field.title',
  mobile: 'leads.field.mobile',
  landline: 'leads.field.landline',
  email: 'leads.field.email',
  wechatId: 'leads.field.wechatId',
  province: 'leads.field.province',
  city: 'leads.field.city',
  notes: 'leads.field.notes',
  source: 'leads.field.source',
  status: 'leads.field.status',
  score: 'leads.field.score',
};

export const TEXT_FIELDS = ['companyName', 'personName', 'title', 'mobile', 'landline', 'email', 'wechatId', 'province', 'city'] as const;

export const newLeadValues = (): LeadFormValues => ({
  companyName: '',
  personName: '',
  title: '',
  mobile: '',
  landline: '',
  email: '',
  wechatId: '',
  province: '',
  city: '',
  notes: '',
  source: null,
  status: 'new',
  score: 0,
});

export function leadValuesOf(lead: Lead): LeadFormValues {
  const values = newLeadValues();
  for (const key of TEXT_FIELDS) values[key] = lead[key] ?? '';
  return {
    ...values,
    notes: lead.notes ?? '',
    source: lead.source,
    status: lead.status === 'converted' ? 'qualified' : lead.status,
    score: lead.score,
  };
}

export const leadInputOf = (values: LeadFormValues): LeadFieldsInput => values;

/** The name a lead goes by: its company, else its person. */
export const leadName = (lead: { companyName: string | null; personName: string | null }) => lead.companyName ?? lead.personName ?? '';
