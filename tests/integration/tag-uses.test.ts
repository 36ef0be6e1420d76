import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { migrations } from '../../migrations/index.js';
import { startTestHost, tempDir, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { company } from '../helpers/test-records.js';
import { signInColleague } from '../helpers/test-users.js';

/** The per-owner tag counts as kept, and as counted from scratch: the two must always agree. */
async function keptAndRecounted(db: Db) {
  const kept = await sql<{ tag: string; owner: number; uses: number }>`
    SELECT tag, owner_id AS owner, uses FROM customer_tag_uses WHERE uses <> 0 ORDER BY tag, owner`.execute(db);
  const recounted = await sql<{ tag: string; owner: number; uses: number }>`
    SELECT t.tag, ifnull(c.owner_id, 0) AS owner, count(*) AS uses FROM customer_tags t JOIN customers c ON c.id = t.customer_id
     WHERE c.deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return { kept: kept.rows, recounted: recounted.rows };
}

describe('per-owner tag counts (the tag suggestions)', () => {
  let t: TestHost;
  let api: ApiClient;
  let rep: { id: number; api: ApiClient };
  const agree = async () => {
    const { kept, recounted } = await keptAndRecounted(t.host.services.db);
    expect(kept).toEqual(recounted);
  };

  beforeAll(async () => {
    t = await startTestHost();
    api = t.api;
    rep = await signInColleague(t, 'rep1', 'sales');
  });
  afterAll(() => t.close());

  it('follow every write: tags set and changed, owner changes, the pool, trash, restore, merge and purge', async () => {
    const a = await api.customers.create.mutate(company('标签计数甲公司', { tags: ['VIP', '华南'] }));
    const b = await rep.api.customers.create.mutate(company('标签计数乙公司', { tags: ['VIP'] }));
    await agree();
    expect(await rep.api.customers.tags.query()).toEqual(['VIP']);
    expect(await api.customers.tags.query()).toEqual(['VIP', '华南']);

    // New tags replace the old ones; the customer goes to the rep.
    const { contacts: _a, ...aFields } = await api.customers.get.query({ id: a.id });
    const a2 = await api.customers.update.mutate({ ...aFields, tags: ['华南', '展会'], ownerId: rep.id });
    await agree();
    expect(await rep.api.customers.tags.query()).toEqual(['VIP', '华南', '展会'].sort((x, y) => (x < y ? -1 : 1)));

    // Released to the pool: its tags leave the rep's suggestions, and stay in the office's.
    await rep.api.pool.release.mutate({ kind: 'customer', id: a.id, version: a2.version, reason: '暂无需求' });
    await agree();
    expect(await rep.api.customers.tags.query()).toEqual(['VIP']);
    expect(await api.customers.tags.query()).toContain('展会');

    // Trashed, the tags go from everyone's suggestions; restored, they come back.
    await api.customers.delete.mutate({ id: b.id });
    await agree();
    expect(await rep.api.customers.tags.query()).toEqual([]);
    const entry = (await api.trash.list.query({ kind: 'customer', limit: 50 })).items.find((i) => i.id === b.id)!;
    await api.trash.restore.mutate({ kind: 'customer', id: b.id, version: entry.version });
    await agree();
    expect(await rep.api.customers.tags.query()).toEqual(['VIP']);

    // Merged: the survivor takes the other's tags, the merged one goes to the trash.
    const c = await api.customers.create.mutate(company('标签计数丙公司', { tags: ['合并'] }));
    const d = await api.customers.create.mutate(company('标签计数丁公司', { tags: ['合并', '老客户'] }));
    await api.duplicates.merge.mutate({ survivorId: c.id, survivorVersion: c.version, mergedId: d.id, mergedVersion: d.version });
    await agree();

    // Purged from the trash: nothing is left of it.
    const merged = (await api.trash.list.query({ kind: 'customer', limit: 50 })).items.find((i) => i.id === d.id)!;
    await api.trash.purge.mutate({ kind: 'customer', id: merged.id, version: merged.version });
    await agree();
    expect(await api.customers.tags.query()).toEqual(expect.arrayContaining(['合并', '老客户']));
  });
});

describe('migration 0012-tag-uses', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the tags already there: live customers only, per owner, the pool as owner 0', async () => {
    const { db, close } = openDatabase(join(dir, DATABASE_FILE));
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0011-lead-interactions')).error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await sql`INSERT INTO users (username, display_name, password_hash, role, created_at, updated_at)
        VALUES ('u1', 'U1', 'x', 'sales', ${at}, ${at}), ('u2', 'U2', 'x', 'sales', ${at}, ${at})`.execute(db);
      await sql`INSERT INTO customers (name, name_key, name_stem, kind, stage, owner_id, deleted_at, created_at, updated_at, version) VALUES
        ('甲', '甲', '甲', 'company', 'prospect', 1, NULL, ${at}, ${at}, 1),
        ('乙', '乙', '乙', 'company', 'prospect', 2, NULL, ${at}, ${at}, 1),
        ('丙', '丙', '丙', 'company', 'prospect', NULL, NULL, ${at}, ${at}, 1),
        ('丁', '丁', '丁', 'company', 'prospect', 1, ${at}, ${at}, ${at}, 1)`.execute(db);
      await sql`INSERT INTO customer_tags (customer_id, tag) VALUES (1, 'VIP'), (2, 'VIP'), (3, 'VIP'), (4, 'VIP'), (1, '华南')`.execute(db);

      expect((await migrateToLatest(db)).applied).toContain('0012-tag-uses');
      const { kept, recounted } = await keptAndRecounted(db);
      expect(kept).toEqual(recounted);
      expect(kept).toEqual([
        { tag: 'VIP', owner: 0, uses: 1 },
        { tag: 'VIP', owner: 1, uses: 1 },
        { tag: 'VIP', owner: 2, uses: 1 },
        { tag: '华南', owner: 1, uses: 1 },
      ]);
    } finally {
      await close();
    }
  });
});
