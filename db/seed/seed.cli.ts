/**
 * npm run seed -- --data DIR [--customers 100000] [--contacts N] [--interactions N] [--deals N] [--leads N] [--tasks N]
 *   [--edits N] [--seed 42] [--password P] [--force]
 *
 * Fills the office database in DIR (created and migrated if needed) with generated customers, contacts
 * and an office of users, then --deals deals over the live customers, --leads leads and --tasks follow-ups
 * (of those customers, leads and deals), and with --edits the change history (the creation of every
 * customer, contact and interaction, and about N edits per customer). Refuses to add customers to a
 * database that already has some unless --force; `--customers 0 --deals N` adds deals only.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../connection.js';
import { migrateToLatest } from '../migrate.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { hashPassword } from '../../electron/services/password.js';
import { DEFAULT_NOW } from './generate.js';
import { seedHistory } from './history.js';
import { seedLeads } from './leads.js';
import { seedDeals } from './opportunities.js';
import { seedDatabase } from './seed.js';
import { seedTasks } from './tasks.js';

export const DEFAULT_PASSWORD = 'office-crm-demo';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    customers: { type: 'string', default: '1000' },
    contacts: { type: 'string' },
    deals: { type: 'string', default: '0' },
    leads: { type: 'string', default: '0' },
    tasks: { type: 'string', default: '0' },
    edits: { type: 'string', default: '0' },
    interactions: { type: 'string', default: '0' },
    seed: { type: 'string', default: '42' },
    now: { type: 'string' },
    password: { type: 'string', default: DEFAULT_PASSWORD },
    force: { type: 'boolean', default: false },
  },
});

function wholeNumber(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  if (!values.data) throw new Error('--data DIR is required (the data folder the app or `npm run serve` uses)');
  const customers = wholeNumber('customers', values.customers);
  const contacts = values.contacts === undefined ? undefined : wholeNumber('contacts', values.contacts);
  const deals = wholeNumber('deals', values.deals);
  const leads = wholeNumber('leads', values.leads);
  const tasks = wholeNumber('tasks', values.tasks);
  const edits = wholeNumber('edits', values.edits);
  const interactions = wholeNumber('interactions', values.interactions);
  const seed = wholeNumber('seed', values.seed);
  const now = values.now ? new Date(values.now) : DEFAULT_NOW;
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date, got "${values.now}"`);

  mkdirSync(values.data, { recursive: true });
  const file = join(values.data, DATABASE_FILE);
  const connection = openDatabase(file);
  try {
    await migrateToLatest(connection.db);
    const { n } = await connection.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (customers > 0 && Number(n) > 0 && !values.force) {
      throw new Error(`${file} already has ${n} customers; pass --force to add generated ones anyway`);
    }
    const passwordHash = await hashPassword(values.password);
    console.log(`Seeding ${file}: ${customers} customers, seed ${seed}…`);
    const summary = await seedDatabase(connection, {
      seed,
      customers,
      contacts,
      interactions,
      now,
      passwordHash,
      onProgress: (done) => {
        if (done % 20_000 === 0 && done < customers) console.log(`  ${done} customers`);
      },
      onInteractionProgress: (done) => {
        if (done % 200_000 < 20_000 && done < interactions) console.log(`  ${done} interactions`);
      },
    });
    const { timings: t } = summary;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Made ${summary.customers} customers (${summary.deletedCustomers} in the trash), ${summary.contacts} contacts, ` +
        `${summary.tags} tags, ${summary.teams} teams, ${summary.users} new users ` +
        `(boss, manager1-3, sales1-12, service1; password "${values.password}").`,
    );
    if (summary.interactions) {
      const { busiest } = summary.interactions;
      console.log(
        `Logged ${summary.interactions.interactions} interactions` +
          (busiest ? `; the busiest customer (id ${busiest.customerId}) has ${busiest.interactions}.` : '.'),
      );
    }
    console.log(
      `Took ${s(t.total)}: generating rows ${s(t.generate)}, inserting (with search documents) ${s(t.insert)}, ` +
        `interactions ${s(t.interactions)}, ` +
        `the rest (users) ${s(t.total - t.generate - t.insert - t.interactions)}.`,
    );
    if (deals > 0) await seedDealsInto(connection, { seed, deals, now });
    if (leads > 0) {
      const made = await seedLeads(connection, { seed, leads, now });
      console.log(`Made ${made.leads} leads (${made.pool} in the public pool, ${made.converted} converted) in ${s(made.ms)}.`);
    }
    if (tasks > 0) {
      const made = await seedTasks(connection, { seed, tasks, now });
      console.log(`Made ${made.tasks} tasks (${made.open} open) in ${s(made.ms)}.`);
    }
    if (edits > 0) {
      const made = await seedHistory(connection, { seed, editsPerCustomer: edits });
      const busiest = made.busiest ? `; customer ${made.busiest.customerId} has ${made.busiest.entries}` : '';
      console.log(`Wrote ${made.entries} history entries${busiest}, in ${s(made.ms)}.`);
    }
  } finally {
    await connection.close();
  }
}

async function seedDealsInto(connection: ReturnType<typeof openDatabase>, options: { seed: number; deals: number; now: Date }) {
  console.log(`Adding ${options.deals} deals…`);
  const summary = await seedDeals(connection, {
    ...options,
    onProgress: (done) => {
      if (done % 50_000 === 0 && done < options.deals) console.log(`  ${done} deals`);
    },
  });
  console.log(
    `Made ${summary.deals} deals (${summary.open} open) with ${summary.stageChanges} stage changes in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
