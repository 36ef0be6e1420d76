import type { useTRPCClient } from '../api/trpc';

type Client = ReturnType<typeof useTRPCClient>;

/**
 * Files travel through the API in base64 chunks, as the host offers them (see the host's
 * services/files/downloads.ts): the same calls work over HTTP in a browser and over the desktop's
 * IPC bridge, and no request comes near the API's 1 MiB limit.
 */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** Base64 of a slice of a file, without building a huge string of char codes. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/** Uploads a file for import, chunk by chunk; returns the upload's id. */
export async function uploadForImport(client: Client, file: File, onProgress: (fraction: number) => void): Promise<string> {
  const { uploadId } = await client.imports.begin.mutate({ fileName: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const data = await base64Of(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
    await client.imports.upload.mutate({ uploadId, offset, data });
    onProgress(Math.min(1, (offset + UPLOAD_CHUNK_BYTES) / file.size));
  }
  return uploadId;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Fetches a file the host offered (an export, an error report) and hands it to the browser to save. */
export async function saveDownload(client: Client, ticket: { downloadId: string; fileName: string }): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk: { data: string; nextOffset: number | null } = await client.exports.download.query({ downloadId: ticket.downloadId, offset });
    parts.push(bytesOf(chunk.data));
    offset = chunk.nextOffset;
  }
  const url = URL.createObjectURL(new Blob(parts));
  const link = document.createElement('a');
  link.href = url;
  link.download = ticket.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
