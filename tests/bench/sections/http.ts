import type { BenchContext } from '../context.js';
import { summarize } from '../measure.js';
import { timingOf, type BenchRow } from '../report.js';
import { httpScenarios, type ListScenario } from '../scenarios.js';

const CONCURRENT_CLIENTS = 10;

/**
 * The list and search calls as HTTP requests on loopback to the headless host (`serve`, a process of
 * its own, so the clients here never slow the server's event loop): one client, then ten at once,
 * each sending its next request as soon as the last is answered.
 */
export async function httpSection(ctx: BenchContext): Promise<BenchRow[]> {
  const { url, cookie } = await ctx.serve();
  const rows: BenchRow[] = [];

  for (const scenario of httpScenarios(ctx.terms, ctx.users)) {
    const request = requester(url, cookie, scenario);
    for (let i = 0; i < 3; i++) await request(i);
    for (const clients of [1, CONCURRENT_CLIENTS]) {
      const samples: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          for (let k = 0; k < ctx.runs; k++) samples.push(await request(client * ctx.runs + k));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const m = summarize(`HTTP, ${clients === 1 ? '1 client' : `${clients} clients`}: ${scenario.name}`, samples);
      rows.push({
        section: 'http',
        name: m.name,
        timing: timingOf(m),
        figure: { value: samples.length / seconds, unit: 'req/s' },
        targets: [],
      });
    }
  }
  return rows;
}

/** One GET of customers.list with run i's input; resolves to its time in ms, body read whole. */
function requester(url: string, cookie: string, scenario: ListScenario) {
  return async (i: number): Promise<number> => {
    const target = `${url}/api/trpc/customers.list?input=${encodeURIComponent(JSON.stringify(scenario.input(i)))}`;
    const started = performance.now();
    const response = await fetch(target, { headers: { cookie } });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${scenario.name}: HTTP ${response.status}`);
    return elapsed;
  };
}
