import dayjs from 'dayjs';
import { localTimeZone } from '../../shared/time-zone';
import type { FieldLabels } from '../live/ConflictDialog';
import type { Interaction, InteractionDirection, InteractionType, LogInteractionInput } from './types';

/** Form state: ids as select text, times as the pickers' local 'YYYY-MM-DD HH:mm:ss', '' for empty. */
export interface QuickLogValues {
  customerId: string | null;
  /** What the interaction is about besides its customer; kept as logged, not edited here. */
  leadId: number | null;
  opportunityId: number | null;
  type: InteractionType;
  channel: string | null;
  direction: InteractionDirection | null;
  occurredAt: string;
  durationMinutes: number | string;
  staffIds: string[];
  contactIds: string[];
  content: string;
  outcome: string;
  nextStep: string;
  nextFollowUpOn: string | null;
  /** The follow-up task a new log makes: its local time (HH:mm, '' for all day) and who does it. */
  followUpTime: string;
  followUpAssigneeId: string | null;
}

export const QUICK_LOG_FIELD_LABELS: FieldLabels<QuickLogValues> = {
  customerId: 'timeline.field.customer',
  leadId: 'timeline.field.lead',
  opportunityId: 'opportunities.customerCard.heading',
  type: 'timeline.field.type',
  channel: 'timeline.field.channel',
  direction: 'timeline.field.direction',
  occurredAt: 'timeline.field.occurredAt',
  durationMinutes: 'timeline.field.durationMinutes',
  staffIds: 'timeline.field.staff',
  contactIds: 'timeline.field.contacts',
  content: 'timeline.field.content',
  outcome: 'timeline.field.outcome',
  nextStep: 'timeline.field.nextStep',
  nextFollowUpOn: 'timeline.field.nextFollowUpOn',
  followUpTime: 'timeline.field.followUpTime',
  followUpAssigneeId: 'timeline.field.followUpAssignee',
};

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A new log for a customer, a lead (before it is converted), or one to pick. */
export const newQuickLogValues = (subject: { customerId?: number | undefined; leadId?: number | undefined }, userId: number): QuickLogValues => ({
  customerId: subject.customerId === undefined ? null : String(subject.customerId),
  leadId: subject.leadId ?? null,
  opportunityId: null,
  type: 'call',
  channel: null,
  direction: 'outbound',
  occurredAt: dayjs().second(0).format(PICKER_FORMAT),
  durationMinutes: '',
  staffIds: [String(userId)],
  contactIds: [],
  content: '',
  outcome: '',
  nextStep: '',
  nextFollowUpOn: null,
  followUpTime: '',
  followUpAssigneeId: String(userId),
});

export const quickLogValuesOf = (i: Interaction): QuickLogValues => ({
  customerId: i.customerId === null ? null : String(i.customerId),
  leadId: i.leadId,
  opportunityId: i.opportunityId,
  type: i.type,
  channel: i.channel,
  direction: i.direction,
  occurredAt: dayjs(i.occurredAt).format(PICKER_FORMAT),
  durationMinutes: i.durationMinutes ?? '',
  staffIds: i.staff.map((s) => String(s.id)),
  contactIds: i.contacts.map((c) => String(c.id)),
  content: i.content ?? '',
  outcome: i.outcome ?? '',
  nextStep: i.nextStep ?? '',
  nextFollowUpOn: i.nextFollowUpOn,
  followUpTime: '',
  followUpAssigneeId: null,
});

/** The API's fields (all but the customer and the follow-up task, which a new log adds). */
export function interactionFieldsOf(v: QuickLogValues): Omit<LogInteractionInput, 'customerId' | 'followUp'> {
  return {
    type: v.type,
    channel: v.channel,
    direction: v.direction,
    occurredAt: dayjs(v.occurredAt).toISOString(),
    durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
    staffIds: v.staffIds.map(Number),
    contactIds: v.contactIds.map(Number),
    content: v.content,
    outcome: v.outcome,
    nextStep: v.nextStep,
    nextFollowUpOn: v.nextFollowUpOn,
    leadId: v.leadId,
    opportunityId: v.opportunityId,
  };
}

/**
 * How the API makes the follow-up task of a new log: on the follow-up day in this computer's time zone,
 * at the time chosen (all day without one). `title` names it when no next step is written.
 */
export function followUpOf(v: QuickLogValues, title: string): LogInteractionInput['followUp'] {
  if (v.nextFollowUpOn === null) return null;
  return {
    time: v.followUpTime || null,
    assigneeId: v.followUpAssigneeId === null ? null : Number(v.followUpAssigneeId),
    timeZone: localTimeZone(),
    title,
  };
}
