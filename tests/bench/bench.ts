/**
 * npm run bench -- [--scale small|100k|1m] [--data DIR] [--runs 50] [--only list,search,...] [--seed 42] [--fresh]
 *   [--explain] [--markdown]
 *
 * Generates (once, cached in --data, default .cache/bench/<scale>) a seeded database at the chosen
 * scale, measures every section on a fresh copy of it and prints a table; the JSON goes to
 * bench-results/ (with the SQL and query plans of every list or search row that misses its target;
 * --explain prints them, for every row). The http and browser sections run the built app (npm run
 * build first).
 * See README, "Measuring speed".
 */
import { benchOptions } from './cli-options.js';
import { formatMarkdown, formatTable, writeReport } from './report.js';
import { runBench } from './run.js';

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2), (line) => console.log(line));
  const report = await runBench(options);
  const { machine, dataset } = report;
  console.log(
    `\n${dataset.customers.toLocaleString('en')} customers, ${dataset.contacts.toLocaleString('en')} contacts, ` +
      `${dataset.interactions.toLocaleString('en')} interactions, ${dataset.deals.toLocaleString('en')} deals, ` +
      `${dataset.leads.toLocaleString('en')} leads, ${dataset.tasks.toLocaleString('en')} tasks, ` +
      `a change history of about ${dataset.editsPerCustomer} edits per customer; ` +
      `${report.runs} runs per scenario. ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ` +
      `SQLite ${machine.sqlite}; load average ${machine.loadAverage.start.join(' ')} at the start, ${machine.loadAverage.end.join(' ')} at the end.\n`,
  );
  console.log((options.markdown ? formatMarkdown : formatTable)(report.rows));
  for (const row of options.explain ? report.rows.filter((r) => r.plans) : []) {
    console.log(`\n== ${row.name}`);
    for (const { sql, plan } of row.plans!) console.log(`${sql}\n${plan}\n`);
  }
  console.log(`\nWrote ${writeReport(report)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
