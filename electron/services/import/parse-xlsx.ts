import ExcelJS from 'exceljs';
import { isBlankRow, type SourceRow, type SourceTable } from './table.js';

type CellValue = ExcelJS.CellValue;

/** Excel stores dates as dates: a calendar date when it has no time of day, else the UTC instant. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** What a cell shows as text: formulas give their result, rich text its plain text, links their text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as CellValue);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return '';
  return String(value);
}

/**
 * Reads the first worksheet of an XLSX file with exceljs's streaming reader (a 100k-row sheet never sits
 * in memory as a workbook). Styles are read so date cells arrive as dates, not serial numbers.
 */
export async function parseXlsx(file: string): Promise<SourceTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  const records: SourceRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // row.values is 1-based: index 0 is always empty.
      const values = (row.values as CellValue[]).slice(1);
      const cells = Array.from(values, cellText);
      if (!isBlankRow(cells)) records.push({ line: row.number, cells });
    }
    break;
  }
  const [header, ...rows] = records;
  return { headers: header?.cells.map((cell) => cell.trim()) ?? [], rows, broken: [] };
}
