import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { CITIES } from '../../db/seed/places.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { nameStem } from '../../electron/services/validation/name-stem.js';
import { migrations } from '../../migrations/index.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-01-01T00:00:00.000Z';

// Folded names with every kind of leading place, and the edge cases of "at least two characters stay"
// (𠀀 is one character in two UTF-16 units).
const places = [...new Set(CITIES.flatMap((c) => [c.province, c.city])), '中国', '内蒙古', '乌鲁木齐', '巴黎'];
const forms = places.flatMap((p) => [p, `${p}省`, `${p}市`, `${p}自治区`]);
const endings = ['', '科', '科技', '市场', '𠀀', '𠀀a', 'ab', '省直机关'];
const keys = [...new Set(forms.flatMap((form) => endings.map((ending) => `${form}${ending}`))), '', 'acmetrading', '星辰科技北京'];

describe('migration 0010-name-stem-in-app on a database whose triggers kept name_stem', () => {
  it('drops the triggers and keeps the stems, which are the ones the app computes', async () => {
    const { db, close } = openDatabase(join(dir, DATABASE_FILE));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0009-leads')).error).toBeUndefined();
    // Written by 0005's triggers: on insert, and on a later change of name_key.
    const values = keys.map((key) => sql`(${key}, ${key}, 'company', 'prospect', ${T}, ${T}, 1)`);
    await sql`INSERT INTO customers (name, name_key, kind, stage, created_at, updated_at, version) VALUES ${sql.join(values)}`.execute(db);
    await sql`UPDATE customers SET name_key = '北京市星辰科技' WHERE name_key = ''`.execute(db);

    expect((await migrateToLatest(db)).applied[0]).toBe('0010-name-stem-in-app');

    const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'customers_name_stem%'`.execute(db);
    expect(triggers.rows).toEqual([]);
    const rows = await db.selectFrom('customers').select(['name_key', 'name_stem']).orderBy('id').execute();
    expect(rows).toHaveLength(keys.length);
    expect(rows.filter((r) => r.name_stem !== nameStem(r.name_key))).toEqual([]);
    expect(rows.find((r) => r.name_key === '北京市星辰科技')?.name_stem).toBe('星辰科技');
    expect(rows.find((r) => r.name_key === '北京市场')?.name_stem).toBe('市场');
    await close();
  });
});
