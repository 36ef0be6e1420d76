import type { LeadListRow } from '../../db/lead.repository.js';
import type { LeadStatus } from '../../db/tables/lead.table.js';
import type { LeadFields } from '../api/schemas/leads.schema.js';
import { parsePhone, type PhoneKind } from './validation/phone.js';

export interface Lead {
  id: number;
  companyName: string | null;
  personName: string | null;
  title: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  wechatId: string | null;
  province: string | null;
  city: string | null;
  notes: string | null;
  source: string | null;
  status: LeadStatus;
  score: number;
  ownerId: number | null;
  ownerName: string | null;
  convertedCustomerId: number | null;
  convertedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A lead keeps its numbers as typed; they show formatted as a contact's do ("138 0013 8000"). */
const shown = (phone: string | null, kind: PhoneKind) => (phone ? (parsePhone(phone, kind)?.display ?? phone) : null);

export function toLead(row: LeadListRow): Lead {
  return {
    id: row.id,
    companyName: row.company_name,
    personName: row.person_name,
    title: row.title,
    mobile: shown(row.mobile, 'mobile'),
    landline: shown(row.landline, 'landline'),
    email: row.email,
    wechatId: row.wechat_id,
    province: row.province,
    city: row.city,
    notes: row.notes,
    source: row.source,
    status: row.status,
    score: row.score,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    convertedCustomerId: row.converted_customer_id,
    convertedAt: row.converted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The stored columns of validated lead fields. */
export function leadColumns(fields: LeadFields) {
  return {
    company_name: fields.companyName,
    person_name: fields.personName,
    title: fields.title,
    mobile: fields.mobile,
    landline: fields.landline,
    email: fields.email,
    wechat_id: fields.wechatId,
    province: fields.province,
    city: fields.city,
    notes: fields.notes,
    source: fields.source,
    status: fields.status,
    score: fields.score,
  };
}

/** What the audit log keeps of a lead: the fields a user edits and its owner, not bookkeeping. */
export function auditedLead(lead: Lead) {
  const { id: _id, ownerName: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = lead;
  return fields;
}
