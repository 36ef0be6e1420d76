import type { CLOSED_COLUMN_DAYS as ApiClosedColumnDays } from '../../../electron/services/opportunities.service';

/** The won and lost columns show deals closed this many days back (the API's CLOSED_COLUMN_DAYS). */
export const CLOSED_COLUMN_DAYS: typeof ApiClosedColumnDays = 30;
