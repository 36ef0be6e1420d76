import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from '../../electron/app-info.js';
import { SCALES, type ScaleName } from './dataset.js';
import { SECTIONS, type SectionName } from './report.js';
import type { BenchOptions } from './run.js';

function oneOf<T extends string>(what: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${what} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function positive(what: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${what} must be a whole number above 0; got "${text}"`);
  return n;
}

export interface CommandLine extends BenchOptions {
  /** Print the table as Markdown (for the README). */
  markdown: boolean;
}

/** `npm run bench`'s command line as the harness's options; a clear error for anything it does not know. */
export function benchOptions(args: string[], log: (line: string) => void): CommandLine {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: '100k' },
      data: { type: 'string' },
      runs: { type: 'string', default: '50' },
      only: { type: 'string' },
      seed: { type: 'string', default: '42' },
      fresh: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
    },
  });
  const scale = oneOf<ScaleName>('scale', Object.keys(SCALES) as ScaleName[], values.scale);
  const only = values.only?.split(',').map((name) => oneOf<SectionName>('only', SECTIONS, name.trim()));
  return {
    scale,
    cacheDir: values.data ?? join(APP_ROOT, '.cache', 'bench', scale),
    runs: positive('runs', values.runs),
    sections: SECTIONS.filter((section) => !only || only.includes(section)),
    seed: positive('seed', values.seed),
    fresh: values.fresh,
    explain: values.explain,
    markdown: values.markdown,
    log,
  };
}
