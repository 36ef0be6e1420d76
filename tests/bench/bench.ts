/**
 * npm run bench -- [--customers 100000] [--contacts N] [--data DIR] [--runs 50] [--explain]
 *
 * Seeds a fresh database (in a temp folder, or in --data if that has no customers yet), opens it the way
 * the app does (createHost), and times the customer list and customer page host-side, calling the
 * services as the API does. Prints p50/p95 per scenario and writes JSON to bench-results/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { countCustomers, listCustomerPage } from '../../db/customer.repository.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDatabase, type SeedSummary } from '../../db/seed/seed.js';
import { createHost, DATABASE_FILE } from '../../electron/host.js';
import type { SessionUser, UserContext } from '../../electron/services/context.js';
import { getCustomer, listCustomers, listCustomerTags } from '../../electron/services/customers.service.js';
import { hashPassword } from '../../electron/services/password.js';
import { explainScenario, formatPlan } from './explain.js';
import { measure, type Measurement } from './measure.js';
import { scenarios } from './scenarios.js';
import { pickTerms } from './terms.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    contacts: { type: 'string' },
    data: { type: 'string' },
    runs: { type: 'string', default: '50' },
    seed: { type: 'string', default: '42' },
    explain: { type: 'boolean', default: false },
  },
});

interface Row extends Measurement {
  /** For list scenarios: the page query and the count query alone (p50, ms). */
  pageP50?: number;
  countP50?: number;
}

const ms = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 10 ? 2 : 1));

async function seedIfEmpty(dataDir: string): Promise<SeedSummary | null> {
  mkdirSync(dataDir, { recursive: true });
  const connection = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    await migrateToLatest(connection.db);
    const { n } = await connection.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      console.log(`Using ${dataDir}: already has ${n} customers.`);
      return null;
    }
    const customers = Number(values.customers);
    console.log(`Seeding ${customers} customers into ${dataDir}…`);
    const summary = await seedDatabase(connection, {
      seed: Number(values.seed),
      customers,
      contacts: values.contacts === undefined ? undefined : Number(values.contacts),
      passwordHash: await hashPassword('office-crm-demo'),
    });
    const t = summary.timings;
    console.log(
      `Seeded ${summary.customers} customers, ${summary.contacts} contacts in ${(t.total / 1000).toFixed(1)} s ` +
        `(rows ${(t.generate / 1000).toFixed(1)} s, insert ${(t.insert / 1000).toFixed(1)} s, search documents ${(t.search / 1000).toFixed(1)} s).`,
    );
    return summary;
  } finally {
    // Closing runs PRAGMA optimize, as the app does on every exit, so the planner has statistics.
    await connection.close();
  }
}

async function sessionUser(ctx: { db: UserContext['db'] }, username: string): Promise<SessionUser> {
  const u = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, teamId: u.team_id };
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  const temp = values.data ? null : mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const dataDir = values.data ?? temp!;
  try {
    const seeded = await seedIfEmpty(dataDir);
    const host = await createHost({ dataDir });
    try {
      const users = {
        owner: await sessionUser(host.services, 'boss'),
        rep: await sessionUser(host.services, 'sales1'),
        manager: await sessionUser(host.services, 'manager1'),
      };
      const terms = await pickTerms(host.services.db);
      const { count } = (await host.services.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()) as { count: number };
      const contacts = Number(
        (await host.services.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      );
      console.log(`Benchmarking ${count} customers / ${contacts} contacts, ${runs} runs per scenario…\n`);

      const results: Row[] = [];
      const explained: unknown[] = [];
      const raw = values.explain ? new SQLite(host.databaseFile, { readonly: true }) : null;
      for (const scenario of scenarios(terms, users)) {
        if (scenario.kind === 'page') {
          const ctx: UserContext = { ...host.services, user: users.owner };
          results.push(
            await measure(scenario.name, (i) => getCustomer(ctx, scenario.id(i)), { runs, describe: (d) => d.contacts.length }),
          );
          continue;
        }
        if (scenario.kind === 'tags') {
          const ctx: UserContext = { ...host.services, user: scenario.viewer };
          results.push(await measure(scenario.name, () => listCustomerTags(ctx), { runs, describe: (tags) => tags.length }));
          continue;
        }
        const viewer = scenario.viewer ?? users.owner;
        const ctx: UserContext = { ...host.services, user: viewer };
        const row: Row = await measure(scenario.name, (i) => listCustomers(ctx, scenario.input(i)), {
          runs,
          describe: (r) => r.total,
        });
        const partRuns = Math.max(5, Math.floor(runs / 2));
        row.pageP50 = (await measure('page', (i) => listCustomerPage(ctx.db, viewer, scenario.input(i)), { runs: partRuns })).p50;
        row.countP50 = (await measure('count', (i) => countCustomers(ctx.db, viewer, scenario.input(i)), { runs: partRuns })).p50;
        results.push(row);
        if (raw) {
          const queries = await explainScenario(raw, scenario, viewer);
          explained.push({ scenario: scenario.name, queries });
          console.log(`== ${scenario.name}`);
          for (const q of queries) console.log(`${q.sql}\n${JSON.stringify(q.parameters)}\n${formatPlan(q.plan)}\n`);
        }
      }
      raw?.close();

      const header = ['scenario', 'p50 ms', 'p95 ms', 'max ms', 'matches', 'page p50', 'count p50'];
      const table = results.map((r) => [r.name, ms(r.p50), ms(r.p95), ms(r.max), r.rows, ms(r.pageP50), ms(r.countP50)]);
      const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => [...row[c]!].length + cjkExtra(row[c]!))));
      const line = (cells: string[]) =>
        cells.map((cell, c) => (c === 0 ? pad(cell, widths[c]!) : cell.padStart(widths[c]!))).join('  ');
      console.log(line(header));
      for (const row of table) console.log(line(row));

      mkdirSync('bench-results', { recursive: true });
      const file = join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          {
            at: new Date().toISOString(),
            node: process.version,
            sqlite: (new SQLite(':memory:').prepare('select sqlite_version() v').get() as { v: string }).v,
            cpu: cpus()[0]?.model,
            cores: cpus().length,
            customers: Number(count),
            contacts,
            runs,
            seeded: seeded && { ...seeded },
            terms,
            results,
            ...(values.explain ? { explained } : {}),
          },
          null,
          2,
        ),
      );
      console.log(`\nWrote ${file}`);
    } finally {
      await host.close();
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/** Chinese characters take two columns in a terminal. */
const cjkExtra = (text: string) => [...text].filter((ch) => /[\u3000-\u9fff\uff00-\uffef]/.test(ch)).length;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length - cjkExtra(text)));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
