import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { CalendarRangeInput, ExportCalendarInput } from '../api/schemas/tasks.schema.js';
import type { UserContext } from './context.js';
import { addDays, localDate } from './local-time.js';
import type { Task } from './tasks.mappers.js';
import { listTasks } from './tasks.service.js';

const DAY_MS = 86_400_000;
/** A task without an end shows as this long in calendar programs. */
const DEFAULT_LENGTH_MS = 30 * 60_000;
/** How much of the past and future an exported calendar holds. */
const EXPORT_PAST_DAYS = 180;
const EXPORT_FUTURE_DAYS = 400;

/** Tasks, meetings and visits on a user's calendar (the signed-in user's unless another is named). */
export function calendarRange(ctx: UserContext, input: CalendarRangeInput): Promise<Task[]> {
  return listTasks(ctx, {
    assigneeId: input.assigneeId ?? ctx.user.id,
    endsAfter: input.from,
    dueBefore: input.to,
    statuses: ['open', 'done'],
    limit: 2000,
  });
}

function dateArray(date: string): DateArray {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

function eventOf(task: Task, timeZone: string): EventAttributes {
  const description = [task.customerName, task.notes].filter(Boolean).join('\n\n') || undefined;
  const common = {
    uid: `task-${task.id}@office-crm`,
    title: task.title,
    description,
    categories: [task.kind],
    status: 'CONFIRMED' as const,
    // Calendar programs replace an imported event with a later export when the sequence rises.
    sequence: task.version,
    alarms:
      task.remindAt && task.status === 'open'
        ? [{ action: 'display' as const, description: task.title, trigger: { before: true, minutes: Math.max(0, Math.round((Date.parse(task.dueAt) - Date.parse(task.remindAt)) / 60_000)) } }]
        : undefined,
  };
  if (task.allDay) {
    const first = localDate(new Date(task.dueAt), timeZone);
    // An all-day item's end is its last local midnight: the day it ends on is the exclusive end date.
    const end = task.endsAt ? localDate(new Date(task.endsAt), timeZone) : addDays(first, 1);
    return { ...common, start: dateArray(first), end: dateArray(end > first ? end : addDays(first, 1)) };
  }
  const start = Date.parse(task.dueAt);
  const end = task.endsAt ? Date.parse(task.endsAt) : start + DEFAULT_LENGTH_MS;
  return { ...common, start, startInputType: 'utc', startOutputType: 'utc', end, endInputType: 'utc', endOutputType: 'utc' };
}

/** The signed-in user's calendar as iCalendar text (RFC 5545), for Outlook, Apple Calendar, Google Calendar. */
export async function exportMyCalendar(ctx: UserContext, input: ExportCalendarInput): Promise<{ filename: string; content: string }> {
  const now = ctx.clock.now().getTime();
  const tasks = await listTasks(ctx, {
    assigneeId: ctx.user.id,
    endsAfter: new Date(now - EXPORT_PAST_DAYS * DAY_MS).toISOString(),
    dueBefore: new Date(now + EXPORT_FUTURE_DAYS * DAY_MS).toISOString(),
    statuses: ['open', 'done'],
    limit: 5000,
  });
  const { error, value } = createEvents(
    tasks.map((task) => eventOf(task, input.timeZone)),
    { productId: '-//Office CRM//Calendar//EN', calName: `Office CRM: ${ctx.user.displayName}` },
  );
  if (error || value === null) throw error ?? new Error('The calendar could not be written');
  return { filename: `office-crm-${localDate(new Date(now), input.timeZone)}.ics`, content: value };
}
