import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDatabase, type SeedSummary } from '../../db/seed/seed.js';
import { createInteractionInput } from '../../electron/api/schemas/interactions.schema.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { tempDir } from '../helpers/test-host.js';

// Seeding does not log anyone in; any string will do, and hashing for real is slow.
const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const dirs: string[] = [];

type Rows = Record<string, unknown>[];

async function seeded(seed: number): Promise<{ summary: SeedSummary; dump: Record<string, Rows> }> {
  const dir = tempDir('crm-seed-interactions-');
  dirs.push(dir);
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  const summary = await seedDatabase(connection, {
    seed,
    customers: 150,
    interactions: 3000,
    passwordHash: PASSWORD_HASH,
    batchSize: 64,
  });
  const dump = await dumpOf(connection.db);
  await connection.close();
  return { summary, dump };
}

async function dumpOf(db: Db): Promise<Record<string, Rows>> {
  const all = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(db)).rows;
  return {
    interactions: await all('SELECT * FROM interactions ORDER BY id'),
    staff: await all('SELECT * FROM interaction_staff ORDER BY interaction_id, user_id'),
    contacts: await all('SELECT * FROM interaction_contacts ORDER BY interaction_id, contact_id'),
    customers: await all('SELECT id, last_contacted_at, deleted_at, created_at FROM customers ORDER BY id'),
    customerContacts: await all('SELECT id, customer_id FROM contacts'),
  };
}

let first: Awaited<ReturnType<typeof seeded>>;

beforeAll(async () => {
  first = await seeded(7);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded interactions', () => {
  it('are the same row for row for the same seed, and different for another', async () => {
    expect((await seeded(7)).dump).toEqual(first.dump);
    expect((await seeded(8)).dump.interactions).not.toEqual(first.dump.interactions);
  });

  it('number as asked, with a heavy tail: the busiest customer has many times the average', () => {
    const { interactions } = first.dump;
    expect(interactions).toHaveLength(3000);
    expect(first.summary.interactions?.interactions).toBe(3000);
    expect(first.summary.interactions!.busiest!.interactions).toBeGreaterThan(5 * (3000 / 150));
  });

  it('pass the app’s own validation, and happen after the customer was created', () => {
    const created = new Map(first.dump.customers!.map((c) => [c.id, c.created_at as string]));
    for (const i of first.dump.interactions!) {
      const parsed = createInteractionInput.safeParse({
        customerId: i.customer_id,
        type: i.type,
        channel: i.channel,
        direction: i.direction,
        occurredAt: i.occurred_at,
        durationMinutes: i.duration_minutes,
        content: i.content,
        outcome: i.outcome,
        nextStep: i.next_step,
        nextFollowUpOn: i.next_follow_up_on,
        // A log through the app with a follow-up date also says how to make its task.
        followUp: i.next_follow_up_on ? { timeZone: 'Asia/Shanghai' } : null,
      });
      expect(parsed.error?.issues ?? [], JSON.stringify(i)).toEqual([]);
      expect(i.occurred_at as string >= created.get(i.customer_id)!).toBe(true);
    }
  });

  it('name only contacts of their own customer, and at least one colleague each', () => {
    const customerOf = new Map(first.dump.customerContacts!.map((k) => [k.id, k.customer_id]));
    const interactionCustomer = new Map(first.dump.interactions!.map((i) => [i.id, i.customer_id]));
    for (const link of first.dump.contacts!) {
      expect(customerOf.get(link.contact_id)).toBe(interactionCustomer.get(link.interaction_id));
    }
    expect(new Set(first.dump.staff!.map((s) => s.interaction_id)).size).toBe(3000);
  });

  it("set each live customer's last contact to its latest interaction other than a note", () => {
    const latest = new Map<unknown, string>();
    for (const i of first.dump.interactions!) {
      if (i.type === 'note') continue;
      const at = i.occurred_at as string;
      if (at > (latest.get(i.customer_id) ?? '')) latest.set(i.customer_id, at);
    }
    for (const c of first.dump.customers!.filter((c) => c.deleted_at === null)) {
      expect(c.last_contacted_at, `customer ${String(c.id)}`).toBe(latest.get(c.id) ?? null);
    }
  });
});
