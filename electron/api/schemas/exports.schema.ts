import { z } from 'zod';
import { EXPORT_COLUMNS } from '../../services/export/export-columns.js';
import { listCustomersInput } from './customers.schema.js';

const label = z.string().max(100);

/**
 * The list's own filter and sort (visibility applies as in the list), without paging. Headers and the
 * words for choice values come from the renderer in the user's language: the host has no translations.
 */
export const exportCustomersInput = listCustomersInput.omit({ offset: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']),
  headers: z.record(z.enum(EXPORT_COLUMNS), label),
  /** "stage.prospect" → "潜在客户", and so on for kind, stage and source. */
  values: z.record(z.string().max(60), label).refine((values) => Object.keys(values).length <= 100, 'tooMany'),
  /** The user's IANA time zone, for the date-times. */
  timeZone: z.string().max(60).refine(isTimeZone, 'invalid').default('UTC'),
});

export const downloadChunkInput = z.object({ downloadId: z.uuid(), offset: z.number().int().min(0) });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type ExportCustomersInput = z.output<typeof exportCustomersInput>;
