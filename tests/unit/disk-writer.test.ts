import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { diskWriter, removeLargeFile } from '../../electron/services/backup/disk-writer.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir('crm-disk-writer-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the backup file writer', () => {
  it('writes a stream whole, past several flushes', async () => {
    // 40 chunks of 1 MB: the writer flushes after every 8 MB.
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(1024 * 1024, i));
    const path = join(dir, 'big.zip.partial');
    await pipeline(Readable.from(chunks), await diskWriter(path));
    expect(readFileSync(path).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('never writes over a file that is already there', async () => {
    const path = join(dir, 'taken.zip.partial');
    await pipeline(Readable.from([Buffer.from('first')]), await diskWriter(path));
    await expect(diskWriter(path)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('first');
  });
});

describe('removing a large file', () => {
  it('removes a file of several slices, and a missing one is no error', async () => {
    const path = join(dir, 'copy.sqlite');
    writeFileSync(path, 'SQLite format 3');
    truncateSync(path, 200 * 1024 * 1024); // sparse: 200 MB without writing them
    await removeLargeFile(path);
    expect(existsSync(path)).toBe(false);
    await expect(removeLargeFile(path)).resolves.toBeUndefined();
  });
});
