import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type InteractionType = 'call' | 'email' | 'meeting' | 'visit' | 'chat' | 'social' | 'note';
export type InteractionDirection = 'inbound' | 'outbound';

export interface InteractionTable {
  id: Generated<number>;
  /** Null for an interaction with a lead not converted yet (conversion fills it in). */
  customer_id: number | null;
  /** Kept by id without foreign keys, so purging a lead or a deal is never blocked. */
  lead_id: number | null;
  opportunity_id: number | null;
  type: InteractionType;
  /** Refines the type: wechat for a chat, video for a meeting... (see interactions.schema.ts). */
  channel: string | null;
  direction: InteractionDirection | null;
  occurred_at: string;
  duration_minutes: number | null;
  content: string | null;
  outcome: string | null;
  next_step: string | null;
  /** The follow-up date agreed in this interaction (also written to the customer). */
  next_follow_up_on: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: number;
}

export type InteractionRow = Selectable<InteractionTable>;
export type NewInteractionRow = Insertable<InteractionTable>;
export type InteractionUpdate = Updateable<InteractionTable>;

export interface InteractionStaffTable {
  interaction_id: number;
  user_id: number;
}

export interface InteractionContactTable {
  interaction_id: number;
  contact_id: number;
}
