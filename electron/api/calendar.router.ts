import { calendarRange, exportMyCalendar } from '../services/calendar.service.js';
import { calendarRangeInput, exportCalendarInput } from './schemas/tasks.schema.js';
import { permitted, router } from './trpc.js';

export const calendarRouter = router({
  range: permitted('tasks', 'view').input(calendarRangeInput).query(({ ctx, input }) => calendarRange(ctx.userCtx, input)),

  /** The .ics text; the renderer saves it as a file. */
  exportIcs: permitted('tasks', 'view').input(exportCalendarInput).query(({ ctx, input }) => exportMyCalendar(ctx.userCtx, input)),
});
