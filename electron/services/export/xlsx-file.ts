import ExcelJS from 'exceljs';

/** Writes rows to a one-sheet XLSX file with exceljs's streaming writer: each row is written out as it comes. */
export async function writeXlsxFile(path: string, sheetName: string, rows: AsyncIterable<string[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
