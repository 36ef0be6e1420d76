import { listCustomerPage } from '../../../db/customer.repository.js';
import { findCustomerExportExtras } from '../../../db/export.repository.js';
import type { ExportCustomersInput } from '../../api/schemas/exports.schema.js';
import type { UserContext } from '../context.js';
import { writeCsvFile } from '../files/csv-file.js';
import { offerDownload, type DownloadTicket } from '../files/downloads.js';
import { newWorkFile } from '../files/work-files.js';
import { EXPORT_COLUMNS, exportCells, type ExportWords } from './export-columns.js';
import { writeXlsxFile } from './xlsx-file.js';

const PAGE = 2000;

/** "2026-03-05 14:22" in the user's time zone: what a spreadsheet sorts and reads well. */
function instantFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (iso) => format.format(new Date(iso));
}

/**
 * The rows of the customer list as the user sees it (same filter, sort and visibility), a page at a
 * time through the list's own query, so the export can never show what the list would not.
 */
async function* exportRows(ctx: UserContext, input: ExportCustomersInput): AsyncGenerator<string[]> {
  const words: ExportWords = { values: input.values, instant: instantFormatter(input.timeZone) };
  yield EXPORT_COLUMNS.map((column) => input.headers[column] ?? column);
  for (let offset = 0; ; offset += PAGE) {
    const rows = await listCustomerPage(ctx.db, ctx.user, { ...input, offset, limit: PAGE });
    const extras = await findCustomerExportExtras(ctx.db, rows.map((r) => r.id));
    for (const row of rows) yield exportCells(row, extras.get(row.id), words);
    if (rows.length < PAGE) return;
  }
}

export async function exportCustomers(ctx: UserContext, input: ExportCustomersInput): Promise<DownloadTicket> {
  const { id, path } = newWorkFile(ctx.dataDir, 'exports', `.${input.format}`);
  const rows = exportRows(ctx, input);
  if (input.format === 'csv') await writeCsvFile(path, rows);
  else await writeXlsxFile(path, input.values['sheet.customers'] ?? 'Customers', rows);
  const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  return offerDownload(ctx.user.id, id, path, `${input.values['file.customers'] ?? 'customers'}-${day}.${input.format}`);
}
