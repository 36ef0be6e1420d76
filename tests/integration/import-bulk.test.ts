import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sqliteHandleOf, type Connection } from '../../db/connection.js';
import { bulkSession, type CustomerBulk } from '../../db/import.repository.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { NewCustomerRow } from '../../db/tables/customer.table.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir();
let connection: Connection;

beforeAll(async () => {
  connection = openDatabase(join(dir, 'bulk.sqlite'));
  await migrateToLatest(connection.db);
});
afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

const T = '2026-03-01T00:00:00.000Z';
const customer = (name: string): NewCustomerRow => ({
  name,
  name_key: name,
  name_stem: name,
  kind: 'company',
  industry: null,
  province: null,
  city: null,
  address: null,
  source: null,
  stage: 'prospect',
  tier: null,
  owner_id: null,
  notes: null,
  last_contacted_at: null,
  next_follow_up_on: null,
  created_at: T,
  updated_at: T,
  deleted_at: null,
  deleted_by: null,
  version: 1,
});

const names = async () => (await connection.db.selectFrom('customers').select('name').orderBy('id').execute()).map((r) => r.name);

describe('bulk session (the import\'s writer)', () => {
  it('writes in one transaction: a failure part way leaves nothing of the batch', async () => {
    const failing = bulkSession(connection.db, 'write', async (_trx, bulk) => {
      bulk.insertCustomer(customer('批次甲一'));
      bulk.insertCustomer({ ...customer('批次甲二'), kind: null as unknown as 'company' });
    });
    await expect(failing).rejects.toThrow(/NOT NULL/);
    expect(await names()).toEqual([]);

    const ids = await bulkSession(connection.db, 'write', async (_trx, bulk) => [bulk.insertCustomer(customer('批次乙一')), bulk.insertCustomer(customer('批次乙二'))]);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(await names()).toEqual(['批次乙一', '批次乙二']);
  });

  it('finds a batch\'s customers by folded name in one call, and refuses to run once its session is over', async () => {
    let kept: CustomerBulk | undefined;
    const found = await bulkSession(connection.db, 'read', async (_conn, bulk) => {
      kept = bulk;
      return bulk.findCustomersByNameKeys(['批次乙二', '不存在', '批次乙一']);
    });
    expect(found.map((c) => c.name)).toEqual(['批次乙一', '批次乙二']);
    expect(() => kept!.insertCustomer(customer('会话之外'))).toThrow('Bulk session is over');
    expect(await names()).not.toContain('会话之外');
  });

  it('writes the search documents of a session together at its end, replacing those it re-indexes', async () => {
    const doc = (name: string) => ({ names: [name], emails: [], phoneDigits: [] });
    const matches = (term: string) =>
      sqliteHandleOf(connection.db).prepare('SELECT rowid FROM customer_search WHERE customer_search MATCH ? ORDER BY rowid').pluck().all(`"${term}"`);
    const dataRows = () => sqliteHandleOf(connection.db).prepare('SELECT count(*) FROM customer_search_data').pluck().get() as number;
    const before = dataRows();
    const ids = await bulkSession(connection.db, 'write', async (_trx, bulk) =>
      Array.from({ length: 200 }, (_, i) => {
        const id = bulk.insertCustomer(customer(`索引客户${i}号`));
        // Each tag's trigger (tag counts) opens a savepoint, at which FTS5 writes out what it holds.
        bulk.insertCustomerTags(id, ['批量', `标签${i % 7}`]);
        bulk.indexNewCustomer(id, doc(`索引客户${i}号`));
        expect(matches('索引客户')).toEqual([]);
        return id;
      }),
    );
    expect(matches('索引客户1')).toHaveLength(111);
    // One segment for the session: documents written between the tags' statements made one per
    // customer (13 data rows instead of 4 here; at 80k customers of a seed, ~200 customers/s).
    expect(dataRows() - before).toBeLessThanOrEqual(4);

    await bulkSession(connection.db, 'write', async (_trx, bulk) => bulk.reindexCustomer(ids[0]!, doc('改名后的客户')));
    expect(matches('改名后')).toEqual([ids[0]]);
    expect(matches('索引客户0号')).toEqual([]);
  });

  it('is only for a database openDatabase opened, never a transaction', async () => {
    await connection.db.transaction().execute(async (trx) => {
      await expect(bulkSession(trx, 'write', async () => undefined)).rejects.toThrow('Not a database opened by openDatabase');
    });
  });
});
