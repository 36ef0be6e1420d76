import { z } from 'zod';
import type { InteractionType } from '../../../db/tables/interaction.table.js';
import { id, optionalDate, optionalText, timeOfDay, utcInstant, version } from './fields.js';
import { timeZone } from './tasks.schema.js';

export const interactionTypes = ['call', 'email', 'meeting', 'visit', 'chat', 'social', 'note'] as const;
export const interactionDirections = ['inbound', 'outbound'] as const;

/** The channels each type may name; a type without channels (email, note) takes none. */
export const interactionChannels = {
  call: ['phone', 'mobile', 'wechat', 'voip'],
  email: [],
  meeting: ['in_person', 'video', 'phone_conference'],
  visit: ['their_site', 'our_office', 'exhibition'],
  chat: ['wechat', 'wecom', 'qq', 'dingtalk', 'whatsapp', 'sms', 'other'],
  social: ['weibo', 'douyin', 'xiaohongshu', 'linkedin', 'facebook', 'other'],
  note: [],
} as const satisfies Record<InteractionType, readonly string[]>;

/** A day and a half of talks is the longest anything lasts; more is a typing slip. */
const MAX_DURATION_MINUTES = 24 * 60;
const MAX_PEOPLE = 20;

const interactionShape = z.object({
  type: z.enum(interactionTypes, 'required'),
  channel: z.string('invalid').trim().max(30, 'tooLong').nullish().transform((v) => v || null),
  direction: z.enum(interactionDirections, 'invalid').nullish().transform((v) => v ?? null),
  occurredAt: utcInstant,
  durationMinutes: z
    .number('invalid')
    .int('invalid')
    .min(0, 'invalidDuration')
    .max(MAX_DURATION_MINUTES, 'invalidDuration')
    .nullish()
    .transform((v) => v ?? null),
  content: optionalText(10_000),
  outcome: optionalText(500),
  nextStep: optionalText(500),
  nextFollowUpOn: optionalDate,
  /** Colleagues who took part; the person logging is assumed when empty. */
  staffIds: z.array(id).max(MAX_PEOPLE, 'tooMany').default([]).transform((ids) => [...new Set(ids)]),
  /** The customer's contacts who took part. */
  contactIds: z.array(id).max(MAX_PEOPLE, 'tooMany').default([]).transform((ids) => [...new Set(ids)]),
  leadId: id.nullish().transform((v) => v ?? null),
  opportunityId: id.nullish().transform((v) => v ?? null),
});

type InteractionShape = z.output<typeof interactionShape>;

/** Rules across fields: the channel belongs to the type, and a note says something. */
function checkCombination(value: InteractionShape, ctx: z.RefinementCtx): void {
  const channels: readonly string[] = interactionChannels[value.type];
  if (value.channel !== null && !channels.includes(value.channel)) {
    ctx.addIssue({ code: 'custom', path: ['channel'], message: 'invalid' });
  }
  if (value.type === 'note' && value.content === null) {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'required' });
  }
}

/** How the follow-up task of a log is made; its day is the interaction's next follow-up date. */
export const followUpInput = z.object({
  /** A local time of day, HH:mm; none makes an all-day task. */
  time: timeOfDay.nullish().transform((v) => v ?? null),
  /** The person logging when none is chosen. */
  assigneeId: id.nullish().transform((v) => v ?? null),
  /** The zone the day and time are in: the user's app's, as My day takes it. */
  timeZone,
  /** The task's title when no next step is written (the app words it in the user's language). */
  title: optionalText(200),
});

/** A log names a customer, a lead, or both (a lead's interaction after its conversion). */
const logShape = interactionShape.extend({
  customerId: id.nullish().transform((v) => v ?? null),
  followUp: followUpInput.nullish().transform((v) => v ?? null),
});

/** The log is about someone, and a follow-up date comes with how to make its task (and only then). */
function checkLog(value: z.output<typeof logShape>, ctx: z.RefinementCtx): void {
  checkCombination(value, ctx);
  if (value.customerId === null && value.leadId === null) ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'required' });
  if (value.nextFollowUpOn !== null && value.followUp === null) ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'required' });
  if (value.nextFollowUpOn === null && value.followUp !== null) ctx.addIssue({ code: 'custom', path: ['nextFollowUpOn'], message: 'required' });
}

export const createInteractionInput = logShape.superRefine(checkLog);

export const updateInteractionInput = interactionShape.extend({ id, version }).superRefine(checkCombination);

export const timelineCursor = z.object({ occurredAt: utcInstant, id });

/** The timeline of a customer or of a lead (exactly one of the two). */
export const timelineInput = z
  .object({
    customerId: id.optional(),
    leadId: id.optional(),
    types: z.array(z.enum(interactionTypes, 'invalid')).max(interactionTypes.length).optional(),
    cursor: timelineCursor.nullish(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((v) => (v.customerId === undefined) !== (v.leadId === undefined), { path: ['customerId'], message: 'required' });

export type CreateInteractionInput = z.output<typeof createInteractionInput>;
export type UpdateInteractionInput = z.output<typeof updateInteractionInput>;
export type InteractionFields = InteractionShape;
export type TimelineInput = z.output<typeof timelineInput>;
export type FollowUpInput = z.output<typeof followUpInput>;
export type TimelineCursor = z.output<typeof timelineCursor>;
