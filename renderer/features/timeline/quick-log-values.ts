import dayjs from 'dayjs';
import type { Interaction, InteractionDirection, InteractionType, LogInteractionInput } from './types';

/** Form state: ids as select text, times as the pickers' local 'YYYY-MM-DD HH:mm:ss', '' for empty. */
export interface QuickLogValues {
  customerId: string | null;
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
}

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export const newQuickLogValues = (customerId: number | undefined, userId: number): QuickLogValues => ({
  customerId: customerId === undefined ? null : String(customerId),
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
});

export const quickLogValuesOf = (i: Interaction): QuickLogValues => ({
  customerId: String(i.customerId),
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
});

/** The API's fields (all but the customer, which the caller adds for a new log). */
export function interactionFieldsOf(v: QuickLogValues): Omit<LogInteractionInput, 'customerId'> {
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
  };
}
