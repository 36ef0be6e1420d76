import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/**
 * Writes rows to a CSV file in UTF-8 with a byte order mark: without the BOM, Excel on a Chinese
 * Windows reads the file as GBK and shows Chinese as mojibake. Streams, so 100k rows never sit in
 * memory as one string.
 */
export async function writeCsvFile(path: string, rows: Iterable<string[]> | AsyncIterable<string[]>): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ bom: true, record_delimiter: '\r\n' }), createWriteStream(path));
}
