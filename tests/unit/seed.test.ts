import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import type { Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { contactFields, customerFields, listCustomersInput } from '../../electron/api/schemas/customers.schema.js';
import { createHost, DATABASE_FILE, type Host } from '../../electron/host.js';
import { contactRow } from '../../electron/services/contacts.service.js';
import type { UserContext } from '../../electron/services/context.js';
import { reindexCustomer } from '../../electron/services/customer-search.js';
import { listCustomers } from '../../electron/services/customers.service.js';
import { nameKey } from '../../electron/services/validation/name-key.js';
import { nameStem } from '../../electron/services/validation/name-stem.js';
import { formatPhone } from '../../electron/services/validation/phone.js';
import { tempDir } from '../helpers/test-host.js';

// Seeding does not log anyone in; any string will do, and hashing for real is slow.
const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const dirs: string[] = [];

async function seeded(seed: number, customers = 200): Promise<string> {
  const dir = tempDir('crm-seed-');
  dirs.push(dir);
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  await seedDatabase(connection, { seed, customers, passwordHash: PASSWORD_HASH, batchSize: 64 });
  await connection.close();
  return dir;
}

async function dump(db: Db) {
  const all = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(db)).rows;
  return {
    users: await all('SELECT * FROM users ORDER BY id'),
    teams: await all('SELECT * FROM teams ORDER BY id'),
    customers: await all('SELECT * FROM customers ORDER BY id'),
    contacts: await all('SELECT * FROM contacts ORDER BY id'),
    tags: await all('SELECT * FROM customer_tags ORDER BY customer_id, tag'),
    search: await all('SELECT rowid, body FROM customer_search ORDER BY rowid'),
    pairs: await all('SELECT rowid, body FROM customer_search_pairs ORDER BY rowid'),
  };
}

let host: Host;
let data: Awaited<ReturnType<typeof dump>>;

beforeAll(async () => {
  host = await createHost({ dataDir: await seeded(42) });
  data = await dump(host.services.db);
});

afterAll(async () => {
  await host.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded data', () => {
  it('is the same row for row for the same seed, and different for another', async () => {
    const again = await createHost({ dataDir: await seeded(42) });
    const other = await createHost({ dataDir: await seeded(43) });
    try {
      expect(await dump(again.services.db)).toEqual(data);
      expect((await dump(other.services.db)).customers).not.toEqual(data.customers);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('has 200 customers with 1-5 contacts each, 3 on average, exactly one primary', () => {
    expect(data.customers).toHaveLength(200);
    expect(data.contacts).toHaveLength(600);
    const byCustomer = new Map<unknown, typeof data.contacts>();
    for (const c of data.contacts) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c]);
    expect(byCustomer.size).toBe(200);
    for (const contacts of byCustomer.values()) {
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(5);
      expect(contacts.filter((c) => c.is_primary === 1)).toHaveLength(1);
    }
  });

  it('passes the app’s own validation and is stored as the app stores it', () => {
    for (const c of data.customers) {
      expect(c.name_key).toBe(nameKey(c.name as string));
      expect(c.name_stem).toBe(nameStem(c.name_key as string));
      const fields = customerFields.safeParse({ ...c, ownerId: c.owner_id, nextFollowUpOn: c.next_follow_up_on, tags: [] });
      expect(fields.error?.issues ?? [], String(c.name)).toEqual([]);
    }
    for (const k of data.contacts) {
      // What the contact form receives (phones formatted for display) must validate and store back unchanged.
      const input = {
        name: k.name,
        title: k.title,
        mobile: k.mobile ? formatPhone(k.mobile as string) : null,
        landline: k.landline ? formatPhone(k.landline as string) : null,
        email: k.email,
        wechatId: k.wechat_id,
        birthday: k.birthday,
        gender: k.gender,
        isPrimary: k.is_primary === 1,
      };
      const parsed = contactFields.safeParse(input);
      expect(parsed.error?.issues ?? [], JSON.stringify(input)).toEqual([]);
      const stored = contactRow(k.customer_id as number, parsed.data!, k.created_at as string);
      expect({ mobile: stored.mobile, landline: stored.landline, email: stored.email }).toEqual({
        mobile: k.mobile,
        landline: k.landline,
        email: k.email,
      });
    }
  });

  it('has the search documents reindexCustomer would write', async () => {
    await host.services.db.transaction().execute(async (trx) => {
      for (const c of data.customers) await reindexCustomer(trx, c.id as number, c.name as string);
    });
    const after = await dump(host.services.db);
    expect(after.search).toEqual(data.search);
    expect(after.pairs).toEqual(data.pairs);
  });
});

describe('seeded customers are found by the customer list search', () => {
  const ctx = async (): Promise<UserContext> => {
    const boss = await host.services.db.selectFrom('users').selectAll().where('username', '=', 'boss').executeTakeFirstOrThrow();
    return { ...host.services, user: { id: boss.id, username: boss.username, displayName: boss.display_name, role: boss.role, teamId: boss.team_id } };
  };
  const liveCustomer = (id: unknown) => data.customers.find((c) => c.id === id && c.deleted_at === null);
  const found = async (search: string) =>
    (await listCustomers(await ctx(), listCustomersInput.parse({ search, limit: 200 }))).items.map((i) => i.id);

  it('by two characters from the middle of a contact’s Chinese name', async () => {
    const contacts = data.contacts.filter(
      (k) => /^[\u4e00-\u9fff]{3}$/.test(k.name as string) && k.deleted_at === null && liveCustomer(k.customer_id),
    );
    expect(contacts.length).toBeGreaterThan(10);
    for (const contact of contacts.slice(0, 10)) {
      expect(await found((contact.name as string).slice(1))).toContain(contact.customer_id);
    }
  });

  it('by the last four digits of a contact’s mobile', async () => {
    const contacts = data.contacts.filter(
      (k) => (k.mobile as string | null)?.startsWith('+861') && k.deleted_at === null && liveCustomer(k.customer_id),
    );
    expect(contacts.length).toBeGreaterThan(10);
    for (const contact of contacts.slice(0, 10)) {
      expect(await found((contact.mobile as string).slice(-4))).toContain(contact.customer_id);
    }
  });
});
