import { calendarRange, exportMyCalendar } from '../services/calendar.service.js';
import { calendarRangeInput, exportCalendarInput } from './schemas/tasks.schema.js';
import { authedProcedure, router } from './trpc.js';

export const calendarRouter = router({
  range: authedProcedure.input(calendarRangeInput).query(({ ctx, input }) => calendarRange(ctx.userCtx, input)),

  /** The .ics text; the renderer saves it as a file. */
  exportIcs: authedProcedure.input(exportCalendarInput).query(({ ctx, input }) => exportMyCalendar(ctx.userCtx, input)),
});
