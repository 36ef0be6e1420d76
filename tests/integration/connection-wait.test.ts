import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionWaitError } from '../../db/bounded-wait-dialect.js';
import { openDatabase, type Connection } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir();
let connection: Connection;
const T = '2026-03-01T00:00:00.000Z';
const teamNames = async () => (await connection.db.selectFrom('teams').select('name').execute()).map((r) => r.name);

beforeAll(async () => {
  connection = openDatabase(join(dir, 'wait.sqlite'), { connectionWaitMs: 300 });
  await migrateToLatest(connection.db);
});
afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a query that waits for the connection', () => {
  it('made on the database inside its own transaction, fails instead of hanging, and the transaction rolls back', async () => {
    const { db } = connection;
    const mistaken = db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values({ name: '华北组', manager_id: null, created_at: T }).execute();
      // The bug this guards against: `db` here, not `trx`.
      return db.selectFrom('teams').selectAll().execute();
    });
    await expect(mistaken).rejects.toBeInstanceOf(ConnectionWaitError);
    expect(await teamNames()).toEqual([]);
  });

  it('leaves the connection free afterwards: the next writes and reads go through', async () => {
    await connection.db.insertInto('teams').values({ name: '华南组', manager_id: null, created_at: T }).execute();
    expect(await teamNames()).toEqual(['华南组']);
  });

  it('waits as long as it must for a transaction that does finish', async () => {
    let finish!: () => void;
    const slow = connection.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values({ name: '西南组', manager_id: null, created_at: T }).execute();
      await new Promise<void>((resolve) => (finish = resolve));
    });
    const waiting = teamNames();
    await new Promise((resolve) => setTimeout(resolve, 100));
    finish();
    await slow;
    expect(await waiting).toEqual(['华南组', '西南组']);
  });
});
