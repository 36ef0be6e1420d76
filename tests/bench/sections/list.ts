import { listCustomers, listCustomerTags } from '../../../electron/services/customers.service.js';
import type { BenchContext } from '../context.js';
import { explainScenario, formatPlan } from '../explain.js';
import { measure } from '../measure.js';
import { p95Below, ratioAtMost, timingOf, type BenchRow, type SectionName } from '../report.js';
import { listScenarios, searchScenarios, type ListScenario } from '../scenarios.js';
import { assertSameIds, measureAgainstRaw, WARMUP } from './compare.js';

/** Host-side targets for the list, search and customer page (issue 6). */
export const READ_P95_MS = 20;
/** Judged by the CPU-time medians, which other work on a shared machine does not skew (wall time shown too). */
export const RAW_RATIO = 1.5;

async function measureScenario(ctx: BenchContext, section: SectionName, scenario: ListScenario): Promise<BenchRow> {
  const user = ctx.as(scenario.viewer);
  const first = await listCustomers(user, scenario.input(0));
  const raw = ctx.raw.list(scenario.viewer, scenario.input(0));
  assertSameIds(scenario.name, first.items.map((item) => item.id), raw.items.map((item) => item.id));
  if (first.total !== raw.total) throw new Error(`${scenario.name}: total ${first.total}, raw SQL ${raw.total}`);

  // Inputs made before timing: both sides get them ready-parsed, as the router hands them to the service.
  const inputs = Array.from({ length: WARMUP + ctx.runs }, (_, i) => scenario.input(i));
  const timed = await measureAgainstRaw(
    scenario.name,
    ctx.runs,
    (i) => listCustomers(user, inputs[i]!),
    (i) => ctx.raw.list(scenario.viewer, inputs[i]!),
  );
  const timing = timingOf(timed.ours);
  const row: BenchRow = {
    section,
    name: scenario.name,
    timing,
    raw: timingOf(timed.raw),
    result: `${first.items.length} of ${first.total}`,
    targets: [p95Below(READ_P95_MS)(timing), ratioAtMost(RAW_RATIO, timing.cpuP50! / timed.raw.cpuP50!)],
  };
  // A missed target comes with the SQL we ran and SQLite's plan for it: the first place to look.
  if (ctx.explain || row.targets.some((t) => !t.met)) {
    row.plans = (await explainScenario(ctx.raw.database, scenario)).map((q) => ({ sql: q.sql, plan: formatPlan(q.plan) }));
  }
  return row;
}

export async function listSection(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const scenario of listScenarios(ctx.terms, ctx.users, ctx.dataset.description.customers)) {
    rows.push(await measureScenario(ctx, 'list', scenario));
  }
  // The tag filter's suggestions load with the list; no raw baseline.
  for (const viewer of [ctx.users.owner, ctx.users.manager, ctx.users.rep]) {
    const name = `tag suggestions (${viewer.username})`;
    const m = await measure(name, () => listCustomerTags(ctx.as(viewer)), { runs: ctx.runs, describe: (tags) => tags.length });
    rows.push({ section: 'list', name, timing: timingOf(m), result: `${m.rows} tags`, targets: [p95Below(READ_P95_MS)(m)] });
  }
  return rows;
}

export async function searchSection(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const scenario of searchScenarios(ctx.terms, ctx.users)) rows.push(await measureScenario(ctx, 'search', scenario));
  return rows;
}
