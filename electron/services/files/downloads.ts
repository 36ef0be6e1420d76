import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { notFound } from '../errors.js';
import { removeWorkFile, STALE_MS } from './work-files.js';

/**
 * Files made on the host for the user to save (exports, import error reports), handed out in chunks.
 *
 * Why chunks through a procedure rather than a plain download URL: the API has two transports, HTTP
 * and the desktop's IPC bridge, and the bridge carries text bodies through the router only (see
 * renderer/api/bridge-fetch.ts and electron/desktop/ipc-api.ts). A query returning base64 chunks works
 * the same over both, keeps the session check and visibility of every other call, and each answer
 * stays small. The file is deleted once its last chunk is read.
 */
export const DOWNLOAD_CHUNK_BYTES = 512 * 1024;

export interface DownloadTicket {
  downloadId: string;
  fileName: string;
  size: number;
}

interface Download extends DownloadTicket {
  userId: number;
  path: string;
  offeredAt: number;
}

// Keyed by random ids; one process may run several hosts (tests), each file lives in its own data folder.
const downloads = new Map<string, Download>();

export function offerDownload(userId: number, id: string, path: string, fileName: string): DownloadTicket {
  const now = Date.now();
  // Downloads never fetched to the end are forgotten after a day (their files are swept with the work folder).
  for (const [key, old] of downloads) if (now - old.offeredAt > STALE_MS) downloads.delete(key);
  const download = { downloadId: id, userId, path, fileName, size: statSync(path).size, offeredAt: now };
  downloads.set(id, download);
  return { downloadId: id, fileName, size: download.size };
}

export interface DownloadChunk {
  /** Base64 of the bytes from offset. */
  data: string;
  /** Where the next chunk starts; null after the last one. */
  nextOffset: number | null;
}

export function readDownloadChunk(userId: number, downloadId: string, offset: number): DownloadChunk {
  const download = downloads.get(downloadId);
  if (!download || download.userId !== userId || offset > download.size) throw notFound('download', 0);
  const buffer = Buffer.alloc(Math.min(DOWNLOAD_CHUNK_BYTES, download.size - offset));
  const fd = openSync(download.path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  const next = offset + buffer.length;
  if (next >= download.size) {
    downloads.delete(downloadId);
    removeWorkFile(download.path);
  }
  return { data: buffer.toString('base64'), nextOffset: next >= download.size ? null : next };
}
