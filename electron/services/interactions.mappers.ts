import type { InteractionRecord, Participant } from '../../db/interaction.repository.js';
import type { InteractionDirection, InteractionType } from '../../db/tables/interaction.table.js';

export interface PersonRef {
  id: number;
  name: string;
}

export interface Interaction {
  id: number;
  /** Null for a lead's interaction before the lead is converted. */
  customerId: number | null;
  leadId: number | null;
  opportunityId: number | null;
  type: InteractionType;
  channel: string | null;
  direction: InteractionDirection | null;
  occurredAt: string;
  durationMinutes: number | null;
  content: string | null;
  outcome: string | null;
  nextStep: string | null;
  nextFollowUpOn: string | null;
  staff: PersonRef[];
  contacts: PersonRef[];
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const peopleOf = (participants: Participant[], interactionId: number): PersonRef[] =>
  participants.filter((p) => p.interaction_id === interactionId).map(({ id, name }) => ({ id, name }));

export function toInteraction(
  row: InteractionRecord,
  participants: { staff: Participant[]; contacts: Participant[] },
): Interaction {
  return {
    id: row.id,
    customerId: row.customer_id,
    leadId: row.lead_id,
    opportunityId: row.opportunity_id,
    type: row.type,
    channel: row.channel,
    direction: row.direction,
    occurredAt: row.occurred_at,
    durationMinutes: row.duration_minutes,
    content: row.content,
    outcome: row.outcome,
    nextStep: row.next_step,
    nextFollowUpOn: row.next_follow_up_on,
    staff: peopleOf(participants.staff, row.id),
    contacts: peopleOf(participants.contacts, row.id),
    createdBy: { id: row.created_by, name: row.created_by_name ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
