import type { BenchContext } from '../context.js';
import { summarize } from '../measure.js';
import { timingOf, type BenchRow } from '../report.js';
import { httpScenarios } from '../scenarios.js';

const CLIENTS = 10;
const RATE = 200; // requests per second, all clients together
const SECONDS = 15;
/** Sent at the same rate first and not counted: the host's first requests compile code and fill caches. */
const WARM_UP_SECONDS = 2;
/** Requests that get no answer this soon count as failed. */
const TIMEOUT_MS = 10_000;

/**
 * The office under load: ten clients together sending 200 requests a second for 15 s to the headless
 * host over loopback, each on a fixed schedule whether or not its last answer came (so a slow answer
 * shows as latency, not as fewer requests). Half are list and search pages, half customer pages.
 * Target: p99 below 50 ms. A short run (the smoke test's two runs) lasts as many seconds as runs.
 */
export async function loadSection(ctx: BenchContext): Promise<BenchRow[]> {
  const { url, cookie } = await ctx.serve();
  const lists = httpScenarios(ctx.terms, ctx.users);
  const ids = ctx.terms.customerIds;
  const target = (i: number) =>
    i % 2 === 0
      ? `${url}/api/trpc/customers.list?input=${encodeURIComponent(JSON.stringify(lists[(i / 2) % lists.length]!.input(i)))}`
      : `${url}/api/trpc/customers.get?input=${encodeURIComponent(JSON.stringify({ id: ids[i % ids.length] }))}`;
  const samples: { list: number[]; get: number[] } = { list: [], get: [] };
  let failures = 0;
  const interval = (1000 * CLIENTS) / RATE;
  const seconds = Math.min(SECONDS, ctx.runs);
  const total = RATE * (WARM_UP_SECONDS + seconds);
  const warmUp = RATE * WARM_UP_SECONDS;
  const started = performance.now();
  let measuredFrom = started;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const sent: Promise<void>[] = [];
      for (let k = 0; k * CLIENTS + client < total; k++) {
        const i = k * CLIENTS + client;
        const due = started + client * (interval / CLIENTS) + k * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (i === warmUp) measuredFrom = performance.now();
        sent.push(
          (async () => {
            const at = performance.now();
            try {
              const response = await fetch(target(i), { headers: { cookie }, signal: AbortSignal.timeout(TIMEOUT_MS) });
              await response.arrayBuffer();
              if (response.status !== 200) failures++;
              else if (i >= warmUp) samples[i % 2 === 0 ? 'list' : 'get'].push(performance.now() - at);
            } catch {
              failures++; // refused, dropped or timed out
            }
          })(),
        );
      }
      await Promise.all(sent);
    }),
  );
  const rate = (total - warmUp) / ((performance.now() - measuredFrom) / 1000);
  if (failures > 0) throw new Error(`load: ${failures} of ${total} requests failed or took over ${TIMEOUT_MS / 1000} s`);
  return (['list', 'get'] as const).map((kind) => {
    const m = summarize(`load, ${CLIENTS} clients at ${RATE}/s: ${kind === 'list' ? 'lists and searches' : 'customer pages'}`, samples[kind]);
    return {
      section: 'load' as const,
      name: m.name,
      timing: timingOf(m),
      figure: { value: rate, unit: 'req/s' },
      targets: [{ text: 'p99 < 50 ms', met: m.p99 < 50 }],
    };
  });
}
