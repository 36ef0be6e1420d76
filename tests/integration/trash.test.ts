import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../electron/events.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { company } from '../helpers/test-records.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
let api: ApiClient;
let sales: { id: number; api: ApiClient };
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  sales = await signInColleague(t, 'sales1', 'sales');
});
afterAll(() => t.close());

/** Every step a minute later, so "newest first" has something to order. */
const tick = () => clock.advance(60_000);

async function trashEntry(kind: 'customer' | 'contact', id: number, client = api) {
  const { items } = await client.trash.list.query({ kind, limit: 200 });
  const entry = items.find((i) => i.id === id);
  if (!entry) throw new Error(`${kind} ${id} is not in the trash`);
  return entry;
}

async function searchDocuments(customerId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM customer_search WHERE rowid = ${customerId})
         + (SELECT count(*) FROM customer_search_pairs WHERE rowid = ${customerId}) AS n`.execute(t.host.services.db);
  return rows[0]!.n;
}

describe('trash: delete and restore', () => {
  it('brings a customer back with the contacts deleted with it; one deleted on its own before stays in the trash', async () => {
    const customer = await api.customers.create.mutate(company('苏州回收测试有限公司', { primaryContact: { name: '周一' } }));
    const second = await api.contacts.create.mutate({ customerId: customer.id, name: '周二', confirmDuplicates: true });
    const earlier = await api.contacts.create.mutate({ customerId: customer.id, name: '周三', confirmDuplicates: true });
    tick();
    await api.contacts.delete.mutate({ id: earlier.id });
    tick();
    await api.customers.delete.mutate({ id: customer.id });

    const entry = await trashEntry('customer', customer.id);
    expect(entry).toMatchObject({ name: '苏州回收测试有限公司', contacts: 2, deletedByName: '老板' });
    expect(await trashEntry('contact', earlier.id)).toMatchObject({ customerName: '苏州回收测试有限公司', customerDeleted: true });
    // Contacts deleted with the customer are part of its entry, not entries of their own.
    const { items: contactEntries } = await api.trash.list.query({ kind: 'contact', limit: 200 });
    expect(contactEntries.map((c) => c.id)).not.toContain(second.id);

    const events: ChangeEvent[] = [];
    const stop = t.host.events.subscribe((e) => events.push(e));
    expect(await api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: entry.version })).toEqual({
      customerId: customer.id,
    });
    stop();

    const restored = await api.customers.get.query({ id: customer.id });
    expect(restored.contacts.map((c) => c.name)).toEqual(['周一', '周二']);
    expect(restored.contacts[0]!.isPrimary).toBe(true);
    expect(events).toEqual(
      expect.arrayContaining([
        { entity: 'customer', id: customer.id, op: 'restore' },
        { entity: 'contact', id: second.id, op: 'restore' },
      ]),
    );
    // The earlier one is still in the trash, now restorable on its own.
    expect(await trashEntry('contact', earlier.id)).toMatchObject({ customerDeleted: false });
    const { items } = await api.trash.list.query({ kind: 'customer' });
    expect(items.map((i) => i.id)).not.toContain(customer.id);
  });

  it('a deleted customer leaves list, search and get, and comes back in all three after restore (search index too)', async () => {
    const customer = await api.customers.create.mutate(
      company('无锡消失再现科技', { primaryContact: { name: '钱多多', mobile: '13912340077', email: 'qian@xiaoshi.cn' } }),
    );
    const findable = async () => ({
      byName: (await api.customers.list.query({ search: '消失再现' })).items.map((i) => i.id),
      byContact: (await api.customers.list.query({ search: '钱多' })).items.map((i) => i.id),
      byPhone: (await api.customers.list.query({ search: '1234 0077' })).items.map((i) => i.id),
      byEmail: (await api.customers.list.query({ search: 'qian@xiaoshi' })).items.map((i) => i.id),
    });
    const everywhere = { byName: [customer.id], byContact: [customer.id], byPhone: [customer.id], byEmail: [customer.id] };
    expect(await findable()).toEqual(everywhere);

    tick();
    await api.customers.delete.mutate({ id: customer.id });
    expect(await findable()).toEqual({ byName: [], byContact: [], byPhone: [], byEmail: [] });
    expect((await appErrorOf(api.customers.get.query({ id: customer.id }))).code).toBe('not_found');
    expect(await searchDocuments(customer.id)).toBe(0);
    // Its contact no longer counts as a duplicate while it is in the trash.
    expect(await api.customers.checkDuplicates.query({ mobile: '13912340077' })).toEqual([]);

    const entry = await trashEntry('customer', customer.id);
    await api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: entry.version });
    expect(await findable()).toEqual(everywhere);
    expect(await searchDocuments(customer.id)).toBe(2);
    expect(await api.customers.get.query({ id: customer.id })).toMatchObject({ name: '无锡消失再现科技', version: entry.version + 1 });
  });

  it('restoring a contact on its own: back in its customer and in search; not while its customer is in the trash', async () => {
    const customer = await api.customers.create.mutate(company('常州联系人恢复', { primaryContact: { name: '孙主' } }));
    const contact = await api.contacts.create.mutate({ customerId: customer.id, name: '孙小帆', mobile: '13700001111', confirmDuplicates: true });
    tick();
    await api.contacts.delete.mutate({ id: contact.id });
    expect((await api.customers.list.query({ search: '小帆' })).items).toHaveLength(0);

    const entry = await trashEntry('contact', contact.id);
    await api.trash.restore.mutate({ kind: 'contact', id: contact.id, version: entry.version });
    expect((await api.customers.get.query({ id: customer.id })).contacts.map((c) => c.name)).toEqual(['孙主', '孙小帆']);
    expect((await api.customers.list.query({ search: '小帆' })).items.map((i) => i.id)).toEqual([customer.id]);

    tick();
    await api.contacts.delete.mutate({ id: contact.id });
    await api.customers.delete.mutate({ id: customer.id });
    const again = await trashEntry('contact', contact.id);
    const error = await appErrorOf(api.trash.restore.mutate({ kind: 'contact', id: contact.id, version: again.version }));
    expect(error).toMatchObject({ code: 'conflict', data: { reason: 'customerDeleted' } });
  });

  it('a restored primary contact does not take the flag from the contact that holds it now', async () => {
    const customer = await api.customers.create.mutate(company('南通主联系人', { primaryContact: { name: '吴先' } }));
    const first = (await api.customers.get.query({ id: customer.id })).contacts[0]!;
    await api.contacts.delete.mutate({ id: first.id });
    await api.contacts.create.mutate({ customerId: customer.id, name: '吴后', isPrimary: true, confirmDuplicates: true });

    const entry = await trashEntry('contact', first.id);
    await api.trash.restore.mutate({ kind: 'contact', id: first.id, version: entry.version });
    const contacts = (await api.customers.get.query({ id: customer.id })).contacts;
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['吴后', true],
      ['吴先', false],
    ]);
  });

  it('warns when the restored name or phone now duplicates a live record, and restores once confirmed', async () => {
    const old = await api.customers.create.mutate(company('扬州重名贸易有限公司', { primaryContact: { name: '郑旧', mobile: '13655550001' } }));
    await api.customers.delete.mutate({ id: old.id });
    const live = await api.customers.create.mutate(company('扬州重名贸易', { primaryContact: { name: '郑新', mobile: '136 5555 0001' } }));

    const entry = await trashEntry('customer', old.id);
    const warning = await appErrorOf(api.trash.restore.mutate({ kind: 'customer', id: old.id, version: entry.version }));
    expect(warning.code).toBe('duplicate');
    const matches = warning.data as { reason: string; customerId: number }[];
    expect(matches.map((m) => [m.reason, m.customerId]).sort()).toEqual([
      ['mobile', live.id],
      ['name', live.id],
    ]);
    // Nothing restored by the warning.
    expect((await appErrorOf(api.customers.get.query({ id: old.id }))).code).toBe('not_found');

    await api.trash.restore.mutate({ kind: 'customer', id: old.id, version: entry.version, confirmDuplicates: true });
    expect((await api.customers.get.query({ id: old.id })).contacts.map((c) => c.name)).toEqual(['郑旧']);
  });

  it('a stale restore gets a clear conflict: already restored, or changed since the trash was read', async () => {
    const customer = await api.customers.create.mutate(company('镇江版本冲突'));
    await api.customers.delete.mutate({ id: customer.id });
    const entry = await trashEntry('customer', customer.id);
    await api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: entry.version });

    const twice = await appErrorOf(api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: entry.version }));
    expect(twice).toMatchObject({ code: 'conflict', data: { reason: 'alreadyRestored' } });

    await api.customers.delete.mutate({ id: customer.id });
    const stale = await appErrorOf(api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: entry.version }));
    expect(stale).toMatchObject({ code: 'conflict', data: { reason: 'changed' } });
  });

  it('refuses bad input and unknown records', async () => {
    const bad = await appErrorOf(api.trash.restore.mutate({ kind: 'deal', id: 1, version: 1 } as never));
    expect(bad).toMatchObject({ code: 'validation', fieldErrors: { kind: 'invalid' } });
    expect((await appErrorOf(api.trash.restore.mutate({ kind: 'customer', id: 999_999, version: 1 }))).code).toBe('not_found');
    expect((await appErrorOf(api.trash.list.query({ search: 'x'.repeat(101) }))).fieldErrors).toEqual({ search: 'tooLong' });
  });
});

describe('trash: the list', () => {
  it('is newest first, paged, searchable by name (a contact also by its customer\'s), and filtered by kind', async () => {
    const names = ['泰州甲公司', '泰州乙公司', '泰州丙公司'];
    const ids: number[] = [];
    for (const name of names) {
      const c = await api.customers.create.mutate(company(name, { primaryContact: { name: `${name.slice(2, 3)}经理` } }));
      ids.push(c.id);
    }
    const lone = await api.contacts.create.mutate({ customerId: ids[0]!, name: '单独删除', confirmDuplicates: true });
    tick();
    await api.contacts.delete.mutate({ id: lone.id });
    for (const id of ids) {
      tick();
      await api.customers.delete.mutate({ id });
    }
    const all = await api.trash.list.query({ search: '泰州' });
    expect(all.items.map((i) => [i.kind, i.name])).toEqual([
      ['customer', '泰州丙公司'],
      ['customer', '泰州乙公司'],
      ['customer', '泰州甲公司'],
      ['contact', '单独删除'],
    ]);
    expect(all.total).toBe(4);

    const page2 = await api.trash.list.query({ search: '泰州', offset: 1, limit: 1 });
    expect(page2).toMatchObject({ total: 4, items: [{ name: '泰州乙公司', kind: 'customer' }] });
    expect((await api.trash.list.query({ search: '泰州', kind: 'customer' })).total).toBe(3);
    expect((await api.trash.list.query({ search: '泰州', kind: 'contact' })).items.map((i) => i.id)).toEqual([lone.id]);
    expect((await api.trash.list.query({ search: '乙公' })).items.map((i) => i.id)).toEqual([ids[1]]);
    // LIKE's wildcards are taken literally.
    expect((await api.trash.list.query({ search: '泰州%公司' })).items).toEqual([]);
  });

  it('lists a contact deleted on its own, found by its own or its customer\'s name', async () => {
    const customer = await api.customers.create.mutate(company('宿迁单删测试'));
    const contact = await api.contacts.create.mutate({ customerId: customer.id, name: '冯单独', confirmDuplicates: true });
    tick();
    await api.contacts.delete.mutate({ id: contact.id });
    for (const search of ['冯单', '宿迁单删']) {
      const { items } = await api.trash.list.query({ search });
      expect(items).toEqual([
        expect.objectContaining({ kind: 'contact', id: contact.id, name: '冯单独', customerId: customer.id, customerName: '宿迁单删测试' }),
      ]);
    }
    expect((await api.trash.list.query({ search: '冯单', kind: 'customer' })).items).toEqual([]);
  });

  it('shows each user the deleted records of the customers they may see, and they may restore only those', async () => {
    const mine = await sales.api.customers.create.mutate(company('销售自己的客户'));
    const boss = await api.customers.create.mutate(company('老板自己的客户'));
    await sales.api.customers.delete.mutate({ id: mine.id });
    await api.customers.delete.mutate({ id: boss.id });

    const seen = await sales.api.trash.list.query({ search: '自己的客户' });
    expect(seen.items.map((i) => [i.name, i.deletedByName])).toEqual([['销售自己的客户', 'sales1']]);
    expect((await api.trash.list.query({ search: '自己的客户' })).total).toBe(2);

    const bossEntry = await trashEntry('customer', boss.id);
    const refused = await appErrorOf(sales.api.trash.restore.mutate({ kind: 'customer', id: boss.id, version: bossEntry.version }));
    expect(refused.code).toBe('not_found');
    const own = await trashEntry('customer', mine.id, sales.api);
    await sales.api.trash.restore.mutate({ kind: 'customer', id: mine.id, version: own.version });
    expect((await sales.api.customers.get.query({ id: mine.id })).name).toBe('销售自己的客户');
  });
});

describe('trash: purge', () => {
  it('is refused for a sales user, even for their own customer, and changes nothing', async () => {
    const mine = await sales.api.customers.create.mutate(company('销售不能清除'));
    await sales.api.customers.delete.mutate({ id: mine.id });
    const entry = await trashEntry('customer', mine.id, sales.api);
    const error = await appErrorOf(sales.api.trash.purge.mutate({ kind: 'customer', id: mine.id, version: entry.version }));
    expect(error.code).toBe('forbidden');
    expect(await trashEntry('customer', mine.id, sales.api)).toEqual(entry);
  });

  it('by the owner removes the customer with every contact, tag and search document; the audit trail stays', async () => {
    const db = t.host.services.db;
    const customer = await api.customers.create.mutate(
      company('淮安彻底删除', { tags: ['待清除'], primaryContact: { name: '何甲', mobile: '13566660001' } }),
    );
    const other = await api.contacts.create.mutate({ customerId: customer.id, name: '何乙', confirmDuplicates: true });
    await api.contacts.delete.mutate({ id: other.id });
    await api.customers.delete.mutate({ id: customer.id });
    // Someone restores and deletes it again after the owner read the trash: the purge is refused.
    const stale = await trashEntry('customer', customer.id);
    await api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: stale.version });
    expect(await appErrorOf(api.trash.purge.mutate({ kind: 'customer', id: customer.id, version: stale.version }))).toMatchObject({
      code: 'conflict',
      data: { reason: 'alreadyRestored' },
    });
    await api.customers.delete.mutate({ id: customer.id });
    const entry = await trashEntry('customer', customer.id);

    const events: ChangeEvent[] = [];
    const stop = t.host.events.subscribe((e) => events.push(e));
    await api.trash.purge.mutate({ kind: 'customer', id: customer.id, version: entry.version });
    stop();

    expect(await db.selectFrom('customers').select('id').where('id', '=', customer.id).execute()).toEqual([]);
    expect(await db.selectFrom('contacts').select('id').where('customer_id', '=', customer.id).execute()).toEqual([]);
    expect(await db.selectFrom('customer_tags').select('tag').where('customer_id', '=', customer.id).execute()).toEqual([]);
    expect(await searchDocuments(customer.id)).toBe(0);
    expect((await api.trash.list.query({ search: '淮安彻底删除' })).total).toBe(0);
    expect((await api.customers.tags.query()).includes('待清除')).toBe(false);
    expect(events.map((e) => e.op)).toEqual(['purge', 'purge', 'purge']);

    const purges = await db
      .selectFrom('audit_log')
      .select(['entity', 'op', 'changes'])
      .where('customer_id', '=', customer.id)
      .where('op', '=', 'purge')
      .orderBy('id')
      .execute();
    expect(purges.map((p) => [p.entity, JSON.parse(p.changes)])).toEqual([
      ['customer', { name: ['淮安彻底删除', null] }],
      ['contact', { name: ['何甲', null] }],
      ['contact', { name: ['何乙', null] }],
    ]);
    expect((await appErrorOf(api.trash.purge.mutate({ kind: 'customer', id: customer.id, version: entry.version }))).code).toBe(
      'not_found',
    );
  });

  it('by the owner removes a contact deleted on its own, leaving its customer as it is', async () => {
    const customer = await api.customers.create.mutate(company('连云港单个清除', { primaryContact: { name: '许留' } }));
    const gone = await api.contacts.create.mutate({ customerId: customer.id, name: '许走', confirmDuplicates: true });
    await api.contacts.delete.mutate({ id: gone.id });
    const entry = await trashEntry('contact', gone.id);
    await api.trash.purge.mutate({ kind: 'contact', id: gone.id, version: entry.version });
    expect(await t.host.services.db.selectFrom('contacts').select('id').where('id', '=', gone.id).execute()).toEqual([]);
    expect((await api.customers.get.query({ id: customer.id })).contacts.map((c) => c.name)).toEqual(['许留']);
  });
});
