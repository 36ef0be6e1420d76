/** Office hours shown by the week and day views unless a task lies outside them. */
export const DAY_STARTS = 6;
export const DAY_ENDS = 22;
/** How long FullCalendar draws a timed task without an end. */
const DEFAULT_LENGTH_MS = 60 * 60_000;

/** What the hours depend on, of a task (kept free of the API's types so Node's tests load it as it is). */
interface TimedTask {
  dueAt: string;
  endsAt: string | null;
  allDay: boolean;
}

/** A whole hour as the time grid's slots name it: 09:00:00. */
export const slotTime = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

/**
 * The hours the time grid shows: 06:00 to 22:00, widened to whole hours around any timed task
 * outside them (FullCalendar leaves a task at 23:00 out of the grid instead).
 */
export function visibleHours(tasks: readonly TimedTask[]): { slotMinTime: string; slotMaxTime: string } {
  let first = DAY_STARTS;
  let last = DAY_ENDS;
  for (const task of tasks) {
    if (task.allDay) continue;
    const start = new Date(task.dueAt);
    // The last moment drawn: a task ending at 16:00 needs the grid to 16:00, one ending at midnight to 24:00.
    const lastMoment = new Date((task.endsAt ? new Date(task.endsAt).getTime() : start.getTime() + DEFAULT_LENGTH_MS) - 1);
    // A task running past midnight is drawn to the end of its first day and from the start of the next.
    const overnight = lastMoment.toDateString() !== start.toDateString();
    first = Math.min(first, overnight ? 0 : start.getHours());
    last = Math.max(last, overnight ? 24 : lastMoment.getHours() + 1);
  }
  return { slotMinTime: slotTime(first), slotMaxTime: slotTime(last) };
}
