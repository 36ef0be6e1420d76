import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
});
afterAll(() => t.close());

const company = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'company' as const,
  stage: 'prospect' as const,
  ...extra,
});

describe('customers: create, read, update, delete', () => {
  it('creates a customer with its primary contact, phones normalized and shown formatted', async () => {
    const created = await api.customers.create.mutate(
      company('上海青禾贸易有限公司', {
        industry: '贸易',
        province: '上海',
        city: '上海',
        tags: ['VIP', 'VIP', '华东'],
        primaryContact: { name: '李青禾', mobile: '+86 139-1234-5678', landline: '021 5888 1234 转 66', email: ' Li.QH@QingHe.cn ' },
      }),
    );
    expect(created).toMatchObject({ name: '上海青禾贸易有限公司', kind: 'company', stage: 'prospect', version: 1, ownerName: '老板' });
    expect(created.tags).toEqual(['VIP', '华东']);
    expect(created.contacts).toHaveLength(1);
    expect(created.contacts[0]).toMatchObject({
      name: '李青禾',
      isPrimary: true,
      mobile: '139 1234 5678',
      landline: '021-5888 1234 转 66',
      email: 'li.qh@qinghe.cn',
    });
    const read = await api.customers.get.query({ id: created.id });
    expect(read).toEqual(created);
  });

  it('updates with the version it read, and refuses a stale version with the current record', async () => {
    const created = await api.customers.create.mutate(company('杭州云杉科技'));
    const updated = await api.customers.update.mutate({ ...created, stage: 'interested', tier: 'A' });
    expect(updated).toMatchObject({ stage: 'interested', tier: 'A', version: 2 });

    const stale = await appErrorOf(api.customers.update.mutate({ ...created, stage: 'churned' }));
    expect(stale.code).toBe('conflict');
    expect(stale.data).toMatchObject({ id: created.id, stage: 'interested', version: 2 });
    expect(await api.customers.get.query({ id: created.id })).toMatchObject({ stage: 'interested', version: 2 });
  });

  it('soft-deletes: the customer leaves lists and pages but stays in the database', async () => {
    const created = await api.customers.create.mutate(company('待删除的客户'));
    await api.customers.delete.mutate({ id: created.id });
    expect((await appErrorOf(api.customers.get.query({ id: created.id }))).code).toBe('not_found');
    const { items } = await api.customers.list.query({ search: '待删除' });
    expect(items).toHaveLength(0);
    const row = await t.host.services.db.selectFrom('customers').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('writes an audit entry for each change', async () => {
    const created = await api.customers.create.mutate(company('审计测试'));
    await api.customers.update.mutate({ ...created, notes: '重要' });
    const entries = await t.host.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'customer')
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.op)).toEqual(['create', 'update']);
    expect(JSON.parse(entries[1]!.changes)).toEqual({ notes: [null, '重要'] });
  });
});

describe('contacts', () => {
  it('adds, edits (one primary per customer) and removes contacts', async () => {
    const customer = await api.customers.create.mutate(company('深圳海湾电子', { primaryContact: { name: '陈海' } }));
    const second = await api.contacts.create.mutate({ customerId: customer.id, name: 'Amy Chen', email: 'amy@haiwan.com', isPrimary: true });
    let contacts = (await api.customers.get.query({ id: customer.id })).contacts;
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Amy Chen']);

    const edited = await api.contacts.update.mutate({ ...second, title: '采购经理', mobile: '13512345678' });
    expect(edited).toMatchObject({ title: '采购经理', mobile: '135 1234 5678', version: 2 });
    expect((await appErrorOf(api.contacts.update.mutate({ ...second, title: 'stale' }))).code).toBe('conflict');

    await api.contacts.delete.mutate({ id: second.id });
    contacts = (await api.customers.get.query({ id: customer.id })).contacts;
    expect(contacts.map((c) => c.name)).toEqual(['陈海']);
  });
});

describe('validation: field errors the form shows next to each field', () => {
  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ name: '   ' }, 'name', 'required'],
    [{ name: 'x'.repeat(121) }, 'name', 'tooLong'],
    [{ kind: 'alien' }, 'kind', 'required'],
    [{ tags: ['VIP', '华东,华南'] }, 'tags.1', 'tagSeparator'],
    [{ tags: ['重点|大客户'] }, 'tags.0', 'tagSeparator'],
    [{ nextFollowUpOn: '2026-02-30' }, 'nextFollowUpOn', 'invalidDate'],
    [{ primaryContact: { name: '王五', mobile: '12345' } }, 'primaryContact.mobile', 'invalidMobile'],
    [{ primaryContact: { name: '王五', mobile: '12800138000' } }, 'primaryContact.mobile', 'invalidMobile'],
    [{ primaryContact: { name: '王五', landline: '62345678' } }, 'primaryContact.landline', 'invalidLandline'],
    [{ primaryContact: { name: '王五', email: 'wang@' } }, 'primaryContact.email', 'invalidEmail'],
    [{ primaryContact: { name: '王五', email: 'wang wu@example.com' } }, 'primaryContact.email', 'invalidEmail'],
    [{ primaryContact: { name: '' } }, 'primaryContact.name', 'required'],
  ])('%j → %s: %s', async (override, field, message) => {
    const error = await appErrorOf(api.customers.create.mutate({ ...company('校验测试'), ...override } as never));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.[field]).toBe(message);
  });

  it('refuses an owner who does not exist, and writes nothing', async () => {
    const before = await api.customers.list.query({});
    const error = await appErrorOf(api.customers.create.mutate(company('无主客户', { ownerId: 999 })));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { ownerId: 'invalidOwner' } });
    expect((await api.customers.list.query({})).total).toBe(before.total);
  });

  it('a bad contact on an existing customer is refused as a whole', async () => {
    const customer = await api.customers.create.mutate(company('广州木棉物流'));
    const error = await appErrorOf(
      api.contacts.create.mutate({ customerId: customer.id, name: '黄木棉', mobile: '13912345678', email: 'bad@' }),
    );
    expect(error.fieldErrors).toEqual({ email: 'invalidEmail' });
    expect((await api.customers.get.query({ id: customer.id })).contacts).toHaveLength(0);
  });
});
