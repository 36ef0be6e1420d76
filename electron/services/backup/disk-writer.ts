import type { FileHandle } from 'node:fs/promises';
import { open, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/** Written between flushes: small enough that a save's own fsync never waits behind much of it. */
const FLUSH_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * A new file (never an existing one) written as a stream and flushed to disk as it grows, and whole at
 * the end: a backup that is listed has reached the disk, not only the OS cache. Left to the OS, the
 * hundreds of MB of a zip were written back at once and every save's fsync meanwhile waited for them
 * (npm run bench, "saves while the backup runs": up to 0.9 s).
 */
export async function diskWriter(path: string): Promise<Writable> {
  const handle: FileHandle = await open(path, 'wx');
  let unflushed = 0;
  return new Writable({
    async write(chunk: Buffer, _encoding, done) {
      try {
        await handle.write(chunk);
        unflushed += chunk.length;
        if (unflushed >= FLUSH_EVERY_BYTES) {
          await handle.datasync();
          unflushed = 0;
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    async final(done) {
      try {
        await handle.sync();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    async destroy(error, done) {
      await handle.close().catch(() => undefined);
      done(error);
    },
  });
}

/** Freed per step when a large file is removed, and the pause after each. */
const REMOVE_SLICE_BYTES = 64 * 1024 * 1024;
const REMOVE_PAUSE_MS = 20;

/**
 * Removes a large file (the backup's database copy) a slice at a time from its end. Freeing all of its
 * hundreds of MB at once went into one file-system journal commit that a save's fsync then waited for
 * (npm run bench, "saves while the backup runs": 120 ms, the longest of the backup).
 */
export async function removeLargeFile(path: string): Promise<void> {
  const handle = await open(path, 'r+').catch(() => null);
  if (handle) {
    try {
      for (let size = (await handle.stat()).size; size > 0; ) {
        size = Math.max(0, size - REMOVE_SLICE_BYTES);
        await handle.truncate(size);
        await sleep(REMOVE_PAUSE_MS);
      }
    } finally {
      await handle.close();
    }
  }
  await rm(path, { force: true });
}
