import type { ApiClient } from './test-host.js';

const CHUNK = 512 * 1024;

/** Uploads a file the way the import wizard does: begin, then base64 chunks in order. */
export async function uploadFile(api: ApiClient, fileName: string, bytes: Uint8Array, chunk = CHUNK): Promise<string> {
  const { uploadId } = await api.imports.begin.mutate({ fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const data = Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64');
    await api.imports.upload.mutate({ uploadId, offset, data });
  }
  return uploadId;
}

/** Fetches a download chunk by chunk, as the renderer does. */
export async function downloadFile(api: ApiClient, downloadId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk: { data: string; nextOffset: number | null } = await api.exports.download.query({ downloadId, offset });
    parts.push(Buffer.from(chunk.data, 'base64'));
    offset = chunk.nextOffset;
  }
  return Buffer.concat(parts);
}

/** Polls an import's progress until it is no longer running. */
export async function waitForImport(api: ApiClient, uploadId: string) {
  for (;;) {
    const progress = await api.imports.progress.query({ uploadId });
    if (progress.status !== 'running') return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Upload, guessed mapping, then import with a policy: what the wizard does with its defaults. */
export async function importFile(api: ApiClient, fileName: string, bytes: Uint8Array, policy: 'skip' | 'update' | 'create' = 'skip') {
  const uploadId = await uploadFile(api, fileName, bytes);
  const { mapping } = await api.imports.inspect.mutate({ uploadId });
  await api.imports.start.mutate({ uploadId, mapping, policy });
  const progress = await waitForImport(api, uploadId);
  return { uploadId, mapping, ...progress };
}
