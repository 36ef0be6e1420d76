import type { UserContext } from '../context.js';
import { writeCsvFile, type Cell } from '../files/csv-file.js';
import { offerDownload, type DownloadTicket } from '../files/downloads.js';
import { newWorkFile, removeWorkFile } from '../files/work-files.js';
import { cellFormat, localDay, type CellFormat } from './cell-format.js';
import { writeXlsxFile } from './xlsx-file.js';

/**
 * Exporting a list: each list declares its columns and reads its rows through the list's own query
 * (same filter, sort and visibility as the screen); this writes them to CSV or XLSX a page at a time
 * and offers the file for download.
 */

export interface ListExport<Input, Row, Column extends string> {
  /** Names the file and its sheet when the user's language gives no title. */
  name: string;
  /** Each column's cell of a row; the file has the columns in this order. */
  columns: { readonly [C in Column]: (row: Row, format: CellFormat) => Cell };
  /** The list's rows in its order, read in pages (see inPages). */
  rows: (ctx: UserContext, input: Input) => AsyncIterable<Row>;
}

/** What the user's screen adds to the list's filter: the format and the words, in their language. */
export interface ExportOptions<Column extends string> {
  format: 'csv' | 'xlsx';
  headers: Record<Column, string>;
  values: Record<string, string>;
  title?: string | undefined;
  timeZone: string;
}

/** Rows held in memory at once: one page of the list's query. */
export const EXPORT_PAGE = 2000;

/** A list's rows a page at a time, so 100k rows never sit in memory together. */
export async function* inPages<Row>(page: (offset: number, limit: number) => Promise<Row[]>): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const rows = await page(offset, EXPORT_PAGE);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
  }
}

/** A list's filter and sort: its input without the paging. */
export type Unpaged<ListInput> = Omit<ListInput, 'offset' | 'limit'>;

export function columnsOf<Column extends string>(list: { columns: Record<Column, unknown> }): [Column, ...Column[]] {
  return Object.keys(list.columns) as [Column, ...Column[]];
}

async function* table<Input, Row, Column extends string>(
  ctx: UserContext,
  list: ListExport<Input, Row, Column>,
  input: Input & ExportOptions<Column>,
): AsyncGenerator<Cell[]> {
  const columns = columnsOf(list);
  const format = cellFormat(input);
  yield columns.map((column) => input.headers[column]);
  for await (const row of list.rows(ctx, input)) yield columns.map((column) => list.columns[column](row, format));
}

/** Characters no file system takes in a name; the title comes from the user's language. */
const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');

export async function exportList<Input, Row, Column extends string>(
  ctx: UserContext,
  list: ListExport<Input, Row, Column>,
  input: Input & ExportOptions<Column>,
): Promise<DownloadTicket> {
  const { id, path } = newWorkFile(ctx.dataDir, 'exports', `.${input.format}`);
  const title = input.title ?? list.name;
  try {
    const rows = table(ctx, list, input);
    if (input.format === 'csv') await writeCsvFile(path, rows);
    else await writeXlsxFile(path, title, rows);
  } catch (error) {
    removeWorkFile(path);
    throw error;
  }
  const fileName = `${fileSafe(title)}-${localDay(input.timeZone, ctx.clock.now())}.${input.format}`;
  return offerDownload(ctx.user.id, id, path, fileName);
}
