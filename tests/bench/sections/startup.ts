import { createHost } from '../../../electron/host.js';
import { apiClient, cookieOf } from '../../helpers/test-host.js';
import type { BenchContext } from '../context.js';
import { SEED_PASSWORD } from '../dataset.js';
import { summarize } from '../measure.js';
import { timingOf, type BenchRow } from '../report.js';
import { LIST_PAGE_SIZE } from '../scenarios.js';

/** Start-ups are slower than clicks: fewer runs. */
const MAX_RUNS = 10;

/**
 * From opening the data folder (createHost: open, migrate check, overdue reminders, pool recycling) to
 * the first customer list page answered through the API, as a signed-in user's first screen needs it.
 * The database file is in the OS cache (a warm start); the daily backup schedule is off.
 */
export async function startupSection(ctx: BenchContext): Promise<BenchRow[]> {
  const api = apiClient(ctx.host);
  await api.auth.login.mutate({ username: ctx.users.owner.username, password: SEED_PASSWORD });
  const cookie = cookieOf(api)!;
  const input = encodeURIComponent(JSON.stringify({ limit: LIST_PAGE_SIZE }));
  const samples: number[] = [];
  for (let i = 0; i < Math.min(ctx.runs, MAX_RUNS); i++) {
    const started = performance.now();
    const host = await createHost({ dataDir: ctx.dataset.workDir, backupSchedule: false, clock: ctx.host.services.clock });
    try {
      const response = await host.handleApi(
        new Request(`http://crm.test/api/trpc/customers.list?input=${input}`, { headers: { cookie } }),
        { secure: false, remoteAddress: null },
      );
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the first list answered ${response.status}`);
      samples.push(performance.now() - started);
    } finally {
      await host.close();
    }
  }
  const m = summarize('start-up to the first list page', samples);
  return [{ section: 'startup', name: m.name, timing: timingOf(m), targets: [] }];
}
