import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';

export interface LeadTable {
  id: Generated<number>;
  company_name: string | null;
  person_name: string | null;
  title: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  wechat_id: string | null;
  province: string | null;
  city: string | null;
  notes: string | null;
  /** One of the editable list in settings "leads.sources" (kept as entered if the list changes later). */
  source: string | null;
  status: LeadStatus;
  score: number;
  /** NULL: the lead is in the public pool. */
  owner_id: number | null;
  converted_customer_id: number | null;
  converted_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: number;
}

export type LeadRow = Selectable<LeadTable>;
export type NewLeadRow = Insertable<LeadTable>;
export type LeadUpdate = Updateable<LeadTable>;

export type RuleField = 'source' | 'region';

export interface LeadAssignmentRuleTable {
  id: Generated<number>;
  position: number;
  match_field: RuleField;
  /** A source, or a province (region rules match the lead's province or city). */
  match_value: string;
  user_id: number | null;
  team_id: number | null;
}

export type LeadAssignmentRuleRow = Selectable<LeadAssignmentRuleTable>;

export interface LeadRotationTable {
  team_id: number;
  user_id: number;
  assigned_count: number;
  last_assigned_seq: number;
}

export interface PoolHoldingTable {
  customer_id: number;
  held_since: string;
  /** The cycle start (last follow-up or claim) the warning was written for; NULL: not warned. */
  warned_for: string | null;
}
