import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { getCustomer, updateCustomer } from '../../../electron/services/customers.service.js';
import type { BenchContext } from '../context.js';
import { summarize } from '../measure.js';
import { below, timingOf, type BenchRow } from '../report.js';
import { editOf } from './writes.js';

/** Longest a save may wait while a backup runs (issue 6). */
const STALL_MS = 100;
/** A busy office: someone saves something every 20 ms. */
const WRITE_EVERY_MS = 20;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * A manual backup of the whole database (snapshot through SQLite's backup API, quick_check, zip), while a
 * writer saves an edit every 20 ms. Each save's time counts from when it was due, so a backup step
 * that holds the event loop shows as the save waiting for it: the stall a user would feel. Then that
 * backup restored, as Settings → Backups does it: how long the office waits to get its data back.
 */
export async function backupSection(ctx: BenchContext): Promise<BenchRow[]> {
  const database = (await stat(ctx.host.databaseFile)).size;
  const { backup, seconds, latencies } = await backUpWhileSaving(ctx);
  const writes = summarize('saves while the backup runs (from when each was due)', latencies);
  const restoreStarted = performance.now();
  const restored = await ctx.host.backups.restore({ name: backup.name, password: null, session: null });
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;
  return [
    {
      section: 'backup',
      name: 'backup: copy, check and zip the database',
      figure: { value: seconds, unit: 's' },
      result: `${mb(database)} database, ${mb(backup.size)} zip`,
      targets: [],
    },
    {
      section: 'backup',
      name: writes.name,
      timing: timingOf(writes),
      result: `${writes.runs} saves`,
      targets: [below(writes.max, STALL_MS, 'longest stall')],
    },
    {
      section: 'backup',
      name: 'restore it: check it, back up the current data, swap',
      figure: { value: restoreSeconds, unit: 's' },
      result: `${restored.manifest.rowCounts.customers} customers back, ${mb(restored.safetyBackup.size)} safety backup`,
      targets: [],
    },
  ];
}

/** A manual backup, with the latency of every save a writer makes meanwhile. */
async function backUpWhileSaving(ctx: BenchContext) {
  const owner = ctx.as(ctx.users.owner);
  let customer = await getCustomer(owner, ctx.terms.customerIds[0]!);
  const latencies: number[] = [];
  let running = true;
  const writer = (async () => {
    let due = performance.now();
    while (running) {
      customer = await updateCustomer(owner, editOf(customer, { notes: `备份期间的第${latencies.length}次保存` }));
      const done = performance.now();
      latencies.push(done - due);
      due = done + WRITE_EVERY_MS;
      await sleep(WRITE_EVERY_MS);
    }
  })();
  const started = performance.now();
  try {
    const backup = await ctx.host.backups.backUp('manual');
    return { backup, seconds: (performance.now() - started) / 1000, latencies };
  } finally {
    running = false;
    await writer;
  }
}
