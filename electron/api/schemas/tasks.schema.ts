import { z } from 'zod';
import { id, optionalText, requiredText, version } from './fields.js';

export const taskKinds = ['task', 'meeting', 'visit', 'call'] as const;
export const taskPriorities = ['low', 'normal', 'high'] as const;
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskLinkTypes = ['customer', 'contact', 'lead', 'opportunity'] as const;

/** An instant with any offset, stored as UTC ISO text so stored times compare as text. */
export const instant = z.iso.datetime({ offset: true, error: 'invalidDateTime' }).transform((v) => new Date(v).toISOString());

const optionalInstant = instant.nullish().transform((v) => v ?? null);

/** An IANA time zone the runtime knows, e.g. Asia/Shanghai: local days are computed in it. */
export const timeZone = z
  .string('invalid')
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'invalidTimeZone');

const link = z.object({ type: z.enum(taskLinkTypes, 'invalid'), id });

/** When: a due time or a start, an optional end after it, and whether it is a whole (local) day. */
const schedule = z.object({
  dueAt: instant,
  endsAt: optionalInstant,
  allDay: z.boolean().default(false),
});

type Schedule = z.output<typeof schedule>;

function endsAfterStart(value: Schedule, ctx: z.core.$RefinementCtx<Schedule>) {
  if (value.endsAt !== null && value.endsAt < value.dueAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsBeforeStart' });
  }
}

export const taskFields = schedule.extend({
  title: requiredText(200),
  notes: optionalText(5000),
  kind: z.enum(taskKinds, 'required').default('task'),
  assigneeId: id.nullish().transform((v) => v ?? null),
  priority: z.enum(taskPriorities, 'invalid').default('normal'),
  remindAt: optionalInstant,
  link: link.nullish().transform((v) => v ?? null),
});

export const createTaskInput = taskFields.superRefine(endsAfterStart);

export const updateTaskInput = taskFields.extend({ id, version }).superRefine(endsAfterStart);

export const rescheduleTaskInput = schedule.extend({ id, version }).superRefine(endsAfterStart);

export const setTaskStatusInput = z.object({ id, version, status: z.enum(taskStatuses, 'invalid') });

export const listTasksInput = z.object({
  customerId: id.optional(),
  linkType: z.enum(taskLinkTypes).optional(),
  linkId: id.optional(),
  statuses: z.array(z.enum(taskStatuses)).max(taskStatuses.length).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const myDayInput = z.object({
  timeZone,
  upcomingDays: z.number().int().min(1).max(31).default(7),
});

/** A calendar view: at most a few months, as a month view with its neighbours' days shows. */
export const calendarRangeInput = z
  .object({ from: instant, to: instant, assigneeId: id.optional() })
  .refine((v) => v.from < v.to && Date.parse(v.to) - Date.parse(v.from) <= 100 * 86_400_000, {
    path: ['to'],
    message: 'invalidRange',
  });

export const exportCalendarInput = z.object({ timeZone });

export type CreateTaskInput = z.output<typeof createTaskInput>;
export type UpdateTaskInput = z.output<typeof updateTaskInput>;
export type TaskFields = z.output<typeof taskFields>;
export type RescheduleTaskInput = z.output<typeof rescheduleTaskInput>;
export type SetTaskStatusInput = z.output<typeof setTaskStatusInput>;
export type ListTasksInput = z.output<typeof listTasksInput>;
export type MyDayInput = z.output<typeof myDayInput>;
export type CalendarRangeInput = z.output<typeof calendarRangeInput>;
export type ExportCalendarInput = z.output<typeof exportCalendarInput>;
