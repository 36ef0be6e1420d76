import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection.js';
import { listLeadPage } from '../../db/lead.repository.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedLeads } from '../../db/seed/leads.js';
import { seedDeals } from '../../db/seed/opportunities.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { seedTasks } from '../../db/seed/tasks.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { tempDir } from '../helpers/test-host.js';

// Seeding does not log anyone in; any string will do.
const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const NOW = new Date('2026-11-01T00:00:00.000Z');
const dirs: string[] = [];

async function seeded(seed: number): Promise<Connection> {
  const dir = tempDir('crm-seed-sales-');
  dirs.push(dir);
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  await seedDatabase(connection, { seed, customers: 200, passwordHash: PASSWORD_HASH, now: NOW });
  await seedDeals(connection, { seed, deals: 100, now: NOW });
  await seedLeads(connection, { seed, leads: 300, now: NOW });
  await seedTasks(connection, { seed, tasks: 1000, now: NOW });
  return connection;
}

const all = async (c: Connection, query: string) => (await sql.raw<Record<string, unknown>>(query).execute(c.db)).rows;
const count = async (c: Connection, query: string) => Number((await all(c, query))[0]!.n);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded leads and tasks', () => {
  it('are the same for the same seed, and hang together', async () => {
    const [a, b] = [await seeded(11), await seeded(11)];
    try {
      for (const table of ['leads', 'tasks']) {
        const rows = await all(a, `SELECT * FROM ${table} ORDER BY id`);
        expect(await all(b, `SELECT * FROM ${table} ORDER BY id`)).toEqual(rows);
      }
      expect(await count(a, 'SELECT count(*) AS n FROM leads')).toBe(300);
      expect(await count(a, 'SELECT count(*) AS n FROM tasks')).toBe(1000);

      // Leads: a pool of open ones, converted ones pointing at customers, every lead searchable as the app indexes it.
      expect(await count(a, "SELECT count(*) AS n FROM leads WHERE owner_id IS NULL AND status = 'converted'")).toBe(0);
      expect(await count(a, 'SELECT count(*) AS n FROM leads WHERE owner_id IS NULL')).toBeGreaterThan(20);
      expect(await count(a, "SELECT count(*) AS n FROM leads WHERE status = 'converted' AND converted_customer_id IS NULL")).toBe(0);
      expect(await count(a, 'SELECT count(*) AS n FROM lead_search')).toBe(300);
      const [lead] = await all(a, "SELECT id, company_name FROM leads WHERE company_name GLOB '*[一-龥]*' AND deleted_at IS NULL ORDER BY id LIMIT 1");
      const part = [...String(lead!.company_name)].slice(2, 4).join('');
      const found = await listLeadPage(a.db, { id: 1, role: 'owner', teamId: null }, { search: part, offset: 0, limit: 200 });
      expect(found.map((l) => l.id)).toContain(lead!.id);

      // Tasks: a customer's follow-up belongs to it; the open ones are the future and a few overdue.
      expect(await count(a, "SELECT count(*) AS n FROM tasks WHERE linked_type = 'customer' AND customer_id IS NOT linked_id")).toBe(0);
      expect(await count(a, 'SELECT count(*) AS n FROM tasks WHERE ends_at < due_at')).toBe(0);
      expect(await count(a, `SELECT count(*) AS n FROM tasks WHERE status <> 'open' AND due_at >= '${NOW.toISOString()}'`)).toBe(0);
      const overdue = await count(a, `SELECT count(*) AS n FROM tasks WHERE status = 'open' AND due_at < '${NOW.toISOString()}'`);
      expect(overdue).toBeGreaterThan(0);
      expect(overdue).toBeLessThan(60);
      // Every reminder has gone off: a host started later must not fire a backlog of them.
      expect(await count(a, 'SELECT count(*) AS n FROM tasks WHERE remind_at IS NOT NULL AND reminded_at IS NULL')).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
