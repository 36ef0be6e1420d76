import ExcelJS from 'exceljs';
import type { Cell } from '../files/csv-file.js';

/** Writes rows to a one-sheet XLSX file with exceljs's streaming writer: each row is written out as it comes. */
export async function writeXlsxFile(path: string, sheetName: string, rows: AsyncIterable<Cell[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  // Excel refuses sheet names over 31 characters or with any of []:*?/\ in them.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, '_').slice(0, 31));
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
