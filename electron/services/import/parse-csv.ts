import { CsvError, parse } from 'csv-parse/sync';
import { isBlankRow, type BrokenRow, type SourceRow, type SourceTable } from './table.js';

const DELIMITERS = [',', '\t', ';'] as const;

/** Excel writes commas, or tabs ("Unicode text"), or semicolons in some locales: the header line says which. */
function detectDelimiter(firstLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** Offsets where each physical line starts, so parsing can resume at any line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function brokenReason(error: unknown): BrokenRow['reason'] {
  if (!(error instanceof CsvError)) throw error;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosedQuote';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'badQuote';
  return 'unreadable';
}

/**
 * Parses CSV text into a table. A record that cannot be read (an unclosed quote swallows the rest of
 * the file; a stray quote breaks a field) is reported with its line, and parsing resumes at the next
 * line, so one broken row never hides or corrupts the rows after it.
 */
export function parseCsv(text: string): SourceTable {
  const starts = lineStarts(text);
  const delimiter = detectDelimiter(text.slice(0, starts[1] ?? text.length));
  const records: SourceRow[] = [];
  const broken: BrokenRow[] = [];
  // 0-based index of the physical line parsing starts from.
  let from = 0;
  while (from < starts.length) {
    // Line (1-based, absolute) where the last good record ended.
    let lastEnd = from;
    try {
      parse(text.slice(starts[from]), {
        delimiter,
        relax_column_count: true,
        on_record: (record, context) => {
          const line = lastEnd + 1;
          lastEnd = from + context.lines;
          if (!isBlankRow(record)) records.push({ line, cells: record });
          return null;
        },
      });
      break;
    } catch (error) {
      const line = lastEnd + 1;
      const raw = text.slice(starts[line - 1], starts[line] ?? text.length).replace(/\r?\n$/, '');
      broken.push({ line, reason: brokenReason(error), raw });
      from = line;
    }
  }
  const [header, ...rows] = records;
  return { headers: header?.cells.map((cell) => cell.trim()) ?? [], rows, broken };
}
