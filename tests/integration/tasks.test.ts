import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, type Colleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

// 09:00 UTC is 17:00 in Shanghai.
const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
let repA: Colleague;
let repB: Colleague;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  repA = await addColleague(t.host, { username: 'rep.a', displayName: '销售甲', role: 'sales' });
  repB = await addColleague(t.host, { username: 'rep.b', displayName: '销售乙', role: 'sales' });
});
afterAll(() => t.close());

const company = (name: string) => ({ name, kind: 'company' as const, stage: 'prospect' as const });

describe('tasks: create, read, update, complete, delete', () => {
  it('creates a follow-up linked to a customer, assigned to the creator by default', async () => {
    const customer = await api.customers.create.mutate(company('北京远航物流有限公司'));
    const task = await api.tasks.create.mutate({
      title: '回访报价',
      dueAt: '2026-03-03T10:00:00+08:00',
      remindAt: '2026-03-03T09:45:00+08:00',
      link: { type: 'customer', id: customer.id },
    });
    expect(task).toMatchObject({
      title: '回访报价',
      kind: 'task',
      priority: 'normal',
      status: 'open',
      dueAt: '2026-03-03T02:00:00.000Z',
      remindAt: '2026-03-03T01:45:00.000Z',
      remindedAt: null,
      allDay: false,
      assigneeName: '老板',
      link: { type: 'customer', id: customer.id },
      customerId: customer.id,
      customerName: '北京远航物流有限公司',
      version: 1,
    });
    expect(await api.tasks.get.query({ id: task.id })).toEqual(task);
    expect(await api.tasks.list.query({ customerId: customer.id })).toEqual([task]);
  });

  it('links a contact through its customer', async () => {
    const customer = await api.customers.create.mutate({ ...company('广州白云电器'), primaryContact: { name: '陈静' } });
    const contactId = customer.contacts[0]!.id;
    const task = await api.tasks.create.mutate({ title: '电话陈静', kind: 'call', dueAt: '2026-03-04T01:00:00Z', link: { type: 'contact', id: contactId } });
    expect(task).toMatchObject({ link: { type: 'contact', id: contactId }, customerId: customer.id });
  });

  it('refuses bad input with field messages and saves nothing', async () => {
    const before = await api.tasks.list.query({});
    const bad = await appErrorOf(
      api.tasks.create.mutate({ title: ' ', dueAt: 'tomorrow', kind: 'party' as 'task', priority: 'urgent' as 'high' }),
    );
    expect(bad).toMatchObject({
      code: 'validation',
      fieldErrors: { title: 'required', dueAt: 'invalidDateTime', kind: 'required', priority: 'invalid' },
    });
    const backwards = await appErrorOf(
      api.tasks.create.mutate({ title: '会议', kind: 'meeting', dueAt: '2026-03-04T03:00:00Z', endsAt: '2026-03-04T02:00:00Z' }),
    );
    expect(backwards.fieldErrors).toEqual({ endsAt: 'endsBeforeStart' });
    const noCustomer = await appErrorOf(api.tasks.create.mutate({ title: 'x', dueAt: '2026-03-04T03:00:00Z', link: { type: 'customer', id: 999_999 } }));
    expect(noCustomer.fieldErrors).toEqual({ link: 'invalidLink' });
    const noContact = await appErrorOf(api.tasks.create.mutate({ title: 'x', dueAt: '2026-03-04T03:00:00Z', link: { type: 'contact', id: 999_999 } }));
    expect(noContact.fieldErrors).toEqual({ link: 'invalidLink' });
    const noAssignee = await appErrorOf(api.tasks.create.mutate({ title: 'x', dueAt: '2026-03-04T03:00:00Z', assigneeId: 999_999 }));
    expect(noAssignee.fieldErrors).toEqual({ assigneeId: 'invalidAssignee' });
    expect(await api.tasks.list.query({})).toEqual(before);
  });

  it("links a deal with its customer, and a lead (no customer until it is converted); unknown ones are refused", async () => {
    const customer = await api.customers.create.mutate(company('商机客户'));
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '扩容项目', amountMinor: 10_000_00 });
    const onDeal = await api.tasks.create.mutate({ title: '跟进商机', dueAt: '2026-03-05T01:00:00Z', link: { type: 'opportunity', id: deal.id } });
    expect(onDeal).toMatchObject({ link: { type: 'opportunity', id: deal.id }, customerId: customer.id });
    expect(await api.tasks.list.query({ linkType: 'opportunity', linkId: deal.id })).toEqual([onDeal]);

    const lead = await api.leads.create.mutate({ fields: { companyName: '线索任务公司' } });
    const onLead = await api.tasks.create.mutate({ title: '初次电话', dueAt: '2026-03-05T02:00:00Z', link: { type: 'lead', id: lead.id } });
    expect(onLead).toMatchObject({ link: { type: 'lead', id: lead.id }, customerId: null });
    // Converted, the lead's tasks show with the customer's follow-ups (still linked to the lead).
    const { customerId } = await api.leads.convert.mutate({ id: lead.id, version: lead.version });
    expect(await api.tasks.list.query({ customerId })).toMatchObject([{ id: onLead.id, link: { type: 'lead', id: lead.id }, customerId }]);

    for (const type of ['opportunity', 'lead'] as const) {
      const refused = await appErrorOf(api.tasks.create.mutate({ title: '无主', dueAt: '2026-03-05T01:00:00Z', link: { type, id: 9999 } }));
      expect(refused.fieldErrors).toEqual({ link: 'invalidLink' });
    }
  });

  it('updates with the version it read, and refuses a stale version with the current task', async () => {
    const task = await api.tasks.create.mutate({ title: '准备合同', dueAt: '2026-03-05T02:00:00Z' });
    const updated = await api.tasks.update.mutate({ ...task, title: '准备合同（第二版）', priority: 'high', assigneeId: repA.id });
    expect(updated).toMatchObject({ title: '准备合同（第二版）', priority: 'high', assigneeName: '销售甲', version: 2 });
    const stale = await appErrorOf(api.tasks.update.mutate({ ...task, title: '旧的' }));
    expect(stale.code).toBe('conflict');
    expect(stale.data).toMatchObject({ id: task.id, title: '准备合同（第二版）', version: 2 });
  });

  it('marks a task done and open again', async () => {
    const task = await api.tasks.create.mutate({ title: '寄样品', dueAt: '2026-03-02T08:00:00Z' });
    const done = await api.tasks.setStatus.mutate({ id: task.id, version: task.version, status: 'done' });
    expect(done).toMatchObject({ status: 'done', completedAt: clock.now().toISOString(), version: 2 });
    const reopened = await api.tasks.setStatus.mutate({ id: task.id, version: done.version, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, version: 3 });
    expect((await appErrorOf(api.tasks.setStatus.mutate({ id: task.id, version: 1, status: 'done' }))).code).toBe('conflict');
  });

  it('soft-deletes: the task leaves reads and lists', async () => {
    const task = await api.tasks.create.mutate({ title: '要删除的任务', dueAt: '2026-03-06T02:00:00Z' });
    await api.tasks.delete.mutate({ id: task.id });
    expect((await appErrorOf(api.tasks.get.query({ id: task.id }))).code).toBe('not_found');
    expect((await api.tasks.list.query({})).map((x) => x.id)).not.toContain(task.id);
    expect((await appErrorOf(api.tasks.delete.mutate({ id: task.id }))).code).toBe('not_found');
  });
});

