import type { CustomerListRow } from '../../db/customer.repository.js';
import type { ContactRow } from '../../db/tables/contact.table.js';
import type { CustomerRow } from '../../db/tables/customer.table.js';
import { formatPhone } from './validation/phone.js';

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  /** Formatted for display (and accepted back as input). */
  mobile: string | null;
  landline: string | null;
  email: string | null;
  wechatId: string | null;
  birthday: string | null;
  gender: ContactRow['gender'];
  isPrimary: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Customer {
  id: number;
  name: string;
  kind: CustomerRow['kind'];
  industry: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  source: CustomerRow['source'];
  stage: CustomerRow['stage'];
  tier: CustomerRow['tier'];
  tags: string[];
  ownerId: number | null;
  ownerName: string | null;
  notes: string | null;
  lastContactedAt: string | null;
  nextFollowUpOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CustomerListItem {
  id: number;
  name: string;
  kind: CustomerRow['kind'];
  industry: string | null;
  province: string | null;
  city: string | null;
  stage: CustomerRow['stage'];
  tier: CustomerRow['tier'];
  ownerId: number | null;
  ownerName: string | null;
  primaryContactName: string | null;
  primaryContactMobile: string | null;
  tags: string[];
  lastContactedAt: string | null;
  nextFollowUpOn: string | null;
  createdAt: string;
  updatedAt: string;
}

const shown = (phone: string | null) => (phone ? formatPhone(phone) : null);

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    mobile: shown(row.mobile),
    landline: shown(row.landline),
    email: row.email,
    wechatId: row.wechat_id,
    birthday: row.birthday,
    gender: row.gender,
    isPrimary: row.is_primary === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toCustomer(row: CustomerRow & { owner_name: string | null }, tags: string[]): Customer {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    industry: row.industry,
    province: row.province,
    city: row.city,
    address: row.address,
    source: row.source,
    stage: row.stage,
    tier: row.tier,
    tags,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    notes: row.notes,
    lastContactedAt: row.last_contacted_at,
    nextFollowUpOn: row.next_follow_up_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toCustomerListItem(row: CustomerListRow): CustomerListItem {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    industry: row.industry,
    province: row.province,
    city: row.city,
    stage: row.stage,
    tier: row.tier,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    primaryContactName: row.primary_contact_name,
    primaryContactMobile: shown(row.primary_contact_mobile),
    tags: row.tags ? row.tags.split(',') : [],
    lastContactedAt: row.last_contacted_at,
    nextFollowUpOn: row.next_follow_up_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
