/**
 * npx tsx tests/bench/timeline.ts --data DIR [--runs 50]
 *
 * Times the customer timeline on a seeded database (npm run seed -- --interactions N): the first page,
 * a page deep into the history (keyset cursor), and a type-filtered page, for the busiest customer and
 * a typical one, host-side through the service as the API calls it, and the first page once more as a
 * whole API request (tRPC over the fetch handler both transports use, JSON included). Prints p50/p95.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createHost } from '../../electron/host.js';
import type { UserContext } from '../../electron/services/context.js';
import { listTimeline } from '../../electron/services/interactions.service.js';
import { apiClient } from '../helpers/test-host.js';
import { measure } from './measure.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '50' },
    // The seed's default password (npm run seed -- --password P).
    password: { type: 'string', default: 'office-crm-demo' },
  },
});

async function main(): Promise<void> {
  if (!values.data) throw new Error('--data DIR is required (a folder seeded with --interactions)');
  const runs = Number(values.runs);
  const host = await createHost({ dataDir: values.data });
  try {
    const { db } = host.services;
    const boss = await db.selectFrom('users').selectAll().where('username', '=', 'boss').executeTakeFirstOrThrow();
    const ctx: UserContext = {
      ...host.services,
      user: { id: boss.id, username: boss.username, displayName: boss.display_name, role: boss.role, teamId: boss.team_id },
    };
    const total = await db.selectFrom('interactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const perCustomer = (
      await sql<{ customer_id: number; n: number }>`
        SELECT customer_id, count(*) AS n FROM interactions WHERE deleted_at IS NULL GROUP BY customer_id ORDER BY n DESC`.execute(db)
    ).rows;
    const busiest = perCustomer[0]!;
    const typical = perCustomer[Math.floor(perCustomer.length / 2)]!;
    console.log(
      `${total.n} interactions; busiest customer ${busiest.customer_id} has ${busiest.n}, ` +
        `a median one (${typical.customer_id}) ${typical.n}. ${runs} runs per scenario.\n`,
    );

    // A cursor about `depth` rows into the busiest customer's history.
    const depth = Math.min(5000, busiest.n - 20);
    const deep = await db
      .selectFrom('interactions')
      .select(['occurred_at', 'id'])
      .where('customer_id', '=', busiest.customer_id)
      .where('deleted_at', 'is', null)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .offset(depth)
      .limit(1)
      .executeTakeFirstOrThrow();

    const scenarios = [
      { name: `busiest: first page`, input: { customerId: busiest.customer_id, limit: 20 } },
      {
        name: `busiest: page after row ${depth}`,
        input: { customerId: busiest.customer_id, limit: 20, cursor: { occurredAt: deep.occurred_at, id: deep.id } },
      },
      { name: `busiest: visits only`, input: { customerId: busiest.customer_id, limit: 20, types: ['visit' as const] } },
      { name: `busiest: social only`, input: { customerId: busiest.customer_id, limit: 20, types: ['social' as const] } },
      { name: `median: first page`, input: { customerId: typical.customer_id, limit: 20 } },
    ];
    const api = apiClient(host);
    await api.auth.login.mutate({ username: 'boss', password: values.password! });
    const calls = [
      ...scenarios.map((s) => ({ name: s.name, call: () => listTimeline(ctx, s.input) })),
      { name: 'busiest: first page, API request', call: () => api.interactions.timeline.query(scenarios[0]!.input) },
    ];
    console.log(['scenario'.padEnd(34), 'p50 ms', 'p95 ms', 'max ms', 'rows'].join('  '));
    for (const c of calls) {
      const m = await measure(c.name, c.call, { runs, describe: (page) => page.items.length });
      console.log([c.name.padEnd(34), m.p50.toFixed(2), m.p95.toFixed(2), m.max.toFixed(2), m.rows].join('  '));
    }
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
