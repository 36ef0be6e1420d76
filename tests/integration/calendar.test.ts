import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, type Colleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
let rep: Colleague;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  rep = await addColleague(t.host, { username: 'rep.cal', displayName: '销售戊', role: 'sales' });
});
afterAll(() => t.close());

const WEEK = { from: '2026-03-01T16:00:00Z', to: '2026-03-08T16:00:00Z' };

describe('calendar: range', () => {
  it('shows my tasks, meetings and visits that overlap the range, done ones too, cancelled ones not', async () => {
    const mk = (title: string, extra: Record<string, unknown>) => rep.api.tasks.create.mutate({ title, dueAt: '2026-03-03T02:00:00Z', ...extra });
    await mk('周会', { kind: 'meeting', dueAt: '2026-03-03T01:00:00Z', endsAt: '2026-03-03T02:00:00Z' });
    // Began before the range, still running inside it.
    await mk('展会', { kind: 'visit', dueAt: '2026-02-27T16:00:00Z', endsAt: '2026-03-02T16:00:00Z', allDay: true });
    const done = await mk('已完成', {});
    await rep.api.tasks.setStatus.mutate({ id: done.id, version: 1, status: 'done' });
    const cancelled = await mk('已取消', {});
    await rep.api.tasks.setStatus.mutate({ id: cancelled.id, version: 1, status: 'cancelled' });
    await mk('下个月', { dueAt: '2026-04-03T02:00:00Z' });
    await mk('上周结束', { kind: 'meeting', dueAt: '2026-02-20T01:00:00Z', endsAt: '2026-02-20T02:00:00Z' });
    await api.tasks.create.mutate({ title: '老板自己的', dueAt: '2026-03-03T02:00:00Z' });

    const titles = (await rep.api.calendar.range.query(WEEK)).map((x) => x.title);
    expect(titles).toEqual(['展会', '周会', '已完成']);
    // The owner may look at the rep's calendar; the rep sees only their own by default.
    expect((await api.calendar.range.query({ ...WEEK, assigneeId: rep.id })).map((x) => x.title)).toEqual(titles);
    expect((await api.calendar.range.query(WEEK)).map((x) => x.title)).toEqual(['老板自己的']);
  });

  it('refuses a backwards or too long range', async () => {
    expect((await appErrorOf(api.calendar.range.query({ from: WEEK.to, to: WEEK.from }))).fieldErrors).toEqual({ to: 'invalidRange' });
    expect((await appErrorOf(api.calendar.range.query({ from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' }))).fieldErrors).toEqual({
      to: 'invalidRange',
    });
  });
});

describe('calendar: drag to reschedule', () => {
  it('moves a meeting with the version it read, and refuses a stale drag with the current task', async () => {
    const meeting = await api.tasks.create.mutate({ title: '客户来访', kind: 'meeting', dueAt: '2026-03-04T02:00:00Z', endsAt: '2026-03-04T03:00:00Z' });
    const moved = await api.tasks.reschedule.mutate({ id: meeting.id, version: meeting.version, dueAt: '2026-03-05T06:00:00Z', endsAt: '2026-03-05T07:30:00Z', allDay: false });
    expect(moved).toMatchObject({ dueAt: '2026-03-05T06:00:00.000Z', endsAt: '2026-03-05T07:30:00.000Z', version: 2 });

    const stale = await appErrorOf(
      api.tasks.reschedule.mutate({ id: meeting.id, version: meeting.version, dueAt: '2026-03-06T06:00:00Z', endsAt: null, allDay: false }),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.data).toMatchObject({ id: meeting.id, dueAt: '2026-03-05T06:00:00.000Z', version: 2 });

    const backwards = await appErrorOf(
      api.tasks.reschedule.mutate({ id: meeting.id, version: 2, dueAt: '2026-03-06T06:00:00Z', endsAt: '2026-03-06T05:00:00Z', allDay: false }),
    );
    expect(backwards.fieldErrors).toEqual({ endsAt: 'endsBeforeStart' });
    expect((await appErrorOf(rep.api.tasks.reschedule.mutate({ id: meeting.id, version: 2, dueAt: '2026-03-06T06:00:00Z', endsAt: null, allDay: false }))).code).toBe(
      'not_found',
    );
  });
});

describe('calendar: .ics export', () => {
  it('writes my calendar as iCalendar that an independent parser reads back with the right times and UIDs', async () => {
    const me = await addColleague(t.host, { username: 'rep.ics', displayName: '销售己', role: 'sales' });
    const customer = await me.api.customers.create.mutate({ name: '成都蓉城茶业', kind: 'company', stage: 'customer' });
    const meeting = await me.api.tasks.create.mutate({
      title: '季度回顾会议, 议程; 见附件',
      kind: 'meeting',
      dueAt: '2026-03-03T10:00:00+08:00',
      endsAt: '2026-03-03T11:30:00+08:00',
      remindAt: '2026-03-03T09:45:00+08:00',
      notes: '带上样品',
      link: { type: 'customer', id: customer.id },
    });
    const call = await me.api.tasks.create.mutate({ title: 'Call back', kind: 'call', dueAt: '2026-03-04T06:00:00Z' });
    // All day on 5 and 6 March in Shanghai: local midnights 4 Mar 16:00Z to 6 Mar 16:00Z.
    const fair = await me.api.tasks.create.mutate({ title: '广交会', kind: 'visit', dueAt: '2026-03-04T16:00:00Z', endsAt: '2026-03-06T16:00:00Z', allDay: true });
    const cancelled = await me.api.tasks.create.mutate({ title: '取消了', dueAt: '2026-03-04T06:00:00Z' });
    await me.api.tasks.setStatus.mutate({ id: cancelled.id, version: 1, status: 'cancelled' });
    await rep.api.tasks.create.mutate({ title: '别人的', dueAt: '2026-03-04T06:00:00Z' });

    const { filename, content } = await me.api.calendar.exportIcs.query({ timeZone: 'Asia/Shanghai' });
    expect(filename).toBe('office-crm-2026-03-02.ics');

    const calendar = new ICAL.Component(ICAL.parse(content));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`task-${meeting.id}@office-crm`, `task-${call.id}@office-crm`, `task-${fair.id}@office-crm`].sort());

    const m = byUid.get(`task-${meeting.id}@office-crm`)!;
    expect(m.summary).toBe('季度回顾会议, 议程; 见附件');
    expect(m.description).toBe('成都蓉城茶业\n\n带上样品');
    expect(m.startDate.toJSDate().toISOString()).toBe('2026-03-03T02:00:00.000Z');
    expect(m.endDate.toJSDate().toISOString()).toBe('2026-03-03T03:30:00.000Z');
    const alarm = m.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT15M');

    const c = byUid.get(`task-${call.id}@office-crm`)!;
    expect(c.startDate.toJSDate().toISOString()).toBe('2026-03-04T06:00:00.000Z');
    expect(c.endDate.toJSDate().toISOString()).toBe('2026-03-04T06:30:00.000Z');
    expect(c.component.getFirstSubcomponent('valarm')).toBeNull();

    const f = byUid.get(`task-${fair.id}@office-crm`)!;
    expect(f.startDate.isDate).toBe(true);
    expect(f.startDate.toString()).toBe('2026-03-05');
    expect(f.endDate.toString()).toBe('2026-03-07');
  });

  it('refuses an unknown time zone', async () => {
    expect((await appErrorOf(api.calendar.exportIcs.query({ timeZone: 'Not/A_Zone' }))).fieldErrors).toEqual({ timeZone: 'invalidTimeZone' });
  });
});
