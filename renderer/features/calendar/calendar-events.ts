import type { EventInput } from '@fullcalendar/core';
import type { Task } from '../../api/types';
import { KIND_STYLE } from '../tasks/TaskKindIcon';

/** A task as a calendar event; the task rides along so a drag knows its version. */
export function eventOf(task: Task): EventInput {
  const color = `var(--mantine-color-${KIND_STYLE[task.kind].color}-6)`;
  return {
    id: String(task.id),
    title: task.title,
    start: task.dueAt,
    end: task.endsAt ?? undefined,
    allDay: task.allDay,
    backgroundColor: color,
    borderColor: color,
    classNames: task.status === 'done' ? ['crm-event-done'] : [],
    extendedProps: { task },
  };
}

export const taskOfEvent = (event: { extendedProps: Record<string, unknown> }) => event.extendedProps.task as Task;
