import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection, type Db } from '../../db/connection.js';
import {
  BROAD_SET,
  countCustomers,
  CUSTOMER_SORT_COLUMNS,
  listCustomerPage,
  listCustomersAndCount,
  listTags,
  type CustomerSortKey,
} from '../../db/customer.repository.js';
import { migrateToLatest } from '../../db/migrate.js';
import { parseSearch } from '../../db/search.js';
import { seedDatabase } from '../../db/seed/seed.js';
import type { Viewer } from '../../db/visibility.js';
import { listCustomersInput, type ListCustomersInput } from '../../electron/api/schemas/customers.schema.js';
import * as m0001 from '../../migrations/0001-init.js';
import { tempDir } from '../helpers/test-host.js';

/**
 * The list's queries (migration 0002's indexes, ids-first pages, counts that subtract the trash, broad
 * sets probed) must return exactly what the plain queries they replaced return. The plain queries live
 * here as the reference: one WHERE clause, ORDER BY the column then id, OFFSET/LIMIT over everything.
 * The database is made at 0001 with seeded data, then migrated, as an existing office's would be.
 */

const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const TRASHED_AT = '2026-01-01T00:00:00.000Z';

let dir: string;
let connection: Connection;
let db: Db;
const viewers: Record<'owner' | 'manager' | 'sales' | 'service', Viewer> = {} as never;
const before: { pairs: unknown[]; results: unknown[] } = { pairs: [], results: [] };
let applied: string[];

function quote(term: string) {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The old WHERE clause, written out plainly. */
function referenceWhere(viewer: Viewer, f: ListCustomersInput): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [sql`c.deleted_at IS NULL`];
  if (viewer.role === 'sales') where.push(sql`c.owner_id = ${viewer.id}`);
  if (viewer.role === 'manager') {
    where.push(sql`(c.owner_id = ${viewer.id} OR c.owner_id IN (SELECT id FROM users WHERE team_id = ${viewer.teamId}))`);
  }
  if (f.search) {
    const { substrings, pairs } = parseSearch(f.search);
    for (const s of substrings) where.push(sql`c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ${quote(s)})`);
    for (const p of pairs) {
      const match = [...p].length === 1 ? `${quote(p)}*` : quote(p);
      where.push(sql`c.id IN (SELECT rowid FROM customer_search_pairs WHERE customer_search_pairs MATCH ${match})`);
    }
  }
  if (f.tag) where.push(sql`EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ${f.tag})`);
  if (f.stages?.length) where.push(sql`c.stage IN (${sql.join(f.stages)})`);
  if (f.ownerIds?.length) where.push(sql`c.owner_id IN (${sql.join(f.ownerIds)})`);
  if (f.province) where.push(sql`c.province = ${f.province}`);
  if (f.city) where.push(sql`c.city = ${f.city}`);
  if (f.createdFrom) where.push(sql`c.created_at >= ${f.createdFrom}`);
  if (f.createdTo) where.push(sql`c.created_at < ${f.createdTo}`);
  return sql.join(where, sql` AND `);
}

/** Every matching id in list order. */
async function referenceIds(viewer: Viewer, f: ListCustomersInput): Promise<number[]> {
  const column = sql.ref(CUSTOMER_SORT_COLUMNS[f.sort]);
  const direction = sql.raw(f.direction);
  const { rows } = await sql<{ id: number }>`
    SELECT c.id FROM customers c LEFT JOIN users u ON u.id = c.owner_id
    WHERE ${referenceWhere(viewer, f)}
    ORDER BY ${column} ${direction}, ${f.sort === 'owner' ? sql`c.owner_id ${direction},` : sql``} c.id ${direction}`.execute(db);
  return rows.map((r) => r.id);
}

const input = (f: object) => listCustomersInput.parse({ limit: 50, ...f });

/** The offsets worth checking for a list of `total`: the start, a deep page, the last (partial) page, past the end. */
const offsetsFor = (total: number) => [...new Set([0, Math.floor(total / 2), Math.max(0, total - 17), total + 10])];

async function expectSameAsReference(viewer: Viewer, f: ListCustomersInput) {
  const all = await referenceIds(viewer, f);
  expect(await countCustomers(db, viewer, f)).toBe(all.length);
  for (const offset of offsetsFor(all.length)) {
    const page = await listCustomerPage(db, viewer, { ...f, offset });
    expect(page.map((r) => r.id), `offset ${offset}`).toEqual(all.slice(offset, offset + f.limit));
    // The list's own call, which decides how sets join once for the page and the count.
    const both = await listCustomersAndCount(db, viewer, { ...f, offset });
    expect({ ids: both.rows.map((r) => r.id), total: both.total }, `offset ${offset}`).toEqual({ ids: page.map((r) => r.id), total: all.length });
  }
  return all;
}

