import type { Connection } from '../connection.js';
import { bulkSession } from '../import.repository.js';
import { insertUser } from '../user.repository.js';
import { DEFAULT_NOW, generate, HISTORY_MS, type GenerateOptions, type SeedCustomer } from './generate.js';
import { seedInteractions, type InteractionSeedSummary } from './interactions.js';
import { searchDocument } from '../../electron/services/customer-search.js';
import type { SeedOffice } from './users.js';

/**
 * Writes a generated data set into an open, migrated database: users and teams through the app's
 * repository; customers, contacts, tags and every customer's search document through the import's bulk
 * writer (db/import.repository.ts: prepared statements, big transactions), as the import writes them.
 */

export interface SeedOptions extends GenerateOptions {
  /** One hash for every seeded user (hashPassword is deliberately slow: compute it once). */
  passwordHash: string;
  /** Customers per transaction. */
  batchSize?: number;
  onProgress?: (customersDone: number) => void;
  /** Interactions to log across the live customers (0: none, and last_contacted_at stays as generated). */
  interactions?: number;
  onInteractionProgress?: (interactionsDone: number) => void;
}

export interface SeedSummary {
  users: number;
  teams: number;
  customers: number;
  deletedCustomers: number;
  contacts: number;
  tags: number;
  interactions: InteractionSeedSummary | null;
  /** Milliseconds: building rows in JS, inserting them (with their search documents), all. */
  timings: { generate: number; insert: number; interactions: number; total: number };
}

/** Creates the office's teams and users (existing usernames are kept as they are); username → id. */
async function writeOffice(connection: Connection, office: SeedOffice, passwordHash: string, now: string) {
  const { db } = connection;
  return db.transaction().execute(async (trx) => {
    const teamIds: number[] = [];
    for (const team of office.teams) {
      const existing = await trx.selectFrom('teams').select('id').where('name', '=', team.name).executeTakeFirst();
      teamIds.push(
        existing?.id ??
          (await trx.insertInto('teams').values({ name: team.name, manager_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id,
      );
    }
    const userIds = new Map<string, number>();
    let created = 0;
    for (const user of office.users) {
      const existing = await trx.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
      if (existing) {
        userIds.set(user.username, existing.id);
        continue;
      }
      const id = await insertUser(trx, {
        username: user.username,
        display_name: user.displayName,
        password_hash: passwordHash,
        role: user.role,
        team_id: user.team === null ? null : teamIds[user.team]!,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      });
      userIds.set(user.username, id);
      created++;
    }
    for (const [t, team] of office.teams.entries()) {
      await trx.updateTable('teams').set({ manager_id: userIds.get(team.manager)! }).where('id', '=', teamIds[t]!).execute();
    }
    return { userIds, created };
  });
}

export async function seedDatabase(connection: Connection, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const { db } = connection;
  const batchSize = options.batchSize ?? 5000;
  const data = generate(options);
  // The office's accounts predate its first customer.
  const officeOpened = new Date((options.now ?? DEFAULT_NOW).getTime() - HISTORY_MS - 86_400_000).toISOString();
  const { userIds, created } = await writeOffice(connection, data.office, options.passwordHash, officeOpened);
  const boss = userIds.get('boss')!;
  const idOf = (username: string | null) => (username === null ? null : userIds.get(username)!);

  const summary: SeedSummary = {
    users: created,
    teams: data.office.teams.length,
    customers: 0,
    deletedCustomers: 0,
    contacts: 0,
    tags: 0,
    interactions: null,
    timings: { generate: 0, insert: 0, interactions: 0, total: 0 },
  };

  async function writeBatch(batch: SeedCustomer[]): Promise<void> {
    const inserted = performance.now();
    await bulkSession(db, 'write', async (_trx, bulk) => {
      for (const customer of batch) {
        const ownerId = idOf(customer.owner);
        const deletedBy = ownerId ?? boss;
        const { row } = customer;
        const id = bulk.insertCustomer({ ...row, owner_id: ownerId, deleted_by: row.deleted_at ? deletedBy : null });
        for (const c of customer.contacts) bulk.insertContact({ ...c, customer_id: id, deleted_by: c.deleted_at ? deletedBy : null });
        bulk.insertCustomerTags(id, customer.tags);
        bulk.indexNewCustomer(id, searchDocument(row.name, customer.contacts));
        summary.customers++;
        if (row.deleted_at) summary.deletedCustomers++;
        summary.contacts += customer.contacts.length;
        summary.tags += customer.tags.length;
      }
    });
    summary.timings.insert += performance.now() - inserted;
    options.onProgress?.(summary.customers);
  }

  let batch: SeedCustomer[] = [];
  let t = performance.now();
  for (const customer of data.customers) {
    batch.push(customer);
    if (batch.length === batchSize) {
      summary.timings.generate += performance.now() - t;
      await writeBatch(batch);
      batch = [];
      t = performance.now();
    }
  }
  summary.timings.generate += performance.now() - t;
  if (batch.length > 0) await writeBatch(batch);
  if (options.interactions) {
    const started = performance.now();
    summary.interactions = await seedInteractions(connection, {
      seed: options.seed,
      interactions: options.interactions,
      now: options.now ?? DEFAULT_NOW,
      onProgress: options.onInteractionProgress,
    });
    summary.timings.interactions = performance.now() - started;
  }
  summary.timings.total = performance.now() - started;
  return summary;
}
