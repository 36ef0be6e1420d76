import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { tempDir } from '../helpers/test-host.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-01-05T08:00:00.000Z';

describe('migration 0011-lead-interactions on a database written before it', () => {
  it("keeps every interaction and its participants, lets a lead's interaction have no customer, and keeps the keys", async () => {
    dir = tempDir();
    const { db, sqlite, close } = openDatabase(join(dir, 'old.sqlite'));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0009-leads')).error).toBeUndefined();

    await sql`INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at)
              VALUES (1, 'boss', '老板', 'x', 'owner', ${T}, ${T})`.execute(db);
    await sql`INSERT INTO customers (id, name, name_key, kind, stage, created_at, updated_at, version)
              VALUES (1, '老客户', '老客户', 'company', 'customer', ${T}, ${T}, 1)`.execute(db);
    await sql`INSERT INTO contacts (id, customer_id, name, created_at, updated_at, version) VALUES (11, 1, '老联系人', ${T}, ${T}, 1)`.execute(db);
    for (const id of [101, 102]) {
      await sql`INSERT INTO interactions (id, customer_id, type, occurred_at, content, created_by, created_at, updated_at, version)
                VALUES (${id}, 1, 'call', ${T}, ${`通话${id}`}, 1, ${T}, ${T}, 1)`.execute(db);
      await sql`INSERT INTO interaction_staff (interaction_id, user_id) VALUES (${id}, 1)`.execute(db);
      await sql`INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (${id}, 11)`.execute(db);
    }

    expect((await migrateToLatest(db)).applied).toContain('0011-lead-interactions');

    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await db.selectFrom('interactions').select(['id', 'customer_id', 'content']).orderBy('id').execute()).toEqual([
      { id: 101, customer_id: 1, content: '通话101' },
      { id: 102, customer_id: 1, content: '通话102' },
    ]);
    expect(await db.selectFrom('interaction_staff').selectAll().orderBy('interaction_id').execute()).toEqual([
      { interaction_id: 101, user_id: 1 },
      { interaction_id: 102, user_id: 1 },
    ]);
    const indexes = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'interactions_lead_id' }, { name: 'interactions_opportunity_id' }, { name: 'interactions_timeline' }]);

    // A lead's interaction without a customer is allowed now.
    await sql`INSERT INTO interactions (id, customer_id, lead_id, type, occurred_at, created_by, created_at, updated_at, version)
              VALUES (103, NULL, 7, 'note', ${T}, 1, ${T}, ${T}, 1)`.execute(db);
    // The participants still point at the interactions table, and its own keys still hold.
    await expect(sql`INSERT INTO interaction_staff (interaction_id, user_id) VALUES (999, 1)`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      sql`INSERT INTO interactions (customer_id, type, occurred_at, created_by, created_at, updated_at) VALUES (42, 'note', ${T}, 1, ${T}, ${T})`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    // Purging the customer still takes its interactions and their participants with it.
    await sql`DELETE FROM contacts WHERE customer_id = 1`.execute(db);
    await sql`DELETE FROM customers WHERE id = 1`.execute(db);
    expect(await db.selectFrom('interactions').select('id').execute()).toEqual([{ id: 103 }]);
    expect(await db.selectFrom('interaction_staff').selectAll().execute()).toEqual([]);
    await close();
  });
});
