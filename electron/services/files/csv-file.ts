import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/** A cell of a written table: text, or a number a spreadsheet can add up (amounts, scores). */
export type Cell = string | number;

/**
 * Writes rows to a CSV file in UTF-8 with a byte order mark: without the BOM, Excel on a Chinese
 * Windows reads the file as GBK and shows Chinese as mojibake. Streams, so 100k rows never sit in
 * memory as one string.
 */
export async function writeCsvFile(path: string, rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ bom: true, record_delimiter: '\r\n' }), createWriteStream(path));
}
