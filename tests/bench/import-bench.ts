/**
 * Measures importing a generated 100k-row customer CSV through the real API (chunked upload, inspect,
 * start, progress polling) into a fresh database. Prints rows per second.
 *   npx tsx tests/bench/import-bench.ts [rows]
 */
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createHost } from '../../electron/host.js';
import { importFileTimed } from './import-bench-steps.js';
import { apiClient, OWNER, tempDir } from '../helpers/test-host.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const CITIES = [['广东', '深圳'], ['上海', '上海'], ['北京', '北京'], ['浙江', '杭州'], ['江苏', '南京']] as const;
const STAGES = ['潜在客户', '意向客户', '成交客户', '复购客户', '流失客户'];

function generateCsv(rows: number): Uint8Array {
  const lines = ['客户名称,联系人,手机,电话,邮箱,省份,城市,地址,行业,来源,阶段,标签,备注'];
  for (let i = 0; i < rows; i++) {
    const [province, city] = CITIES[i % CITIES.length]!;
    const n = String(i).padStart(8, '0');
    lines.push(
      [
        `${city}测试${i}号贸易有限公司`,
        `联系人${i}`,
        `139${n}`,
        i % 3 === 0 ? `010-6${n.slice(1)}` : '',
        `user${i}@example${i % 97}.cn`,
        province,
        city,
        `"${city}市某某路${i}号"`,
        i % 2 ? '贸易' : '制造',
        i % 2 ? '官网' : '展会',
        STAGES[i % STAGES.length],
        i % 4 === 0 ? '"VIP,华南"' : '',
        '',
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

const dir = tempDir('crm-import-bench-');
const host = await createHost({ dataDir: dir });
try {
  const api = apiClient(host);
  await api.auth.setupOwner.mutate(OWNER);
  const bytes = generateCsv(ROWS);
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
