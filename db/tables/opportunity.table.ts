import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO 4217 codes a deal may be in. */
export type Currency = 'CNY' | 'USD' | 'EUR' | 'HKD' | 'GBP' | 'JPY';

export interface OpportunityTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  name: string;
  /** Integer minor units (fen, cents) of `currency`. */
  amount_minor: number;
  currency: Currency;
  expected_close_on: string | null;
  /** JSON array of product names. */
  products: string;
  /** JSON array of competitor names. */
  competitors: string;
  stage_id: number;
  owner_id: number | null;
  notes: string | null;
  lost_reason: string | null;
  won_at: string | null;
  lost_at: string | null;
  /** Set when the deal enters a won or lost stage; null while it is open. */
  closed_at: string | null;
  stage_entered_at: string;
  /** The last recorded activity (call, visit, ...) on the deal, if any. */
  last_activity_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: number;
}

export type OpportunityRow = Selectable<OpportunityTable>;
export type NewOpportunityRow = Insertable<OpportunityTable>;
export type OpportunityUpdate = Updateable<OpportunityTable>;

export interface OpportunityStageChangeTable {
  id: Generated<number>;
  opportunity_id: number;
  /** Null for the stage the deal was created in. */
  from_stage_id: number | null;
  to_stage_id: number;
  at: string;
  user_id: number | null;
}

export type OpportunityStageChangeRow = Selectable<OpportunityStageChangeTable>;
