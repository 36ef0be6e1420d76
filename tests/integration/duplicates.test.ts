import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;
let existingId: number;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
  existingId = (
    await api.customers.create.mutate({
      name: '北京星辰科技有限公司',
      kind: 'company',
      stage: 'customer',
      primaryContact: { name: '张伟明', mobile: '13800138000', landline: '010-62345678', email: 'zhangwm@xingchen.cn' },
    })
  ).id;
});
afterAll(() => t.close());

describe('duplicate warning before saving', () => {
  it.each([
    [{ name: '北京星辰科技' }, 'name'],
    [{ name: '北京 星辰科技 股份有限公司' }, 'name'],
    [{ mobile: '+86 138-0013-8000' }, 'mobile'],
    [{ landline: '(010) 6234 5678' }, 'landline'],
    [{ email: 'ZhangWM@XingChen.cn' }, 'email'],
  ])('%j matches the existing record by %s', async (probe, reason) => {
    const matches = await api.customers.checkDuplicates.query(probe);
    expect(matches).toEqual([
      expect.objectContaining({ reason, customerId: existingId, customerName: '北京星辰科技有限公司', visible: true, ownerName: '老板' }),
    ]);
  });

  it('does not match different names, other numbers, or the record being edited', async () => {
    expect(await api.customers.checkDuplicates.query({ name: '北京星河科技', mobile: '13800138001' })).toEqual([]);
    expect(await api.customers.checkDuplicates.query({ name: '北京星辰科技', excludeCustomerId: existingId })).toEqual([]);
  });

  it('create refuses a likely duplicate with the matches, and saves when the user confirms', async () => {
    const input = {
      name: '北京星辰科技',
      kind: 'company' as const,
      stage: 'prospect' as const,
      primaryContact: { name: '王芳', mobile: '138 0013 8000' },
    };
    const error = await appErrorOf(api.customers.create.mutate(input));
    expect(error.code).toBe('duplicate');
    expect((error.data as { reason: string }[]).map((m) => m.reason).sort()).toEqual(['mobile', 'name']);
    const before = (await api.customers.list.query({})).total;

    const saved = await api.customers.create.mutate({ ...input, confirmDuplicates: true });
    expect(saved.name).toBe('北京星辰科技');
    expect((await api.customers.list.query({})).total).toBe(before + 1);
  });

  it('person names are not matched (too common), their phones are', async () => {
    await api.customers.create.mutate({ name: '刘洋', kind: 'person', stage: 'prospect', confirmDuplicates: true });
    const again = await api.customers.create.mutate({ name: '刘洋', kind: 'person', stage: 'prospect' });
    expect(again.name).toBe('刘洋');
  });

  it('a new contact whose email belongs to another customer is flagged', async () => {
    const other = await api.customers.create.mutate({ name: '另一家公司', kind: 'company', stage: 'prospect' });
    const error = await appErrorOf(
      api.contacts.create.mutate({ customerId: other.id, name: '张伟明', email: 'zhangwm@xingchen.cn' }),
    );
    expect(error.code).toBe('duplicate');
    expect(error.data).toEqual([expect.objectContaining({ reason: 'email', contactName: '张伟明', customerId: existingId })]);
    const saved = await api.contacts.create.mutate({
      customerId: other.id,
      name: '张伟明',
      email: 'zhangwm@xingchen.cn',
      confirmDuplicates: true,
    });
    expect(saved.email).toBe('zhangwm@xingchen.cn');
  });

  it('deleted records are not duplicates', async () => {
    const gone = await api.customers.create.mutate({ name: '已关闭的工厂', kind: 'company', stage: 'churned' });
    await api.customers.delete.mutate({ id: gone.id });
    expect(await api.customers.checkDuplicates.query({ name: '已关闭的工厂' })).toEqual([]);
  });
});
