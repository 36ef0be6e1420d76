/** A spreadsheet read into memory: the header row and the data rows, each with its line in the file. */
export interface SourceRow {
  /** 1-based line (CSV) or row number (XLSX) where the record starts, as the user sees it in an editor or Excel. */
  line: number;
  cells: string[];
}

/** A record that could not be read at all (a CSV row with an unclosed quote, say). */
export interface BrokenRow {
  line: number;
  /** Message key under importer.broken.* */
  reason: 'unclosedQuote' | 'badQuote' | 'unreadable';
  raw: string;
}

export interface SourceTable {
  headers: string[];
  rows: SourceRow[];
  broken: BrokenRow[];
}

/** A row with nothing in it (Excel leaves such rows at the end of many files). */
export const isBlankRow = (cells: string[]) => cells.every((cell) => cell.trim() === '');
