import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { downloadFile } from './files-api.js';
import type { ApiClient } from './test-host.js';

const BOM = [0xef, 0xbb, 0xbf];

/** An exported CSV as a spreadsheet program reads it: the BOM checked and dropped, then the rows. */
export async function readCsvExport(api: ApiClient, ticket: { downloadId: string }): Promise<{ bytes: Buffer; header: string[]; rows: string[][] }> {
  const bytes = await downloadFile(api, ticket.downloadId);
  if (![...bytes.subarray(0, 3)].every((byte, i) => byte === BOM[i])) throw new Error('The CSV does not start with a UTF-8 BOM');
  const [header = [], ...rows] = parse(bytes, { bom: true }) as string[][];
  return { bytes, header, rows };
}

/** An exported XLSX read back with exceljs: its one sheet's name and rows (cells as exceljs gives them). */
export async function readXlsxExport(api: ApiClient, ticket: { downloadId: string }): Promise<{ sheet: string; header: unknown[]; rows: unknown[][] }> {
  const bytes = await downloadFile(api, ticket.downloadId);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error('The workbook has no sheet');
  const all: unknown[][] = [];
  // exceljs rows and cells count from 1; row.values has an empty slot 0.
  sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  const [header = [], ...rows] = all;
  return { sheet: sheet.name, header, rows };
}

/** Headers that name each column by its key: enough where a test is about rows, not words. */
export const keyHeaders = <Column extends string>(columns: readonly Column[]) =>
  Object.fromEntries(columns.map((column): [string, string] => [column, column])) as Record<Column, string>;
