import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { countHistory, listHistory } from '../../db/audit.repository.js';
import { openDatabase, type Connection } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedHistory, type SeedHistorySummary } from '../../db/seed/history.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { tempDir } from '../helpers/test-host.js';

// Seeding does not log anyone in; any string will do.
const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const NOW = new Date('2026-11-01T00:00:00.000Z');
const dirs: string[] = [];

async function seeded(seed: number): Promise<{ connection: Connection; summary: SeedHistorySummary }> {
  const dir = tempDir('crm-seed-history-');
  dirs.push(dir);
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  await seedDatabase(connection, { seed, customers: 150, interactions: 1500, passwordHash: PASSWORD_HASH, now: NOW });
  return { connection, summary: await seedHistory(connection, { seed, editsPerCustomer: 3 }) };
}

const all = async (c: Connection, query: string) => (await sql.raw<Record<string, unknown>>(query).execute(c.db)).rows;
const count = async (c: Connection, query: string) => Number((await all(c, query))[0]!.n);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded change history', () => {
  it('is the same for the same seed, and every change follows from the one before', async () => {
    const [a, b] = [await seeded(5), await seeded(5)];
    const c = a.connection;
    try {
      const entries = await all(c, 'SELECT * FROM audit_log ORDER BY id');
      expect(await all(b.connection, 'SELECT * FROM audit_log ORDER BY id')).toEqual(entries);
      expect(a.summary.entries).toBe(entries.length);

      // One creation per customer, contact and interaction; the trash's deleted.
      for (const [entity, table] of [['customer', 'customers'], ['contact', 'contacts'], ['interaction', 'interactions']]) {
        const created = await count(c, `SELECT count(DISTINCT entity_id) AS n FROM audit_log WHERE entity = '${entity}' AND op = 'create'`);
        expect(created).toBe(await count(c, `SELECT count(*) AS n FROM ${table}`));
        expect(created).toBe(await count(c, `SELECT count(*) AS n FROM audit_log WHERE entity = '${entity}' AND op = 'create'`));
      }
      const trashed = await count(c, 'SELECT count(*) AS n FROM customers WHERE deleted_at IS NOT NULL');
      expect(trashed).toBeGreaterThan(0);
      expect(await count(c, "SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND op = 'delete'")).toBe(trashed);
      const contactsTrashed = await count(c, 'SELECT count(*) AS n FROM contacts WHERE deleted_at IS NOT NULL');
      expect(await count(c, "SELECT count(*) AS n FROM audit_log WHERE entity = 'contact' AND op = 'delete'")).toBe(contactsTrashed);

      // Replaying each customer's entries in id order ends at the customer as it is, each "before" the value then.
      const fields = { stage: 'stage', tier: 'tier', ownerId: 'owner_id', notes: 'notes', nextFollowUpOn: 'next_follow_up_on' } as const;
      const customers = await all(c, 'SELECT * FROM customers');
      const edits = await count(c, "SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND op = 'update'");
      expect(edits).toBeGreaterThan(customers.length);
      for (const customer of customers) {
        const own = entries.filter((e) => e.entity === 'customer' && e.entity_id === customer.id && e.op !== 'delete');
        expect(own[0]!.op).toBe('create');
        const state: Record<string, unknown> = Object.fromEntries(
          Object.entries(JSON.parse(String(own[0]!.changes)) as Record<string, [unknown, unknown]>).map(([field, [, value]]) => [field, value]),
        );
        for (const entry of own.slice(1)) {
          for (const [field, [before, after]] of Object.entries(JSON.parse(String(entry.changes)) as Record<string, [unknown, unknown]>)) {
            expect(before ?? null).toEqual(state[field] ?? null);
            state[field] = after;
          }
        }
        for (const [field, column] of Object.entries(fields)) expect([customer.id, field, state[field] ?? null]).toEqual([customer.id, field, customer[column]]);
      }

      // The busiest customer's long history pages newest first, as the history tab asks for it.
      const busiest = a.summary.busiest!;
      expect(busiest.entries).toBeGreaterThan(1000);
      expect(await countHistory(c.db, { customerId: busiest.customerId })).toBe(busiest.entries);
      const page = await listHistory(c.db, { customerId: busiest.customerId }, { offset: 0, limit: 50 });
      expect(page).toHaveLength(50);
      expect(page.map((e) => e.at)).toEqual(page.map((e) => e.at).sort().reverse());
    } finally {
      await a.connection.close();
      await b.connection.close();
    }
  });
});
