/**
 * Measures importing a generated 100k-row customer CSV through the real API (chunked upload, inspect,
 * start, progress polling) into a fresh database. Prints rows per second.
 *   npx tsx tests/bench/import-bench.ts [rows]
 */
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createHost } from '../../electron/host.js';
import { importFileTimed } from './import-bench-steps.js';
import { generateCustomerCsv } from './import-csv.js';
import { apiClient, OWNER, tempDir } from '../helpers/test-host.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const dir = tempDir('crm-import-bench-');
const host = await createHost({ dataDir: dir });
try {
  const api = apiClient(host);
  await api.auth.setupOwner.mutate(OWNER);
  const bytes = generateCustomerCsv(ROWS);
  const t = await importFileTimed(api, 'bench.csv', bytes);
  const { total } = await api.customers.list.query({ limit: 1 });
  console.log(`file: ${ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB`);
  console.log(`upload (${Math.ceil(bytes.length / (512 * 1024))} chunks): ${t.upload.toFixed(0)} ms`);
  console.log(`inspect (decode + parse): ${t.inspect.toFixed(0)} ms`);
  console.log(`import run (validate, match, write, index, audit): ${t.run.toFixed(0)} ms -> ${Math.round(ROWS / (t.run / 1000))} rows/s`);
  console.log(`import run CPU time: ${t.runCpu.toFixed(0)} ms -> ${Math.round(ROWS / (t.runCpu / 1000))} rows per CPU second`);
  console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`);
  console.log(`end to end: ${t.total.toFixed(0)} ms -> ${Math.round(ROWS / (t.total / 1000))} rows/s; customers in list: ${total}`);
  console.log(`counts: ${JSON.stringify(t.counts)}`);
} finally {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
