import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { company } from '../helpers/test-records.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
let api: ApiClient;
let sales: { id: number; api: ApiClient };
let ownerId: number;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  sales = await signInColleague(t, 'sales1', 'sales');
  ownerId = (await api.auth.status.query()).user!.id;
});
afterAll(() => t.close());

/** The whole history, oldest first, as [entity, op, changes] for easy reading. */
async function timeline(customerId: number, client = api) {
  const { items } = await client.customers.history.query({ customerId, limit: 100 });
  return items.reverse().map((e) => [e.entity, e.op, Object.fromEntries(e.changes.map((c) => [c.field, [c.before, c.after]]))]);
}

describe('change history: what each change writes', () => {
  it('create: the customer and its primary contact, every filled-in field from nothing', async () => {
    const customer = await api.customers.create.mutate(
      company('徐州历史测试有限公司', { tags: ['VIP'], primaryContact: { name: '陆明', mobile: '13811112222' } }),
    );
    expect(await timeline(customer.id)).toEqual([
      [
        'customer',
        'create',
        {
          name: [null, '徐州历史测试有限公司'],
          kind: [null, 'company'],
          stage: [null, 'prospect'],
          tags: [null, ['VIP']],
          ownerId: [null, ownerId],
        },
      ],
      ['contact', 'create', { name: [null, '陆明'], mobile: [null, '138 1111 2222'], isPrimary: [null, true] }],
    ]);
  });

  it('update: only the changed fields, before and after (tags, owner, dates included); a refused update writes nothing', async () => {
    const customer = await api.customers.create.mutate(company('宿州更新测试', { tags: ['老客户'] }));
    clock.advance(60_000);
    const updated = await api.customers.update.mutate({
      ...customer,
      stage: 'interested',
      tags: ['老客户', '华东'],
      ownerId: sales.id,
      nextFollowUpOn: '2026-04-01',
    });
    expect((await appErrorOf(api.customers.update.mutate({ ...customer, notes: 'stale' }))).code).toBe('conflict');
    const history = await timeline(customer.id);
    expect(history).toHaveLength(2);
    expect(history[1]).toEqual([
      'customer',
      'update',
      {
        stage: ['prospect', 'interested'],
        tags: [['老客户'], ['华东', '老客户']],
        ownerId: [ownerId, sales.id],
        nextFollowUpOn: [null, '2026-04-01'],
      },
    ]);
    const page = await api.customers.history.query({ customerId: updated.id });
    expect(page.userNames).toEqual({ [ownerId]: '老板', [sales.id]: 'sales1' });
    expect(page.items[0]).toMatchObject({ userName: '老板', at: '2026-03-02T09:01:00.000Z', contactName: null });
  });

  it('contacts: create, edit, the primary flag moving (both contacts), delete', async () => {
    const customer = await api.customers.create.mutate(company('蚌埠联系人历史', { primaryContact: { name: '甲' } }));
    const first = (await api.customers.get.query({ id: customer.id })).contacts[0]!;
    const second = await api.contacts.create.mutate({ customerId: customer.id, name: '乙', isPrimary: true, confirmDuplicates: true });
    await api.contacts.update.mutate({ ...second, title: '经理', email: 'yi@bengbu.cn' });
    await api.contacts.delete.mutate({ id: first.id });

    expect((await timeline(customer.id)).slice(2)).toEqual([
      ['contact', 'create', { name: [null, '乙'], isPrimary: [null, true] }],
      ['contact', 'update', { isPrimary: [true, false] }],
      ['contact', 'update', { title: [null, '经理'], email: [null, 'yi@bengbu.cn'] }],
      ['contact', 'delete', {}],
    ]);
    const { items } = await api.customers.history.query({ customerId: customer.id, limit: 100 });
    expect(items.map((e) => [e.entityId, e.contactName]).slice(0, 3)).toEqual([
      [first.id, '甲'],
      [second.id, '乙'],
      [first.id, '甲'],
    ]);
  });

  it('delete and restore: the customer and the contacts deleted with it', async () => {
    const customer = await api.customers.create.mutate(company('淮北删除恢复', { primaryContact: { name: '丙' } }));
    await api.customers.delete.mutate({ id: customer.id });
    const { items } = await api.trash.list.query({ search: '淮北删除恢复' });
    await api.trash.restore.mutate({ kind: 'customer', id: customer.id, version: items[0]!.version });
    expect((await timeline(customer.id)).slice(2)).toEqual([
      ['customer', 'delete', {}],
      ['contact', 'delete', {}],
      ['customer', 'restore', {}],
      ['contact', 'restore', {}],
    ]);
  });

  it('a restored primary contact that lost the flag meanwhile says so', async () => {
    const customer = await api.customers.create.mutate(company('阜阳主联系人', { primaryContact: { name: '丁' } }));
    const first = (await api.customers.get.query({ id: customer.id })).contacts[0]!;
    await api.contacts.delete.mutate({ id: first.id });
    await api.contacts.create.mutate({ customerId: customer.id, name: '戊', isPrimary: true, confirmDuplicates: true });
    const { items } = await api.trash.list.query({ search: '丁', kind: 'contact' });
    await api.trash.restore.mutate({ kind: 'contact', id: first.id, version: items[0]!.version });
    expect((await timeline(customer.id)).at(-1)).toEqual(['contact', 'restore', { isPrimary: [true, false] }]);
  });
});

describe('change history: reading it', () => {
  it('is newest first and paged', async () => {
    const customer = await api.customers.create.mutate(company('六安分页历史'));
    let current = customer;
    for (const stage of ['interested', 'customer', 'repeat'] as const) {
      clock.advance(60_000);
      current = await api.customers.update.mutate({ ...current, stage });
    }
    const first = await api.customers.history.query({ customerId: customer.id, limit: 2 });
    expect(first.total).toBe(4);
    expect(first.items.map((e) => e.changes.find((c) => c.field === 'stage')?.after)).toEqual(['repeat', 'customer']);
    const second = await api.customers.history.query({ customerId: customer.id, offset: 2, limit: 2 });
    expect(second.items.map((e) => e.op)).toEqual(['update', 'create']);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(4);
  });

  it('is shown only to users who may see the customer', async () => {
    const bosses = await api.customers.create.mutate(company('老板的历史'));
    const theirs = await sales.api.customers.create.mutate(company('销售的历史'));
    expect((await appErrorOf(sales.api.customers.history.query({ customerId: bosses.id }))).code).toBe('not_found');
    expect((await sales.api.customers.history.query({ customerId: theirs.id })).total).toBe(1);
    expect((await api.customers.history.query({ customerId: theirs.id })).items[0]).toMatchObject({ userName: 'sales1' });
    // A deleted customer's history is not reachable through the page either.
    await api.customers.delete.mutate({ id: bosses.id });
    expect((await appErrorOf(api.customers.history.query({ customerId: bosses.id }))).code).toBe('not_found');
  });

  it('refuses bad paging input', async () => {
    const error = await appErrorOf(api.customers.history.query({ customerId: 1, limit: 0 }));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { limit: 'invalid' } });
  });
});
