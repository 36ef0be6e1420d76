import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
});
afterAll(() => t.close());

type Stage = 'prospect';
const company = (name: string, primaryContact?: { name: string; mobile?: string; landline?: string; email?: string }) =>
  api.customers.create.mutate({ name, kind: 'company', stage: 'prospect' as Stage, primaryContact, confirmDuplicates: true });

async function allPairs(client: ApiClient = api) {
  const pairs = [];
  let after: { a: number; b: number } | undefined;
  do {
    const page = await client.duplicates.pairs.query({ cursor: after, limit: 2 });
    pairs.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return pairs;
}

const pairOf = (pairs: Awaited<ReturnType<typeof allPairs>>, x: number, y: number) =>
  pairs.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));

describe('duplicate finder', () => {
  let starA: number, starB: number, starC: number, starD: number, starE: number, mailA: number, mailB: number;
  let phoneA: number, phoneB: number, acme: number, acmeInc: number, beijing: number, shanghai: number;

  beforeAll(async () => {
    starA = (await company('北京星辰科技有限公司')).id;
    starB = (await company('北京 星辰科技 股份有限公司')).id;
    starC = (await company('星辰科技发展')).id;
    starD = (await company('星辰科技（北京）有限公司')).id;
    starE = (await company('星辰科技')).id;
    phoneA = (await company('甲方工厂', { name: '王芳', mobile: '13900139000' })).id;
    phoneB = (await company('乙方贸易', { name: '王芳芳', mobile: '+86 139-0013-9000' })).id;
    mailA = (await company('丙公司', { name: 'Li Lei', email: 'lilei@example.cn' })).id;
    mailB = (await company('丁公司', { name: 'Lei Li', email: 'LiLei@Example.CN' })).id;
    acme = (await company('Acme Trading Co., Ltd.')).id;
    acmeInc = (await company('ACME trading Inc.')).id;
    beijing = (await company('北京远航物流')).id;
    shanghai = (await company('上海远航物流')).id;
    await api.customers.create.mutate({ name: '刘洋', kind: 'person', stage: 'prospect', confirmDuplicates: true });
    await api.customers.create.mutate({ name: '刘洋', kind: 'person', stage: 'prospect', confirmDuplicates: true });
  });

  it('finds pairs by phone, by email and by name, each saying why', async () => {
    const pairs = await allPairs();
    expect(pairOf(pairs, phoneA, phoneB)?.reasons).toEqual([{ reason: 'mobile', value: '139 0013 9000' }]);
    expect(pairOf(pairs, mailA, mailB)?.reasons).toEqual([{ reason: 'email', value: 'lilei@example.cn' }]);
    expect(pairOf(pairs, starA, starB)?.reasons).toEqual([{ reason: 'name', value: '北京星辰科技' }]);
    expect(pairOf(pairs, acme, acmeInc)?.reasons).toEqual([{ reason: 'name', value: 'acmetrading' }]);
    // Contained: with a place before or after it, or more words after it.
    for (const longer of [starA, starC, starD]) {
      expect(pairOf(pairs, longer, starE)?.reasons).toEqual([{ reason: 'nameContained', value: '星辰科技' }]);
    }
    expect(pairOf(pairs, starA, phoneA)).toBeUndefined();
  });

  it('does not pair the same name in two places, or people with the same name', async () => {
    const pairs = await allPairs();
    expect(pairOf(pairs, beijing, shanghai)).toBeUndefined();
    expect(pairs.filter((p) => p.a.kind === 'person' || p.b.kind === 'person')).toEqual([]);
  });

  it('pages in a stable order without repeating a pair', async () => {
    const pairs = await allPairs();
    const keys = pairs.map((p) => [p.a.id, p.b.id] as const);
    expect(keys.every(([a, b]) => a < b)).toBe(true);
    expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    expect(new Set(keys.map(String)).size).toBe(keys.length);
    const single = await api.duplicates.pairs.query({ limit: 100 });
    expect(single.items.map((p) => [p.a.id, p.b.id])).toEqual(keys);
    expect(single.next).toBeNull();
  });

  it('a dismissed pair stays hidden; the other pairs stay', async () => {
    await api.duplicates.dismiss.mutate({ customerIds: [acmeInc, acme] });
    await api.duplicates.dismiss.mutate({ customerIds: [acme, acmeInc] });
    const pairs = await allPairs();
    expect(pairOf(pairs, acme, acmeInc)).toBeUndefined();
    expect(pairOf(pairs, phoneA, phoneB)).toBeDefined();
  });

  it('deleted customers and deleted contacts make no pairs', async () => {
    await api.customers.delete.mutate({ id: starB });
    const contact = (await api.customers.get.query({ id: mailB })).contacts[0]!;
    await api.contacts.delete.mutate({ id: contact.id });
    const pairs = await allPairs();
    expect(pairOf(pairs, starA, starB)).toBeUndefined();
    expect(pairOf(pairs, mailA, mailB)).toBeUndefined();
  });

  it('a sales rep sees only pairs of customers they can see', async () => {
    const rep = await signInColleague(t, 'rep1', 'sales');
    const own1 = await rep.api.customers.create.mutate({ name: '自有客户甲', kind: 'company', stage: 'prospect', primaryContact: { name: 'A', mobile: '13700137000' } });
    const own2 = await rep.api.customers.create.mutate({ name: '自有客户乙', kind: 'company', stage: 'prospect', primaryContact: { name: 'B', mobile: '13700137000' }, confirmDuplicates: true });
    const pairs = await allPairs(rep.api);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([[own1.id, own2.id]]);
    // The owner's customer with the rep's number: the owner sees the pair, the rep does not.
    const boss = await company('老板的客户', { name: 'C', mobile: '13700137000' });
    expect(pairOf(await allPairs(), own1.id, boss.id)).toBeDefined();
    expect((await allPairs(rep.api)).map((p) => [p.a.id, p.b.id])).toEqual([[own1.id, own2.id]]);
    expect((await appErrorOf(rep.api.duplicates.dismiss.mutate({ customerIds: [own1.id, boss.id] }))).code).toBe('not_found');
  });

  it('a renamed customer is matched by its new name', async () => {
    const renamed = await company('完全不同的名字');
    expect(pairOf(await allPairs(), renamed.id, starE)).toBeUndefined();
    await api.customers.update.mutate({ ...renamed, name: '上海星辰科技有限公司', version: renamed.version });
    expect(pairOf(await allPairs(), renamed.id, starE)?.reasons).toEqual([{ reason: 'nameContained', value: '星辰科技' }]);
  });

  it('refuses bad input', async () => {
    expect((await appErrorOf(api.duplicates.dismiss.mutate({ customerIds: [starA, starA] }))).code).toBe('validation');
    expect((await appErrorOf(api.duplicates.pairs.query({ limit: 0 }))).code).toBe('validation');
    expect((await appErrorOf(api.duplicates.dismiss.mutate({ customerIds: [starA, 999999] }))).code).toBe('not_found');
  });
});