async function setSize(query: RawBuilder<{ n: number }>) {
  return Number((await query.execute(db)).rows[0]?.n);
}

/**
 * Seeded data in a database at an older schema: the seed writes today's columns, so it fills a database
 * of its own and the rows are copied over, each table with the columns it has here.
 */
async function copySeededData(target: Db, seededFile: string) {
  const seeded = openDatabase(seededFile);
  await migrateToLatest(seeded.db);
  await seedDatabase(seeded, { seed: 11, customers: 4000, passwordHash: PASSWORD_HASH });
  await seeded.close();
  await sql`ATTACH ${seededFile} AS seeded`.execute(target);
  for (const table of ['teams', 'users', 'customers', 'contacts', 'customer_tags', 'customer_search', 'customer_search_pairs']) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(target);
    // The search indexes' documents are their rowids (the customer ids) and bodies.
    const columns = sql.join([...(table.startsWith('customer_search') ? ['rowid'] : []), ...rows.map((r) => r.name)].map((c) => sql.ref(c)));
    await sql`INSERT INTO ${sql.table(table)} (${columns}) SELECT ${columns} FROM ${sql.table(`seeded.${table}`)}`.execute(target);
  }
  await sql`DETACH seeded`.execute(target);
}

beforeAll(async () => {
  dir = tempDir('crm-list-');
  connection = openDatabase(join(dir, 'office-crm.sqlite'));
  db = connection.db;
  // An office's database as the previous release left it: schema 0001, real-looking data.
  const at0001 = await new Migrator({ db, provider: { getMigrations: async () => ({ '0001-init': m0001 }) } }).migrateToLatest();
  expect(at0001.error).toBeUndefined();
  await copySeededData(db, join(dir, 'seeded.sqlite'));
  // A broad tag (most customers), a fuller trash, and a tag only trashed customers carry.
  await sql`INSERT INTO customer_tags (customer_id, tag) SELECT id, 'bulk' FROM customers WHERE id % 4 <> 0`.execute(db);
  await sql`UPDATE customers SET deleted_at = ${TRASHED_AT} WHERE id % 17 = 0 AND deleted_at IS NULL`.execute(db);
  await sql`INSERT INTO customer_tags (customer_id, tag) VALUES (17, 'only-in-trash'), (34, 'only-in-trash')`.execute(db);

  const user = async (username: string): Promise<Viewer> => {
    const u = await db.selectFrom('users').select(['id', 'role', 'team_id']).where('username', '=', username).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, teamId: u.team_id };
  };
  viewers.owner = await user('boss');
  viewers.manager = await user('manager1');
  viewers.sales = await user('sales1');
  viewers.service = await user('service1');

  before.pairs = (await sql`SELECT rowid, body FROM customer_search_pairs ORDER BY rowid`.execute(db)).rows;
  before.results = await Promise.all(
    [{}, { search: '有' }, { search: '科技' }, { tag: 'bulk' }].map((f) => referenceIds(viewers.manager, input(f))),
  );
  applied = (await migrateToLatest(db)).applied;
});

afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0002 on a database made at 0001', () => {
  it('applies, replacing the list indexes by partial ones and keeping every search document', async () => {
    expect(applied[0]).toBe('0002-list-indexes');
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name`.execute(db);
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['customers_live_updated_at', 'customers_live_owner_updated', 'customers_trash_ids']));
    expect(names).not.toContain('customers_updated_at');
    expect(names).toContain('customers_name_key');
    // 0002 rebuilds the pairs index from its rows; 0004 then drops the documents of trashed customers.
    const trashed = new Set(
      (await sql<{ id: number }>`SELECT id FROM customers WHERE deleted_at IS NOT NULL`.execute(db)).rows.map((r) => r.id),
    );
    const kept = before.pairs.filter((row) => !trashed.has((row as { rowid: number }).rowid));
    expect((await sql`SELECT rowid, body FROM customer_search_pairs ORDER BY rowid`.execute(db)).rows).toEqual(kept);
  });

  it('leaves the data answering exactly as before', async () => {
    const after = await Promise.all(
      [{}, { search: '有' }, { search: '科技' }, { tag: 'bulk' }].map((f) => referenceIds(viewers.manager, input(f))),
    );
    expect(after).toEqual(before.results);
  });
});

describe('the list agrees with the plain queries', () => {
  const sortKeys = Object.keys(CUSTOMER_SORT_COLUMNS) as CustomerSortKey[];

  it('the premise: "bulk", "有" and "有限公" are broad sets, "VIP" and "科技" narrow ones', async () => {
    const tagged = (tag: string) => sql<{ n: number }>`SELECT count(*) AS n FROM customer_tags WHERE tag = ${tag}`;
    const pairs = (match: string) =>
      sql<{ n: number }>`SELECT count(*) AS n FROM customer_search_pairs WHERE customer_search_pairs MATCH ${match}`;
    expect(await setSize(tagged('bulk'))).toBeGreaterThanOrEqual(BROAD_SET);
    expect(await setSize(pairs('"有"*'))).toBeGreaterThanOrEqual(BROAD_SET);
    expect(
      await setSize(sql`SELECT count(*) AS n FROM customer_search WHERE customer_search MATCH '"有限公"'`),
    ).toBeGreaterThanOrEqual(BROAD_SET);
    expect(await setSize(tagged('VIP'))).toBeLessThan(BROAD_SET);
    expect(await setSize(pairs('"科技"'))).toBeLessThan(BROAD_SET);
  });

  it('every sort key in both directions, first, deep and last pages', async () => {
    for (const sort of sortKeys) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = await expectSameAsReference(viewers.owner, input({ sort, direction }));
        expect(all.length).toBeGreaterThan(3000);
      }
    }
  });

  it('the owner sort: ownerless customers first ascending, last descending, pages straddling the edge', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const f = input({ sort: 'owner', direction });
      const all = await referenceIds(viewers.owner, f);
      const owners = new Map(
        (await db.selectFrom('customers').select(['id', 'owner_id']).execute()).map((r) => [r.id, r.owner_id]),
      );
      const edge = all.findIndex((id, i) => i > 0 && (owners.get(id) === null) !== (owners.get(all[i - 1]!) === null));
      expect(owners.get(all[0]!) === null).toBe(direction === 'asc');
      expect(edge).toBeGreaterThan(60);
      for (let offset = edge - 60; offset <= edge + 10; offset += 7) {
        const page = await listCustomerPage(db, viewers.owner, { ...f, offset });
        expect(page.map((r) => r.id), `${direction} offset ${offset}`).toEqual(all.slice(offset, offset + 50));
      }
    }
  });

  it('every sort key over a broad set (read by probing it)', async () => {
    for (const sort of sortKeys) {
      await expectSameAsReference(viewers.owner, input({ sort, direction: 'asc', tag: 'bulk' }));
      await expectSameAsReference(viewers.manager, input({ sort, direction: 'desc', search: '有' }));
    }
  });

  it('filters, searches and their combinations, for every role', async () => {
    const [sample] = (
      await sql<{ owner_id: number; province: string; city: string }>`
        SELECT owner_id, province, city FROM customers WHERE deleted_at IS NULL AND owner_id IS NOT NULL AND city IS NOT NULL LIMIT 1`.execute(db)
    ).rows;
    const filters = [
      {},
      { tag: 'bulk' },
      { tag: 'VIP' },
      { tag: 'only-in-trash' },
      { tag: 'no-such-tag' },
      { search: '有' },
      { search: '有限公' },
      { search: '科技' },
      { search: '王' },
      { search: '有 王' },
      { search: '有', tag: 'bulk' },
      { search: '有', tag: 'VIP' },
      { search: '没有这个' },
      { stages: ['customer', 'repeat'] },
      { stages: ['customer'], tag: 'bulk' },
      { stages: ['prospect'], search: '有' },
      { ownerIds: [sample!.owner_id, viewers.sales.id] },
      { ownerIds: [sample!.owner_id], search: '有' },
      { province: sample!.province, city: sample!.city },
      { province: sample!.province, tag: 'bulk' },
      { createdFrom: '2025-01-01T00:00:00.000Z', createdTo: '2025-07-01T00:00:00.000Z' },
    ];
    for (const viewer of Object.values(viewers)) {
      for (const f of filters) await expectSameAsReference(viewer, input(f));
    }
  });
});

describe('tag suggestions', () => {
  async function referenceTags(viewer: Viewer) {
    const { rows } = await sql<{ tag: string }>`
      SELECT t.tag, count(*) AS n FROM customer_tags t JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = c.owner_id
      WHERE ${referenceWhere(viewer, input({}))}
      GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT 200`.execute(db);
    return rows.map((r) => r.tag);
  }

  it('are the tags of live customers the viewer can see, most used first', async () => {
    for (const viewer of Object.values(viewers)) {
      const tags = await listTags(db, viewer);
      expect(tags).toEqual(await referenceTags(viewer));
      expect(tags).not.toContain('only-in-trash');
    }
    expect((await listTags(db, viewers.owner))[0]).toBe('bulk');
  });

  it('a sales rep sees only the tags on their own customers', async () => {
    await sql`INSERT INTO customer_tags (customer_id, tag)
      SELECT id, 'someone-else' FROM customers WHERE deleted_at IS NULL AND owner_id <> ${viewers.sales.id} LIMIT 3`.execute(db);
    expect(await listTags(db, viewers.owner)).toContain('someone-else');
    expect(await listTags(db, viewers.sales)).not.toContain('someone-else');
  });
});
