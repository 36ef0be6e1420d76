import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, type Colleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

// Now: 2026-03-02 17:00 in Shanghai, 10:00 in Berlin.
const clock = new TestClock('2026-03-02T09:00:00.000Z');
const anHourAgo = () => new Date(clock.now().getTime() - 3_600_000).toISOString();

let t: TestHost;
let api: ApiClient;
let rep: Colleague;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  rep = await addColleague(t.host, { username: 'rep.follow', displayName: '销售跟进', role: 'sales' });
});
afterAll(() => t.close());

let count = 0;
const newCustomer = (client = api) =>
  client.customers.create.mutate({ name: `跟进客户${++count}`, kind: 'company', stage: 'prospect', primaryContact: { name: `联系人${count}` } });

const call = (extra: Record<string, unknown>) => ({ type: 'call' as const, occurredAt: anHourAgo(), content: '电话沟通', ...extra });

const tasksOf = (customerId: number, client = api) => client.tasks.list.query({ customerId });

describe('logging an interaction with a next follow-up', () => {
  it('makes a timed task for the logger at the local time chosen, titled with the next step, linked to the one contact', async () => {
    const customer = await newCustomer();
    const contact = customer.contacts[0]!;
    const logged = await api.interactions.log.mutate(
      call({
        customerId: customer.id,
        contactIds: [contact.id],
        nextStep: '寄送报价单',
        nextFollowUpOn: '2026-03-09',
        followUp: { time: '10:30', timeZone: 'Asia/Shanghai' },
      }),
    );
    expect(logged.followUpTask).toMatchObject({
      title: '寄送报价单',
      kind: 'task',
      dueAt: '2026-03-09T02:30:00.000Z',
      allDay: false,
      remindAt: '2026-03-09T02:15:00.000Z',
      assigneeId: logged.createdBy.id,
      status: 'open',
      link: { type: 'contact', id: contact.id },
      customerId: customer.id,
      customerName: customer.name,
    });
    // The customer's follow-ups card lists it, and so does the logger's My day.
    expect(await tasksOf(customer.id)).toEqual([logged.followUpTask]);
    const day = await api.tasks.myDay.query({ timeZone: 'Asia/Shanghai' });
    expect(day.upcoming.map((task) => task.id)).toContain(logged.followUpTask!.id);
    expect((await api.customers.get.query({ id: customer.id })).nextFollowUpOn).toBe('2026-03-09');
  });

  it('without a time, makes an all-day task from local midnight in the user zone, for the colleague chosen, linked to the deal', async () => {
    const customer = await newCustomer();
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '年度采购', amountMinor: 120_000_00 });
    const logged = await api.interactions.log.mutate(
      call({
        customerId: customer.id,
        opportunityId: deal.id,
        nextFollowUpOn: '2026-03-05',
        followUp: { timeZone: 'Europe/Berlin', assigneeId: rep.id, title: 'Follow up on the quote' },
      }),
    );
    expect(logged.followUpTask).toMatchObject({
      // No next step written: the title the app gave.
      title: 'Follow up on the quote',
      dueAt: '2026-03-04T23:00:00.000Z',
      allDay: true,
      remindAt: null,
      assigneeId: rep.id,
      link: { type: 'opportunity', id: deal.id },
      customerId: customer.id,
    });
    // The assignee completes it from My day as any other task.
    const day = await rep.api.tasks.myDay.query({ timeZone: 'Europe/Berlin' });
    const task = day.upcoming.find((x) => x.id === logged.followUpTask!.id)!;
    await rep.api.tasks.setStatus.mutate({ id: task.id, version: task.version, status: 'done' });
    const after = await rep.api.tasks.myDay.query({ timeZone: 'Europe/Berlin' });
    expect([...after.overdue, ...after.dueToday, ...after.upcoming].map((x) => x.id)).not.toContain(task.id);
  });

  it('links the task to the customer when several contacts took part, titled with the customer when nothing else is given', async () => {
    const customer = await newCustomer();
    const second = await api.contacts.create.mutate({ customerId: customer.id, name: '第二联系人' });
    const logged = await api.interactions.log.mutate(
      call({
        customerId: customer.id,
        contactIds: [customer.contacts[0]!.id, second.id],
        nextFollowUpOn: '2026-03-03',
        followUp: { time: '09:00', timeZone: 'Asia/Shanghai' },
      }),
    );
    expect(logged.followUpTask).toMatchObject({ title: customer.name, link: { type: 'customer', id: customer.id }, customerId: customer.id });
  });

  it('creates nothing without a follow-up date', async () => {
    const customer = await newCustomer();
    const logged = await api.interactions.log.mutate(call({ customerId: customer.id, nextStep: '再联系' }));
    expect(logged.followUpTask).toBeNull();
    expect(await tasksOf(customer.id)).toEqual([]);
  });

  it('refuses a date without how to make its task, and a task without a date', async () => {
    const customer = await newCustomer();
    const noHow = await appErrorOf(api.interactions.log.mutate(call({ customerId: customer.id, nextFollowUpOn: '2026-03-05' })));
    expect(noHow.fieldErrors).toEqual({ followUp: 'required' });
    const noDate = await appErrorOf(api.interactions.log.mutate(call({ customerId: customer.id, followUp: { timeZone: 'Asia/Shanghai' } })));
    expect(noDate.fieldErrors).toEqual({ nextFollowUpOn: 'required' });
    const bad = await appErrorOf(
      api.interactions.log.mutate(call({ customerId: customer.id, nextFollowUpOn: '2026-03-05', followUp: { time: '24:00', timeZone: 'Mars/Olympus' } })),
    );
    expect(bad.fieldErrors).toEqual({ 'followUp.time': 'invalidTime', 'followUp.timeZone': 'invalidTimeZone' });
  });

  it('rolls the whole log back when the task is refused: no interaction, no task, no change to the customer', async () => {
    const customer = await newCustomer();
    const gone = await addColleague(t.host, { username: 'left.company', displayName: '已离职', role: 'sales' });
    await t.host.services.db.updateTable('users').set({ disabled_at: clock.now().toISOString() }).where('id', '=', gone.id).execute();
    const auditBefore = await t.host.services.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const refused = await appErrorOf(
      api.interactions.log.mutate(
        call({ customerId: customer.id, nextStep: '上门拜访', nextFollowUpOn: '2026-03-06', followUp: { time: '14:00', timeZone: 'Asia/Shanghai', assigneeId: gone.id } }),
      ),
    );
    expect(refused).toMatchObject({ code: 'validation', fieldErrors: { 'followUp.assigneeId': 'invalidAssignee' } });
    expect((await api.interactions.timeline.query({ customerId: customer.id })).items).toEqual([]);
    expect(await tasksOf(customer.id)).toEqual([]);
    expect(await api.customers.get.query({ id: customer.id })).toMatchObject({ nextFollowUpOn: null, lastContactedAt: null, version: customer.version });
    const auditAfter = await t.host.services.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
  });

  it('announces the task with the interaction, after commit', async () => {
    const customer = await newCustomer();
    const events: { entity: string; op: string }[] = [];
    const stop = t.host.events.subscribe((event) => events.push(event));
    try {
      const logged = await api.interactions.log.mutate(call({ customerId: customer.id, nextFollowUpOn: '2026-03-04', followUp: { timeZone: 'Asia/Shanghai' } }));
      expect(events).toEqual([
        { entity: 'interaction', id: logged.id, op: 'create' },
        { entity: 'customer', id: customer.id, op: 'update' },
        { entity: 'task', id: logged.followUpTask!.id, op: 'create' },
      ]);
    } finally {
      stop();
    }
  });
});
