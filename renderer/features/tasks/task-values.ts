import dayjs from 'dayjs';
import type { Task, TaskInput, TaskKind, TaskPriority } from '../../api/types';
import type { FieldLabels } from '../live/ConflictDialog';

export const TASK_KINDS = ['task', 'call', 'meeting', 'visit'] as const satisfies readonly TaskKind[];
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const satisfies readonly TaskPriority[];
/** Reminder choices, in minutes before the task. */
export const REMINDER_CHOICES = [0, 5, 15, 30, 60, 120, 1440] as const;

const LOCAL_DATE_TIME = 'YYYY-MM-DD HH:mm:ss';
const LOCAL_DATE = 'YYYY-MM-DD';

/** The local calendar date (YYYY-MM-DD) of an instant: the day an all-day item is on. */
export const localDayOf = (instant: string) => dayjs(instant).format(LOCAL_DATE);

/** Open and late: a timed task past its time, an all-day one from an earlier day (as the API's My day counts). */
export const isOverdue = (task: Task, now: Date) =>
  task.status === 'open' && (task.allDay ? localDayOf(task.dueAt) < dayjs(now).format(LOCAL_DATE) : Date.parse(task.dueAt) < now.getTime());

/** Kinds that take up time on the calendar, so they have an end. */
export const hasEnd = (kind: TaskKind) => kind === 'meeting' || kind === 'visit';

/**
 * The form in the user's local time: date-time pickers give "YYYY-MM-DD HH:mm:ss", date pickers
 * "YYYY-MM-DD" (all-day items). The API gets UTC instants; an all-day item is stored by its local
 * midnights, with the end exclusive (the midnight after the last day).
 */
export interface TaskFormValues {
  title: string;
  kind: TaskKind;
  allDay: boolean;
  dueAt: string | null;
  endsAt: string | null;
  assigneeId: string | null;
  priority: TaskPriority;
  /** Minutes before the task, as text, or 'none'. */
  reminder: string;
  customerId: string | null;
  notes: string;
}

export const TASK_FIELD_LABELS: FieldLabels<TaskFormValues> = {
  title: 'task.title',
  kind: 'task.kind',
  allDay: 'task.allDay',
  dueAt: 'task.dueAt',
  endsAt: 'task.endsAt',
  assigneeId: 'task.assignee',
  priority: 'task.priority',
  reminder: 'task.reminder',
  customerId: 'task.customer',
  notes: 'task.notes',
};

export interface NewTaskDefaults {
  assigneeId: number;
  customerId?: number | null;
  kind?: TaskKind;
  start?: Date;
  end?: Date | null;
  allDay?: boolean;
}

/** The next whole hour: a sensible default due time. */
const nextHour = () => dayjs().add(1, 'hour').startOf('hour');

export function newTaskValues(defaults: NewTaskDefaults): TaskFormValues {
  const allDay = defaults.allDay ?? false;
  const start = defaults.start ? dayjs(defaults.start) : nextHour();
  const end = defaults.end ? dayjs(defaults.end) : null;
  return {
    title: '',
    kind: defaults.kind ?? 'task',
    allDay,
    dueAt: start.format(allDay ? LOCAL_DATE : LOCAL_DATE_TIME),
    // An all-day selection ends at the next midnight; the form shows the last day.
    endsAt: end ? (allDay ? end.subtract(1, 'day').format(LOCAL_DATE) : end.format(LOCAL_DATE_TIME)) : null,
    assigneeId: String(defaults.assigneeId),
    priority: 'normal',
    reminder: allDay ? 'none' : '15',
    customerId: defaults.customerId ? String(defaults.customerId) : null,
    notes: '',
  };
}

export function taskValuesOf(task: Task): TaskFormValues {
  const due = dayjs(task.dueAt);
  const end = task.endsAt ? dayjs(task.endsAt) : null;
  return {
    title: task.title,
    kind: task.kind,
    allDay: task.allDay,
    dueAt: due.format(task.allDay ? LOCAL_DATE : LOCAL_DATE_TIME),
    endsAt: end ? (task.allDay ? end.subtract(1, 'day').format(LOCAL_DATE) : end.format(LOCAL_DATE_TIME)) : null,
    assigneeId: String(task.assigneeId),
    priority: task.priority,
    reminder: task.remindAt ? String(Math.round(due.diff(dayjs(task.remindAt), 'minute'))) : 'none',
    customerId: task.link?.type === 'customer' ? String(task.link.id) : null,
    notes: task.notes ?? '',
  };
}

/** A local picker value as a UTC instant; an unreadable one is passed on for the API to refuse. */
function instantOf(local: string): string {
  const parsed = dayjs(local);
  return parsed.isValid() ? parsed.toISOString() : local;
}

export function taskInputOf(values: TaskFormValues, keepLink: Task['link'] = null): TaskInput {
  const dueAt = values.dueAt ? instantOf(values.dueAt) : '';
  let endsAt: string | null = null;
  if (hasEnd(values.kind) && values.endsAt) {
    endsAt = values.allDay ? dayjs(values.endsAt).add(1, 'day').startOf('day').toISOString() : instantOf(values.endsAt);
  }
  const remindAt =
    values.reminder === 'none' || !dueAt ? null : dayjs(dueAt).subtract(Number(values.reminder), 'minute').toISOString();
  const link = values.customerId ? { type: 'customer' as const, id: Number(values.customerId) } : keepLink?.type !== 'customer' ? keepLink : null;
  return {
    title: values.title,
    kind: values.kind,
    allDay: values.allDay,
    dueAt,
    endsAt,
    assigneeId: values.assigneeId ? Number(values.assigneeId) : null,
    priority: values.priority,
    remindAt,
    link,
    notes: values.notes,
  };
}

/** Switching all day on or off keeps the chosen day. */
export function withAllDay(values: TaskFormValues, allDay: boolean): TaskFormValues {
  const convert = (v: string | null) => (v ? dayjs(v).format(allDay ? LOCAL_DATE : LOCAL_DATE_TIME) : null);
  return { ...values, allDay, dueAt: convert(values.dueAt), endsAt: convert(values.endsAt) };
}
