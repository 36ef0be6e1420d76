import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../e2e/browser.js';
import { tempDir } from '../helpers/test-host.js';
import { benchOptions } from './cli-options.js';
import { prepareDataset } from './dataset.js';
import { formatMarkdown, formatTable, SECTIONS, writeReport } from './report.js';
import { runBench } from './run.js';

/**
 * The benchmark harness as a smoke test: every section runs on the small data set and reports. No
 * timing is asserted (this machine's speed is not the test's business); a broken section, or our
 * answers disagreeing with the raw SQL baseline's, fails it.
 */
describe('npm run bench at the small scale', () => {
  const dir = tempDir('crm-bench-test-');
  const log: string[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every section, agrees with the raw SQL baseline and writes its table and JSON', async () => {
    const report = await runBench(benchOptions(['--scale', 'small', '--data', dir, '--runs', '2'], (line) => log.push(line)));

    const sections = new Set(report.rows.map((row) => row.section));
    expect([...sections]).toEqual(SECTIONS.filter((s) => s !== 'browser' || browserAvailable()));
    const compared = report.rows.filter((r) => r.section === 'list' || r.section === 'search' || r.section === 'page');
    expect(compared.filter((r) => r.raw).length).toBeGreaterThanOrEqual(15);
    for (const row of compared) expect(row.timing?.runs, row.name).toBe(2);
    expect(report.dataset).toMatchObject({ scale: 'small', customers: 2000, seed: 42 });
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.loadAverage.end).toHaveLength(3);
    expect(formatTable(report.rows).split('\n')).toHaveLength(report.rows.length + 1);
    expect(formatMarkdown(report.rows).split('\n')).toHaveLength(report.rows.length + 2);
    // The run's copy of the data is gone; the generated database stays for the next run.
    expect(existsSync(join(dir, 'work'))).toBe(false);

    const file = writeReport(report, join(dir, 'results'));
    expect(JSON.parse(readFileSync(file, 'utf8')).rows).toHaveLength(report.rows.length);
  }, 180_000);

  it('reuses the generated database when it was made from the same settings', async () => {
    const dataset = await prepareDataset(dir, 'small', { seed: 42, log: (line) => log.push(line) });
    dataset.removeWorkDir();
    expect(dataset.seededSeconds).toBe(0);
    expect(log.at(-1)).toMatch(/^Reusing the small database/);
  });

  it('refuses a scale, section or run count it does not know', () => {
    const parse = (...args: string[]) => () => benchOptions(args, () => {});
    expect(parse('--scale', 'huge')).toThrow('--scale must be one of small, 100k, 1m; got "huge"');
    expect(parse('--only', 'list,charts')).toThrow(/--only must be one of list, search, .*; got "charts"/);
    expect(parse('--runs', '0')).toThrow('--runs must be a whole number above 0; got "0"');
    expect(parse('--runs', 'many')).toThrow(/--runs must be a whole number/);
    expect(parse('--colour')).toThrow(/Unknown option '--colour'/);
    expect(benchOptions(['--only', 'search, list', '--markdown'], () => {})).toMatchObject({ sections: ['list', 'search'], markdown: true });
  });
});
