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

describe('migration 0004-trash on a database written before it', () => {
  it('marks the live contacts of deleted customers as deleted with them, drops their search documents, and files audit entries by customer', async () => {
    dir = tempDir();
    const { db, close } = openDatabase(join(dir, 'old.sqlite'));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0001-init')).error).toBeUndefined();

    await sql`INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at)
              VALUES (1, 'boss', '老板', 'x', 'owner', ${T}, ${T})`.execute(db);
    for (const [id, deleted] of [[1, null], [2, T]] as const) {
      await sql`INSERT INTO customers (id, name, name_key, kind, stage, created_at, updated_at, deleted_at, deleted_by, version)
                VALUES (${id}, ${`客户${id}`}, ${`客户${id}`}, 'company', 'prospect', ${T}, ${T}, ${deleted}, ${deleted ? 1 : null}, 2)`.execute(db);
      await sql`INSERT INTO customer_search (rowid, body) VALUES (${id}, ${`客户${id}`})`.execute(db);
    }
    // Customer 2 was deleted: contact 21 was left live by the old delete, 22 had been deleted on its own.
    for (const [id, customer, deleted] of [[11, 1, null], [21, 2, null], [22, 2, '2026-01-01T00:00:00.000Z']] as const) {
      await sql`INSERT INTO contacts (id, customer_id, name, created_at, updated_at, deleted_at, version)
                VALUES (${id}, ${customer}, ${`联系人${id}`}, ${T}, ${T}, ${deleted}, 1)`.execute(db);
    }
    await sql`INSERT INTO audit_log (entity, entity_id, op, user_id, at, changes)
              VALUES ('customer', 2, 'create', 1, ${T}, '{}'), ('contact', 21, 'create', 1, ${T}, '{}')`.execute(db);

    expect((await migrateToLatest(db)).applied).toContain('0004-trash');

    const contacts = await db.selectFrom('contacts').select(['id', 'deleted_at', 'deleted_by', 'deleted_with_customer']).orderBy('id').execute();
    expect(contacts).toEqual([
      { id: 11, deleted_at: null, deleted_by: null, deleted_with_customer: 0 },
      { id: 21, deleted_at: T, deleted_by: 1, deleted_with_customer: 1 },
      { id: 22, deleted_at: '2026-01-01T00:00:00.000Z', deleted_by: null, deleted_with_customer: 0 },
    ]);
    const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM customer_search ORDER BY rowid`.execute(db);
    expect(rows.map((r) => r.rowid)).toEqual([1]);
    const audit = await db.selectFrom('audit_log').select(['entity', 'entity_id', 'customer_id']).orderBy('id').execute();
    expect(audit).toEqual([
      { entity: 'customer', entity_id: 2, customer_id: 2 },
      { entity: 'contact', entity_id: 21, customer_id: 2 },
    ]);
    await close();
  });
});