describe('tasks: audit log', () => {
  it("writes who changed what for every task change, kept off the customer's timeline", async () => {
    const customer = await api.customers.create.mutate(company('审计客户'));
    const task = await api.tasks.create.mutate({ title: '审计任务', dueAt: '2026-03-07T02:00:00Z', link: { type: 'customer', id: customer.id } });
    const updated = await api.tasks.update.mutate({ ...task, title: '审计任务（改）' });
    await api.tasks.setStatus.mutate({ id: task.id, version: updated.version, status: 'done' });
    await api.tasks.delete.mutate({ id: task.id });

    const entries = await t.host.services.db
      .selectFrom('audit_log')
      .select(['op', 'changes', 'customer_id', 'user_id'])
      .where('entity', '=', 'task')
      .where('entity_id', '=', task.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.op)).toEqual(['create', 'update', 'update', 'delete']);
    expect(entries.every((e) => e.customer_id === null && e.user_id !== null)).toBe(true);
    expect(JSON.parse(entries[0]!.changes)).toMatchObject({ title: [null, '审计任务'], kind: [null, 'task'] });
    expect(JSON.parse(entries[1]!.changes)).toEqual({ title: ['审计任务', '审计任务（改）'] });
    expect(JSON.parse(entries[2]!.changes)).toMatchObject({ status: ['open', 'done'] });

    const history = await api.customers.history.query({ customerId: customer.id });
    expect(history.items.every((entry) => entry.entity === 'customer')).toBe(true);
  });
});

