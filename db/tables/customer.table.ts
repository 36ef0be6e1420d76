import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type CustomerKind = 'company' | 'person';
export type CustomerStage = 'prospect' | 'interested' | 'customer' | 'repeat' | 'churned';
export type CustomerTier = 'A' | 'B' | 'C' | 'D';
export type CustomerSource =
  | 'website'
  | 'referral'
  | 'exhibition'
  | 'advertising'
  | 'phone'
  | 'social'
  | 'other';

export interface CustomerTable {
  id: Generated<number>;
  name: string;
  /** Name folded for duplicate matching: lower case, no spaces or punctuation, no legal suffix. */
  name_key: string;
  /** name_key without a leading place ("北京星辰科技" → "星辰科技"); written with name_key (nameColumns). */
  name_stem: string;
  kind: CustomerKind;
  industry: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  source: CustomerSource | null;
  stage: CustomerStage;
  tier: CustomerTier | null;
  owner_id: number | null;
  notes: string | null;
  last_contacted_at: string | null;
  next_follow_up_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: number;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;

export interface CustomerTagTable {
  customer_id: number;
  tag: string;
}

/** Live customers per owner (0: the pool) carrying each tag; kept by triggers (migration 0012). */
export interface CustomerTagUsesTable {
  tag: string;
  owner_id: number;
  uses: number;
}
