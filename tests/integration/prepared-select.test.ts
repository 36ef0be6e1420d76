import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionWaitError } from '../../db/bounded-wait-dialect.js';
import { openDatabase, type Connection, type Db } from '../../db/connection.js';
import { inList } from '../../db/in-list.js';
import { migrateToLatest } from '../../db/migrate.js';
import { preparedSelect } from '../../db/prepared-select.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir();
let connection: Connection;
const T = '2026-03-01T00:00:00.000Z';

const teamsNamed = preparedSelect((db, $: { names: string[] }, shape: { newestFirst: boolean }) =>
  db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where(inList('name', $.names))
    .orderBy('id', shape.newestFirst ? 'desc' : 'asc'),
);
const names = async (db: Db, wanted: string[], newestFirst = false) => (await teamsNamed(db, { names: wanted }, { newestFirst })).map((r) => r.name);
const addTeam = (db: Db, name: string) => db.insertInto('teams').values({ name, manager_id: null, created_at: T }).execute();

beforeAll(async () => {
  connection = openDatabase(join(dir, 'prepared.sqlite'), { connectionWaitMs: 300 });
  await migrateToLatest(connection.db);
  for (const name of ['华北组', '华南组', '西南组']) await addTeam(connection.db, name);
});
afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a prepared select', () => {
  it('answers what the same query built anew answers, for each value and each shape', async () => {
    const { db } = connection;
    const built = async (wanted: string[], newestFirst: boolean) =>
      (
        await db
          .selectFrom('teams')
          .select('name')
          .where('name', 'in', wanted)
          .orderBy('id', newestFirst ? 'desc' : 'asc')
          .execute()
      ).map((r) => r.name);
    for (const wanted of [['华北组', '西南组'], ['华南组'], ['无此组']]) {
      for (const newestFirst of [false, true]) expect(await names(db, wanted, newestFirst)).toEqual(await built(wanted, newestFirst));
    }
    expect(await names(db, ['华北组', '华南组'], true)).toEqual(['华南组', '华北组']);
  });

  it("waits for another request's open transaction instead of reading its uncommitted rows", async () => {
    const { db } = connection;
    let rollBack!: () => void;
    const other = db.transaction().execute(async (trx) => {
      await addTeam(trx, '东北组');
      // The transaction's own reads see its row.
      expect(await names(trx, ['东北组'])).toEqual(['东北组']);
      await new Promise<void>((resolve) => (rollBack = resolve));
      throw new Error('rolled back');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    let answered: string[] | undefined;
    const reading = names(db, ['东北组']).then((r) => (answered = r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBeUndefined();
    rollBack();
    await expect(other).rejects.toThrow('rolled back');
    await reading;
    expect(answered).toEqual([]);
  });

  it('made on the database inside its own transaction, fails like any query instead of reading around it', async () => {
    const { db } = connection;
    const mistaken = db.transaction().execute(async (trx) => {
      await addTeam(trx, '东北组');
      return names(db, ['东北组']);
    });
    await expect(mistaken).rejects.toBeInstanceOf(ConnectionWaitError);
    expect(await names(db, ['东北组'])).toEqual([]);
  });

  it('refuses a placeholder used as a value in JS, and a missing value', async () => {
    const { db } = connection;
    const misused = preparedSelect((db, $: { id: number }) => db.selectFrom('teams').select('name').where('id', '=', Number($.id) + 1));
    await expect(misused(db, { id: 1 })).rejects.toThrow('Placeholder "id" used as a value');
    const stringified = preparedSelect((db, $: { ids: number[] }) => db.selectFrom('teams').select('name').where('id', 'in', JSON.parse(JSON.stringify($.ids))));
    await expect(stringified(db, { ids: [1] })).rejects.toThrow('Placeholder "ids" used as a value');
    await expect(teamsNamed(db, {} as { names: string[] }, { newestFirst: false })).rejects.toThrow('No value for "names"');
  });
});
