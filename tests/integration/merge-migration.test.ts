import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { migrations } from '../../migrations/index.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0005-merge', () => {
  it('gives customers that existed before it their name stem', async () => {
    const { db, close } = openDatabase(join(dir, DATABASE_FILE));
    const before = new Migrator({ db, provider: { getMigrations: async () => ({ '0001-init': migrations['0001-init']! }) } });
    expect((await before.migrateToLatest()).error).toBeUndefined();
    const now = '2026-01-01T00:00:00.000Z';
    for (const [name, key] of [
      ['北京市星辰科技有限公司', '北京市星辰科技'],
      ['上海远航', '上海远航'],
      ['北京', '北京'],
    ]) {
      // Raw SQL: the table has no name_stem yet, which today's row type requires.
      await sql`INSERT INTO customers (name, name_key, kind, stage, created_at, updated_at, version)
                VALUES (${name}, ${key}, 'company', 'prospect', ${now}, ${now}, 1)`.execute(db);
    }

    await migrateToLatest(db);
    const stems = await db.selectFrom('customers').select(['name_key', 'name_stem']).orderBy('id').execute();
    expect(stems).toEqual([
      { name_key: '北京市星辰科技', name_stem: '星辰科技' },
      { name_key: '上海远航', name_stem: '远航' },
      // A name that is only a place keeps it.
      { name_key: '北京', name_stem: '北京' },
    ]);
    await close();
  });
});
