import type { UserContext } from '../../electron/services/context.js';
import type { BenchContext } from './context.js';
import { measure } from './measure.js';
import { p95Below, timingOf, type BenchRow, type SectionName } from './report.js';

/** The service context of each of the bench's three roles. */
export function roleContexts(ctx: BenchContext): { owner: UserContext; manager: UserContext; rep: UserContext } {
  return { owner: ctx.as(ctx.users.owner), manager: ctx.as(ctx.users.manager), rep: ctx.as(ctx.users.rep) };
}

/**
 * A section's rows of calls timed without a raw baseline, each held to one p95 target: `timed` measures
 * a call (i lets it cycle through inputs) and adds its row, described by what the call returned.
 */
export function timedRows(ctx: BenchContext, section: SectionName, p95Ms: number) {
  const rows: BenchRow[] = [];
  const timed = async <T>(name: string, call: (i: number) => Promise<T>, describe: (result: T) => string): Promise<void> => {
    const m = await measure(name, call, { runs: ctx.runs, describe });
    rows.push({ section, name, timing: timingOf(m), result: m.rows, targets: [p95Below(p95Ms)(m)] });
  };
  return { rows, timed };
}
