import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameStem } from '../../electron/services/validation/name-stem.js';
import { importFile } from '../helpers/files-api.js';
import { startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
});
afterAll(() => t.close());

const company = (name: string) => api.customers.create.mutate({ name, kind: 'company', stage: 'prospect', confirmDuplicates: true });

/** The stored name columns of a customer. */
const stored = (id: number) =>
  t.host.services.db.selectFrom('customers').select(['name_key', 'name_stem']).where('id', '=', id).executeTakeFirstOrThrow();

async function expectStem(id: number, stem: string) {
  const { name_key, name_stem } = await stored(id);
  expect(name_stem).toBe(nameStem(name_key));
  expect(name_stem).toBe(stem);
}

describe('name_stem, written by the app on every path that sets a name', () => {
  it('nameStem drops a leading place only when two characters stay', () => {
    expect(nameStem('北京市星辰科技')).toBe('星辰科技');
    expect(nameStem('内蒙古自治区草原乳业')).toBe('草原乳业');
    expect(nameStem('黑龙江省农垦')).toBe('农垦');
    // "北京市" would leave one character, so the shorter place "北京" is the one taken off.
    expect(nameStem('北京市场')).toBe('市场');
    expect(nameStem('北京')).toBe('北京');
    expect(nameStem('北京a')).toBe('北京a');
    expect(nameStem('星辰科技北京')).toBe('星辰科技北京');
    expect(nameStem('')).toBe('');
  });

  it('a created customer, and a renamed one', async () => {
    const created = await company('上海市远航物流有限公司');
    await expectStem(created.id, '远航物流');
    const renamed = await api.customers.update.mutate({ ...created, name: '深圳蓝海贸易', version: created.version });
    await expectStem(renamed.id, '蓝海贸易');
    const person = await api.customers.create.mutate({ name: '广州 王伟', kind: 'person', stage: 'prospect', confirmDuplicates: true });
    await expectStem(person.id, '王伟');
  });

  it('imported customers, created and updated', async () => {
    const file = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
    const created = await importFile(api, 'stems.csv', file(['客户名称,联系人,手机', '杭州云杉软件有限公司,张三,13811110001', '云杉软件,李四,13811110002']));
    expect(created.counts).toMatchObject({ created: 2, failed: 0 });
    const { items } = await api.customers.list.query({ search: '云杉软件' });
    expect(items).toHaveLength(2);
    for (const item of items) await expectStem(item.id, '云杉软件');
    // The update policy keeps the stored name, and with it the stem.
    const updated = await importFile(api, 'again.csv', file(['客户名称,联系人,手机,行业', '杭州云杉,张三,13811110001,软件']), 'update');
    expect(updated.counts).toMatchObject({ updated: 1, failed: 0 });
    for (const item of items) await expectStem(item.id, '云杉软件');
  });

  it('a merge that takes the merged record\'s name', async () => {
    const survivor = await company('无关名字有限公司');
    const merged = await company('南京市金陵制药有限公司');
    const result = await api.duplicates.merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      choices: { name: 'merged' },
    });
    expect(result.id).toBe(survivor.id);
    await expectStem(survivor.id, '金陵制药');
  });

  it('a converted lead', async () => {
    const lead = await api.leads.create.mutate({ fields: { companyName: '武汉长江光电有限公司', personName: '周杰' } });
    const { customerId } = await api.leads.convert.mutate({ id: lead.id, version: lead.version, confirmDuplicates: true });
    await expectStem(customerId, '长江光电');
  });

  it('the duplicate finder pairs 北京星辰科技 with 星辰科技', async () => {
    const withPlace = await company('北京星辰科技有限公司');
    const without = await company('星辰科技');
    const { items } = await api.duplicates.pairs.query({ limit: 100 });
    const pair = items.find((p) => p.a.id === withPlace.id && p.b.id === without.id);
    expect(pair?.reasons).toEqual([{ reason: 'nameContained', value: '星辰科技' }]);
  });
});
