import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Measurement } from './measure.js';

/** The benchmark's results: one row per measured thing, a table on screen and a JSON file. */

export const SECTIONS = ['list', 'search', 'page', 'board', 'leads', 'tasks', 'startup', 'http', 'load', 'browser', 'writes', 'backup', 'import'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface Target {
  /** What is promised, e.g. "p95 < 20 ms". */
  text: string;
  met: boolean;
}

export interface BenchRow {
  section: SectionName;
  name: string;
  /** Latencies in milliseconds, when the row is one. */
  timing?: Omit<Measurement, 'name' | 'rows'>;
  /** The same answer as hand-written SQL on raw better-sqlite3 (list, search, customer page). */
  raw?: NonNullable<BenchRow['timing']>;
  /** A figure that is not a latency: rows/s, requests/s, a count. */
  figure?: { value: number; unit: string };
  /** What the call returned: rows on the page, matches. */
  result?: string;
  targets: Target[];
  /** More than fits the table, for the JSON only. */
  details?: Record<string, unknown>;
  /** The SQL behind a list or search row and SQLite's plan for it (on a missed target, or with --explain). */
  plans?: { sql: string; plan: string }[];
}

/** A measurement's figures without its name and description (the row has those). */
export const timingOf = ({ name: _name, rows: _rows, ...timing }: Measurement): NonNullable<BenchRow['timing']> => timing;

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  /** 1, 5 and 15 minute load averages, at the start and at the end: other work on the machine skews timings. */
  loadAverage: { start: number[]; end: number[] };
  node: string;
  sqlite: string;
  platform: string;
  commit: string | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function machineAtStart(): Machine {
  const sqlite = new SQLite(':memory:');
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout: the JSON simply has no commit.
  }
  try {
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      ramGb: round(totalmem() / 1024 ** 3),
      loadAverage: { start: loadavg().map(round), end: [] },
      node: process.version,
      sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      platform: `${process.platform} ${process.arch}`,
      commit,
    };
  } finally {
    sqlite.close();
  }
}

export const finishMachine = (machine: Machine): Machine => ({
  ...machine,
  loadAverage: { ...machine.loadAverage, end: loadavg().map(round) },
});

// --- targets (issue 6), at 100k customers / 1M interactions ---
export const p95Below = (ms: number) => (timing: { p95: number }): Target => ({ text: `p95 < ${ms} ms`, met: timing.p95 < ms });
export const ratioAtMost = (limit: number, ratio: number): Target => ({ text: `cpu ours/raw <= ${limit}`, met: ratio <= limit });
export const atLeast = (value: number, limit: number, unit: string): Target => ({
  text: `>= ${limit.toLocaleString('en')} ${unit}`,
  met: value >= limit,
});
export const below = (value: number, limit: number, what: string): Target => ({ text: `${what} < ${limit} ms`, met: value < limit });

/** ours / raw by the wall-time medians: the cost of our layers. */
export const ratioOf = (row: BenchRow): number | undefined => (row.raw && row.timing ? row.timing.p50 / row.raw.p50 : undefined);

/** ours / raw by the CPU-time medians: the same, without the waits for a core on a busy machine. */
export const cpuRatioOf = (row: BenchRow): number | undefined =>
  row.raw?.cpuP50 && row.timing?.cpuP50 !== undefined ? row.timing.cpuP50 / row.raw.cpuP50 : undefined;

const ms = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 10 ? 2 : n < 1000 ? 1 : 0));

const figureText = (n: number) =>
  n >= 100 || Number.isInteger(n) ? Math.round(n).toLocaleString('en') : n.toFixed(n < 10 ? 2 : 1);

/** Chinese characters take two columns in a terminal. */
const cjkExtra = (text: string) => [...text].filter((ch) => /[\u3000-\u9fff\uff00-\uffef]/.test(ch)).length;
const width = (text: string) => [...text].length + cjkExtra(text);
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;

const HEADER = ['section', 'scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'cpu p50', 'raw p50', 'raw cpu', 'ours/raw',
  'cpu ours/raw', 'figure', 'result', 'targets'];
/** The text columns; the rest are numbers, right-aligned. */
const TEXT_COLUMNS = new Set([0, 1, 12, 13]);

function cellsOf(row: BenchRow): string[] {
  const ratio = (n: number | undefined) => (n === undefined ? '' : n.toFixed(2));
  const missed = row.targets.filter((t) => !t.met);
  return [
    row.section,
    row.name,
    ms(row.timing?.p50),
    ms(row.timing?.p95),
    ms(row.timing?.p99),
    ms(row.timing?.max),
    ms(row.timing?.cpuP50),
    ms(row.raw?.p50),
    ms(row.raw?.cpuP50),
    ratio(ratioOf(row)),
    ratio(cpuRatioOf(row)),
    row.figure ? `${figureText(row.figure.value)} ${row.figure.unit}` : '',
    row.result ?? '',
    row.targets.length === 0 ? '' : missed.length === 0 ? 'met' : `MISSED ${missed.map((t) => t.text).join(', ')}`,
  ];
}

/** The rows as a terminal table. */
export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map(cellsOf);
  const widths = HEADER.map((h, c) => Math.max(width(h), ...cells.map((line) => width(line[c]!))));
  const line = (values: string[]) =>
    values.map((v, c) => (TEXT_COLUMNS.has(c) ? padEnd(v, widths[c]!) : padStart(v, widths[c]!))).join('  ').trimEnd();
  return [line(HEADER), ...cells.map(line)].join('\n');
}

/** The rows as a Markdown table, for the README. */
export function formatMarkdown(rows: BenchRow[]): string {
  const line = (values: string[]) => `| ${values.map((v) => v.replaceAll('|', '\\|')).join(' | ')} |`;
  const rule = `|${HEADER.map((_, c) => (TEXT_COLUMNS.has(c) ? ' --- |' : ' ---: |')).join('')}`;
  return [line(HEADER), rule, ...rows.map((row) => line(cellsOf(row)))].join('\n');
}

/** Writes the report to bench-results/bench-<scale>-<time>.json; returns the file's path. */
export function writeReport(report: { at: string; dataset: { scale: string } }, dir = 'bench-results'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.dataset.scale}-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  return file;
}
