/**
 * npm run bench -- [--scale small|100k|1m] [--data DIR] [--runs 50] [--only list,search,...] [--seed 42] [--fresh] [--explain]
 *
 * Generates (once, cached in --data, default .cache/bench/<scale>) a seeded database at the chosen
 * scale, measures every section on a fresh copy of it and prints a table; the JSON goes to
 * bench-results/ (with the SQL and query plans of every list or search row that misses its target;
 * --explain prints them, for every row). The http and browser sections run the built app (npm run
 * build first).
 * See README, "Measuring speed".
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from '../../electron/app-info.js';
import { SCALES, type ScaleName } from './dataset.js';
import { formatTable, SECTIONS, writeReport, type SectionName } from './report.js';
import { runBench } from './run.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    data: { type: 'string' },
    runs: { type: 'string', default: '50' },
    only: { type: 'string' },
    seed: { type: 'string', default: '42' },
    fresh: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});

function oneOf<T extends string>(what: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${what} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function positive(what: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${what} must be a whole number above 0; got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  const scale = oneOf<ScaleName>('scale', Object.keys(SCALES) as ScaleName[], values.scale);
  const only = values.only?.split(',').map((name) => oneOf<SectionName>('only', SECTIONS, name.trim()));
  const report = await runBench({
    scale,
    cacheDir: values.data ?? join(APP_ROOT, '.cache', 'bench', scale),
    runs: positive('runs', values.runs),
    sections: SECTIONS.filter((section) => !only || only.includes(section)),
    seed: positive('seed', values.seed),
    fresh: values.fresh,
    explain: values.explain,
    log: (line) => console.log(line),
  });
  const { machine, dataset } = report;
  console.log(
    `\n${dataset.customers.toLocaleString('en')} customers, ${dataset.contacts.toLocaleString('en')} contacts, ` +
      `${dataset.interactions.toLocaleString('en')} interactions, ${dataset.deals.toLocaleString('en')} deals; ` +
      `${report.runs} runs per scenario. ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ` +
      `SQLite ${machine.sqlite}; load average ${machine.loadAverage.start.join(' ')} at the start, ${machine.loadAverage.end.join(' ')} at the end.\n`,
  );
  console.log(formatTable(report.rows));
  for (const row of values.explain ? report.rows.filter((r) => r.plans) : []) {
    console.log(`\n== ${row.name}`);
    for (const { sql, plan } of row.plans!) console.log(`${sql}\n${plan}\n`);
  }
  console.log(`\nWrote ${writeReport(report)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
