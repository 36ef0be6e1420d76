import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;

const people = [
  { name: '北京星辰科技有限公司', contact: '张伟明', mobile: '13800138000', email: 'zhangwm@xingchen.cn', stage: 'customer', province: '北京', tags: ['VIP'] },
  { name: '成都天府茶业', contact: '刘伟', mobile: '13912345678', email: 'liuwei@tianfu.com', stage: 'prospect', province: '四川', tags: [] },
  { name: 'Acme Trading Co., Ltd.', contact: 'John Smith', mobile: '+1 415 555 2671', email: 'john@acme.com', stage: 'interested', province: null, tags: ['export'] },
  { name: '苏州园林设计院', contact: '张丽', mobile: '15087654321', email: 'zhangli@yuanlin.cn', stage: 'customer', province: '江苏', tags: ['VIP'] },
  { name: '张伟', contact: '张伟', mobile: '18600001111', email: null, stage: 'repeat', province: '北京', tags: [] },
] as const;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
  for (const p of people) {
    await api.customers.create.mutate({
      name: p.name,
      kind: p.name === '张伟' ? 'person' : 'company',
      stage: p.stage,
      province: p.province,
      tags: [...p.tags],
      primaryContact: { name: p.contact, mobile: p.mobile, email: p.email },
    });
  }
});
afterAll(() => t.close());

const names = async (search: string) =>
  (await api.customers.list.query({ search, sort: 'name', direction: 'asc' })).items.map((i) => i.name).sort();

describe('search-as-you-type', () => {
  it('finds a two-character Chinese substring inside a longer name (张伟 in 张伟明)', async () => {
    expect(await names('张伟')).toEqual(['北京星辰科技有限公司', '张伟'].sort());
    expect(await names('伟明')).toEqual(['北京星辰科技有限公司']);
  });

  it('finds three or more characters anywhere in customer and contact names', async () => {
    expect(await names('星辰科技')).toEqual(['北京星辰科技有限公司']);
    expect(await names('天府茶')).toEqual(['成都天府茶业']);
    expect(await names('园林')).toEqual(['苏州园林设计院']);
  });

  it('one character is a prefix of a name pair', async () => {
    expect(await names('刘')).toEqual(['成都天府茶业']);
  });

  it('finds partial phone digits: the last four, any four or more, however formatted', async () => {
    expect(await names('8000')).toEqual(['北京星辰科技有限公司']);
    expect(await names('0013')).toEqual(['北京星辰科技有限公司']);
    expect(await names('138 0013')).toEqual(['北京星辰科技有限公司']);
    expect(await names('5678')).toEqual(['成都天府茶业']);
    expect(await names('555-2671')).toEqual(['Acme Trading Co., Ltd.']);
    expect(await names('+86 139 1234')).toEqual(['成都天府茶业']);
    // With the country code, however written: the index holds Chinese numbers' national digits.
    expect(await names('8613800138000')).toEqual(['北京星辰科技有限公司']);
    expect(await names('0086 138 0013 8000')).toEqual(['北京星辰科技有限公司']);
    expect(await names('+1 415 555 2671')).toEqual(['Acme Trading Co., Ltd.']);
    expect(await names('14155552671')).toEqual(['Acme Trading Co., Ltd.']);
  });

  it('finds emails and Latin names case-insensitively, by prefix or substring', async () => {
    expect(await names('JOHN@')).toEqual(['Acme Trading Co., Ltd.']);
    expect(await names('acm')).toEqual(['Acme Trading Co., Ltd.']);
    expect(await names('smith')).toEqual(['Acme Trading Co., Ltd.']);
  });

  it('all words must match', async () => {
    expect(await names('张 北京')).toEqual(['北京星辰科技有限公司']);
    expect(await names('张伟 1860')).toEqual(['张伟']);
  });

  it('finds nothing for text that is nowhere, and quotes are harmless', async () => {
    expect(await names('不存在的名字')).toEqual([]);
    expect(await names('"星辰')).toEqual([]);
    expect(await names('AND OR NOT *')).toEqual([]);
  });

  it('follows edits: a renamed contact is found by the new name only', async () => {
    const [hit] = (await api.customers.list.query({ search: '张丽' })).items;
    const customer = await api.customers.get.query({ id: hit!.id });
    await api.contacts.update.mutate({ ...customer.contacts[0]!, name: '周丽华' });
    expect(await names('张丽')).toEqual([]);
    expect(await names('丽华')).toEqual(['苏州园林设计院']);
  });
});

describe('lists: paging, sorting, filters', () => {
  it('pages on the server with a stable total', async () => {
    const first = await api.customers.list.query({ sort: 'name', direction: 'asc', limit: 2 });
    const second = await api.customers.list.query({ sort: 'name', direction: 'asc', limit: 2, offset: 2 });
    const rest = await api.customers.list.query({ sort: 'name', direction: 'asc', limit: 2, offset: 4 });
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items, ...rest.items].map((i) => i.id)).toHaveLength(5);
    expect(new Set([...first.items, ...second.items, ...rest.items].map((i) => i.id)).size).toBe(5);
  });

  it('sorts on a column in either direction', async () => {
    const asc = (await api.customers.list.query({ sort: 'name', direction: 'asc' })).items.map((i) => i.name);
    const desc = (await api.customers.list.query({ sort: 'name', direction: 'desc' })).items.map((i) => i.name);
    expect(asc).toEqual([...asc].sort());
    expect(desc).toEqual([...asc].reverse());
    const byCreated = (await api.customers.list.query({ sort: 'createdAt', direction: 'asc' })).items.map((i) => i.name);
    expect(byCreated).toEqual(people.map((p) => p.name));
  });

  it('filters by stage, tag, region, owner and created range', async () => {
    const byStage = await api.customers.list.query({ stages: ['customer', 'repeat'] });
    expect(byStage.total).toBe(3);
    expect((await api.customers.list.query({ tag: 'VIP' })).items.map((i) => i.name).sort()).toEqual(
      ['北京星辰科技有限公司', '苏州园林设计院'].sort(),
    );
    expect((await api.customers.list.query({ province: '北京' })).total).toBe(2);
    const me = (await api.auth.status.query()).user!;
    expect((await api.customers.list.query({ ownerIds: [me.id] })).total).toBe(5);
    expect((await api.customers.list.query({ ownerIds: [me.id + 1] })).total).toBe(0);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await api.customers.list.query({ createdFrom: '2020-01-01T00:00:00Z', createdTo: future })).total).toBe(5);
    expect((await api.customers.list.query({ createdFrom: future })).total).toBe(0);
  });

  it('combines search with filters', async () => {
    expect((await api.customers.list.query({ search: '张', stages: ['repeat'] })).items.map((i) => i.name)).toEqual(['张伟']);
  });

  it('list rows carry the primary contact, formatted mobile and tags', async () => {
    const [row] = (await api.customers.list.query({ search: 'Acme' })).items;
    expect(row).toMatchObject({ primaryContactName: 'John Smith', primaryContactMobile: '+1 415 555 2671', tags: ['export'] });
  });
});
