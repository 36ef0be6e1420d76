/**
 * npx tsx tests/bench/board-bench.ts --data DIR [--runs 30]
 *
 * Times the deal board, its "load more", the deal list and the customer list (with its open-deal
 * columns) on a database seeded with deals (npm run seed -- --data DIR --customers 100000 --deals 200000),
 * host-side, calling the services as the API does, at the seeded data's "present".
 */
import { parseArgs } from 'node:util';
import { DEFAULT_NOW } from '../../db/seed/generate.js';
import { listDealsInput, boardInput } from '../../electron/api/schemas/opportunities.schema.js';
import { listCustomersInput } from '../../electron/api/schemas/customers.schema.js';
import { createHost } from '../../electron/host.js';
import type { SessionUser, UserContext } from '../../electron/services/context.js';
import { listCustomers } from '../../electron/services/customers.service.js';
import { getBoard, getBoardColumnCards, listDeals } from '../../electron/services/opportunities.service.js';
import { measure, type Measurement } from './measure.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string', default: '30' } },
});

async function main(): Promise<void> {
  if (!values.data) throw new Error('--data DIR is required (a data folder seeded with --deals)');
  const runs = Number(values.runs);
  const host = await createHost({ dataDir: values.data, clock: { now: () => DEFAULT_NOW } });
  try {
    const { db } = host.services;
    const user = async (username: string): Promise<UserContext> => {
      const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
      const sessionUser: SessionUser = { id: u.id, username, displayName: u.display_name, role: u.role, teamId: u.team_id };
      return { ...host.services, user: sessionUser };
    };
    const [owner, manager, rep] = await Promise.all([user('boss'), user('manager1'), user('sales1')]);
    const count = async (open: boolean) =>
      Number(
        (
          await db
            .selectFrom('opportunities')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('deleted_at', 'is', null)
            .where('closed_at', open ? 'is' : 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    console.log(`Benchmarking ${await count(true)} open and ${await count(false)} closed deals, ${runs} runs each…\n`);

    const board = boardInput.parse({ limit: 20 });
    const firstColumn = (await getBoard(owner, board)).columns[0]!;
    const last = firstColumn.cards.at(-1)!;
    const stageIds = [firstColumn.stageId];
    const results: Measurement[] = [];
    const cardsOf = (b: Awaited<ReturnType<typeof getBoard>>) => `${b.columns.reduce((n, c) => n + c.count, 0)} deals`;
    results.push(await measure('board (owner: all deals)', () => getBoard(owner, board), { runs, describe: cardsOf }));
    results.push(await measure('board (manager: team)', () => getBoard(manager, board), { runs, describe: cardsOf }));
    results.push(await measure('board (sales rep: own)', () => getBoard(rep, board), { runs, describe: cardsOf }));
    results.push(
      await measure(
        'board column: load 20 more',
        () => getBoardColumnCards(owner, { stageId: firstColumn.stageId, after: { stageEnteredAt: last.stageEnteredAt, id: last.id }, limit: 20 }),
        { runs, describe: (cards) => cards.length },
      ),
    );
    const list = (input: object) => listDealsInput.parse({ limit: 50, ...input });
    const totalOf = (r: { total: number }) => r.total;
    results.push(await measure('deal list: updatedAt desc', () => listDeals(owner, list({})), { runs, describe: totalOf }));
    results.push(await measure('deal list: one stage, by amount', () => listDeals(owner, list({ stageIds, sort: 'amount' })), { runs, describe: totalOf }));
    results.push(
      await measure('customer list with open deals', () => listCustomers(owner, listCustomersInput.parse({ limit: 100 })), {
        runs,
        describe: totalOf,
      }),
    );
    console.table(results.map((r) => ({ scenario: r.name, p50: r.p50.toFixed(1), p95: r.p95.toFixed(1), max: r.max.toFixed(1), rows: r.rows })));
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
