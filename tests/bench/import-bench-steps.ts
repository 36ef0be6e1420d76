import { uploadFile, waitForImport } from '../helpers/files-api.js';
import type { ApiClient } from '../helpers/test-host.js';

/** The wizard's steps with the time each takes (milliseconds); rows matching existing records get `policy`. */
export async function importFileTimed(api: ApiClient, fileName: string, bytes: Uint8Array, policy: 'skip' | 'update' = 'skip') {
  const t0 = performance.now();
  const uploadId = await uploadFile(api, fileName, bytes);
  const t1 = performance.now();
  const { mapping } = await api.imports.inspect.mutate({ uploadId });
  const t2 = performance.now();
  const cpu = process.cpuUsage();
  await api.imports.start.mutate({ uploadId, mapping, policy });
  const { counts } = await waitForImport(api, uploadId);
  const t3 = performance.now();
  const { user, system } = process.cpuUsage(cpu);
  // CPU time says what the import costs even on a busy machine, where wall time also counts the waiting.
  return { upload: t1 - t0, inspect: t2 - t1, run: t3 - t2, runCpu: (user + system) / 1000, total: t3 - t0, counts };
}
