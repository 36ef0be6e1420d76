import { z } from 'zod';
import { customerExport } from '../../services/export/customer-export.js';
import { dealExport } from '../../services/export/deal-export.js';
import { leadExport } from '../../services/export/lead-export.js';
import { columnsOf } from '../../services/export/list-export.js';
import { poolCustomerExport, poolLeadExport } from '../../services/export/pool-export.js';
import { trashExport } from '../../services/export/trash-export.js';
import { listCustomersInput } from './customers.schema.js';
import { listLeadsInput } from './leads.schema.js';
import { listDealsInput } from './opportunities.schema.js';
import { listPoolInput } from './pool.schema.js';
import { listTrashInput } from './trash.schema.js';

const label = z.string().max(100);

const paging = { offset: true, limit: true } as const;

/**
 * What every export adds to its list's own filter and sort (which are validated as the list validates
 * them; visibility applies as in the list). Headers and the words for choice values come from the
 * renderer in the user's language: the host has no translations.
 */
function exportOptions<Column extends string>(columns: readonly [Column, ...Column[]]) {
  return {
    format: z.enum(['csv', 'xlsx']),
    /** Every column's header. */
    headers: z.record(z.enum(columns), label),
    /** "stage.prospect" → "潜在客户", and so on for each column of choices. */
    values: z.record(z.string().max(60), label).refine((values) => Object.keys(values).length <= 100, 'tooMany'),
    /** Names the file and its sheet ("客户" → 客户-2026-03-05.csv). */
    title: z.string().trim().min(1).max(60).optional(),
    /** The user's IANA time zone, for the date-times and the file's date. */
    timeZone: z.string().max(60).refine(isTimeZone, 'invalid').default('UTC'),
  };
}

export const exportCustomersInput = listCustomersInput.omit(paging).extend(exportOptions(columnsOf(customerExport)));
export const exportDealsInput = listDealsInput.omit(paging).extend(exportOptions(columnsOf(dealExport)));
export const exportLeadsInput = listLeadsInput.omit(paging).extend(exportOptions(columnsOf(leadExport)));
export const exportPoolCustomersInput = listPoolInput.omit({ ...paging, kind: true }).extend(exportOptions(columnsOf(poolCustomerExport)));
export const exportPoolLeadsInput = listPoolInput.omit({ ...paging, kind: true }).extend(exportOptions(columnsOf(poolLeadExport)));
export const exportTrashInput = listTrashInput.omit(paging).extend(exportOptions(columnsOf(trashExport)));

export const downloadChunkInput = z.object({ downloadId: z.uuid(), offset: z.number().int().min(0) });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