describe('tasks: who may see them', () => {
  it("a sales rep cannot read, list, change or delete another rep's tasks", async () => {
    const customer = await repA.api.customers.create.mutate(company('甲的客户'));
    const task = await repA.api.tasks.create.mutate({ title: '甲的回访', dueAt: '2026-03-03T02:00:00Z', link: { type: 'customer', id: customer.id } });
    const ownTask = await repA.api.tasks.create.mutate({ title: '甲的私事', dueAt: '2026-03-03T03:00:00Z' });

    for (const id of [task.id, ownTask.id]) {
      expect((await appErrorOf(repB.api.tasks.get.query({ id }))).code).toBe('not_found');
      expect((await appErrorOf(repB.api.tasks.update.mutate({ ...task, id, title: '乙改的' }))).code).toBe('not_found');
      expect((await appErrorOf(repB.api.tasks.setStatus.mutate({ id, version: 1, status: 'done' }))).code).toBe('not_found');
      expect((await appErrorOf(repB.api.tasks.delete.mutate({ id }))).code).toBe('not_found');
    }
    expect(await repB.api.tasks.list.query({ customerId: customer.id })).toEqual([]);
    expect((await repB.api.tasks.list.query({})).map((x) => x.id)).not.toContain(task.id);
    expect((await repB.api.calendar.range.query({ from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z', assigneeId: repA.id }))).toEqual([]);
    // Nor link a task of their own to a customer they cannot see.
    const linked = await appErrorOf(repB.api.tasks.create.mutate({ title: 'x', dueAt: '2026-03-03T02:00:00Z', link: { type: 'customer', id: customer.id } }));
    expect(linked.fieldErrors).toEqual({ link: 'invalidLink' });
    // The owner sees everything.
    expect(await api.tasks.get.query({ id: task.id })).toMatchObject({ title: '甲的回访' });
    expect(await api.tasks.get.query({ id: ownTask.id })).toMatchObject({ title: '甲的私事' });
  });

  it("the assignee sees a task on a customer they cannot otherwise see", async () => {
    const customer = await repA.api.customers.create.mutate(company('甲的大客户'));
    const task = await repA.api.tasks.create.mutate({
      title: '请乙陪同拜访',
      kind: 'visit',
      dueAt: '2026-03-04T02:00:00Z',
      endsAt: '2026-03-04T04:00:00Z',
      assigneeId: repB.id,
      link: { type: 'customer', id: customer.id },
    });
    expect(await repB.api.tasks.get.query({ id: task.id })).toMatchObject({ title: '请乙陪同拜访', customerName: '甲的大客户' });
    expect((await appErrorOf(repB.api.customers.get.query({ id: customer.id }))).code).toBe('not_found');
    // Reassigned away from them, it is gone again.
    const current = await repA.api.tasks.get.query({ id: task.id });
    await repA.api.tasks.update.mutate({ ...current, assigneeId: repA.id });
    expect((await appErrorOf(repB.api.tasks.get.query({ id: task.id }))).code).toBe('not_found');
  });
});

describe('My day', () => {
  it('buckets open work into overdue, due today and upcoming in the user local day', async () => {
    const me = await addColleague(t.host, { username: 'rep.day', displayName: '销售丙', role: 'sales' });
    const add = (title: string, dueAt: string, allDay = false) => me.api.tasks.create.mutate({ title, dueAt, allDay });
    // Now: 2026-03-02 17:00 in Shanghai.
    await add('passed this afternoon', '2026-03-02T08:00:00Z');
    await add('all day yesterday', '2026-02-28T16:00:00Z', true);
    await add('tonight', '2026-03-02T12:00:00Z');
    await add('all day today', '2026-03-01T16:00:00Z', true);
    await add('tomorrow morning', '2026-03-03T01:00:00Z');
    await add('in a week', '2026-03-09T01:00:00Z');
    await add('in three weeks', '2026-03-23T01:00:00Z');
    const done = await add('done today', '2026-03-02T10:00:00Z');
    await me.api.tasks.setStatus.mutate({ id: done.id, version: done.version, status: 'done' });
    await repA.api.tasks.create.mutate({ title: "someone else's", dueAt: '2026-03-02T10:00:00Z' });

    const day = await me.api.tasks.myDay.query({ timeZone: 'Asia/Shanghai' });
    const titles = (tasks: { title: string }[]) => tasks.map((x) => x.title);
    expect(day.today).toBe('2026-03-02');
    expect(titles(day.overdue)).toEqual(['all day yesterday', 'passed this afternoon']);
    expect(titles(day.dueToday)).toEqual(['all day today', 'tonight']);
    expect(titles(day.upcoming)).toEqual(['tomorrow morning', 'in a week']);

    // In New York it is still 04:00 on 2 March: "tonight" and "tomorrow morning" (Shanghai) fall on other days.
    const ny = await me.api.tasks.myDay.query({ timeZone: 'America/New_York', upcomingDays: 1 });
    expect(ny.today).toBe('2026-03-02');
    expect(titles(ny.overdue)).toEqual(['all day yesterday', 'all day today', 'passed this afternoon']);
    expect(titles(ny.dueToday)).toEqual(['tonight', 'tomorrow morning']);
    expect(titles(ny.upcoming)).toEqual([]);

    expect((await appErrorOf(me.api.tasks.myDay.query({ timeZone: 'Mars/Olympus' }))).fieldErrors).toEqual({ timeZone: 'invalidTimeZone' });
  });
});
