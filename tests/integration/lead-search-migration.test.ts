import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { countLeads, listLeadPage } from '../../db/lead.repository.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { tempDir } from '../helpers/test-host.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-01-05T08:00:00.000Z';
const boss = { id: 1, role: 'owner' as const, teamId: null };

describe('migration 0014-lead-search on a database written before it', () => {
  it('indexes the leads already there, so a search finds them by name, phone and e-mail', async () => {
    dir = tempDir();
    const { db, close } = openDatabase(join(dir, 'old.sqlite'));
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0013-task-indexes')).error).toBeUndefined();
      await sql`INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at)
                VALUES (1, 'boss', '老板', 'x', 'owner', ${T}, ${T})`.execute(db);
      const leads = [
        [1, '杭州安思特科技有限公司', '欧阳明轩', '+8613906781234', 'mingxuan@ansite.cn'],
        [2, null, '王芳', null, null],
        [3, 'Northwind Trading Ltd.', 'Anna Lee', '+85291234567', null],
      ] as const;
      for (const [id, company, person, mobile, email] of leads) {
        await sql`INSERT INTO leads (id, company_name, person_name, mobile, email, status, score, created_by, created_at, updated_at)
                  VALUES (${id}, ${company}, ${person}, ${mobile}, ${email}, 'new', 0, 1, ${T}, ${T})`.execute(db);
      }

      expect((await migrateToLatest(db)).applied).toContain('0014-lead-search');

      const found = async (search: string) => (await listLeadPage(db, boss, { search, offset: 0, limit: 10 })).map((l) => l.id);
      expect(await found('安思')).toEqual([1]);
      expect(await found('139 0678 1234')).toEqual([1]);
      expect(await found('mingxuan')).toEqual([1]);
      expect(await found('王芳')).toEqual([2]);
      expect(await found('northwind')).toEqual([3]);
      expect(await found('9123 4567')).toEqual([3]);
      expect(await countLeads(db, boss, { search: '王' })).toBe(1);
      expect(await found('没有这个')).toEqual([]);
    } finally {
      await close();
    }
  });
});
