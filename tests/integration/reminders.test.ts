import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host.js';
import type { FiredReminder } from '../../electron/services/reminders.service.js';
import { addColleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { apiClient, appErrorOf, OWNER, startTestHost, tempDir, type ApiClient, type TestHost } from '../helpers/test-host.js';

const MINUTE = 60_000;

// One host for the tests that do not restart: each account costs a deliberately slow password hash.
// The clock only moves forward; each test schedules relative to it, after earlier reminders have fired.
const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let host: Host;
let api: ApiClient;
const shown: FiredReminder[] = [];

beforeAll(async () => {
  t = await startTestHost({ clock, onReminder: (r) => shown.push(r) });
  ({ host, api } = t);
});
afterAll(() => t.close());

/** An instant `minutes` from the test clock's now. */
const inMinutes = (minutes: number) => new Date(clock.now().getTime() + minutes * MINUTE).toISOString();

async function unreadTitles(client: ApiClient): Promise<string[]> {
  const { items } = await client.notifications.list.query({});
  return items.filter((n) => n.readAt === null).map((n) => n.title);
}

/** Starts each test with nothing unread. */
const readAll = (client: ApiClient) => client.notifications.markAllRead.mutate();

describe('reminders fire exactly once', () => {
  it('fires at its minute, never before and never twice, for the assignee', async () => {
    await readAll(api);
    const dueAt = inMinutes(15);
    const remindAt = inMinutes(10);
    const task = await api.tasks.create.mutate({ title: '给李总打电话', kind: 'call', dueAt, remindAt });

    clock.advance(9 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);
    expect(await api.notifications.unreadCount.query()).toBe(0);

    clock.advance(MINUTE);
    const fired = await host.reminders.check();
    expect(fired).toMatchObject([{ taskId: task.id, title: '给李总打电话', kind: 'call', dueAt }]);
    expect(await host.reminders.check()).toEqual([]);
    clock.advance(60 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);

    const { items, unread } = await api.notifications.list.query({});
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({
      kind: 'task_reminder',
      title: '给李总打电话',
      data: { taskId: task.id, taskKind: 'call', dueAt, allDay: false },
      link: `/my-day?task=${task.id}`,
      createdAt: remindAt,
      readAt: null,
    });
    expect(await api.tasks.get.query({ id: task.id })).toMatchObject({ remindedAt: remindAt });
    // The host option heard it too: that is how the desktop shows a native notification.
    expect(shown.filter((r) => r.taskId === task.id)).toHaveLength(1);
  });

  it('fires many due reminders at once, each once, even when checks overlap', async () => {
    await readAll(api);
    for (let i = 0; i < 120; i += 1) {
      await api.tasks.create.mutate({ title: `任务 ${i}`, dueAt: inMinutes(60), remindAt: inMinutes(30) });
    }
    clock.advance(45 * MINUTE);
    const [first, second] = await Promise.all([host.reminders.check(), host.reminders.check()]);
    expect(first.length + second.length).toBe(120);
    expect(await api.notifications.unreadCount.query()).toBe(120);
  });

  it("does not fire a done, cancelled or deleted task's reminder", async () => {
    await readAll(api);
    const make = (title: string) => api.tasks.create.mutate({ title, dueAt: inMinutes(120), remindAt: inMinutes(60) });
    const done = await make('done');
    const cancelled = await make('cancelled');
    const deleted = await make('deleted');
    await make('still open');
    await api.tasks.setStatus.mutate({ id: done.id, version: 1, status: 'done' });
    await api.tasks.setStatus.mutate({ id: cancelled.id, version: 1, status: 'cancelled' });
    await api.tasks.delete.mutate({ id: deleted.id });

    clock.advance(2 * 60 * MINUTE);
    expect((await host.reminders.check()).map((r) => r.title)).toEqual(['still open']);
    expect(await unreadTitles(api)).toEqual(['still open']);
  });

  it('a moved reminder goes off again at its new time; a calendar drag keeps its lead time', async () => {
    await readAll(api);
    const task = await api.tasks.create.mutate({ title: '拜访', kind: 'visit', dueAt: inMinutes(30), remindAt: inMinutes(20) });
    clock.advance(20 * MINUTE);
    expect(await host.reminders.check()).toHaveLength(1);

    // Dragged 5 hours later: the reminder moves with it, 10 minutes ahead, and is armed again.
    const dueAt = inMinutes(5 * 60 + 10);
    const moved = await api.tasks.reschedule.mutate({ id: task.id, version: task.version, dueAt, endsAt: null, allDay: false });
    expect(moved).toMatchObject({ dueAt, remindAt: inMinutes(5 * 60), remindedAt: null });
    clock.advance(4 * 60 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);
    clock.advance(60 * MINUTE);
    expect((await host.reminders.check()).map((r) => r.dueAt)).toEqual([dueAt]);
    expect(await api.notifications.unreadCount.query()).toBe(2);

    // Editing other fields leaves a fired reminder fired.
    const current = await api.tasks.get.query({ id: task.id });
    await api.tasks.update.mutate({ ...current, title: '拜访（改）' });
    clock.advance(MINUTE);
    expect(await host.reminders.check()).toEqual([]);
  });

  it('fires an already due reminder on its own: a task change re-arms the scheduler', async () => {
    await api.tasks.create.mutate({ title: '开会', kind: 'meeting', dueAt: inMinutes(5), remindAt: inMinutes(0) });
    await expect.poll(() => shown.some((r) => r.title === '开会')).toBe(true);
    expect(await host.reminders.check()).toEqual([]);
  });
});

describe('the notification centre', () => {
  it('shows each user only their own reminders, and marks only their own read', async () => {
    await readAll(api);
    const rep = await addColleague(host, { username: 'rep.n', displayName: '销售丁', role: 'sales' });
    await api.tasks.create.mutate({ title: '老板的提醒', dueAt: inMinutes(60), remindAt: inMinutes(30) });
    await api.tasks.create.mutate({ title: '交给丁的提醒', dueAt: inMinutes(60), remindAt: inMinutes(30), assigneeId: rep.id });
    await rep.api.tasks.create.mutate({ title: '丁自己的提醒', dueAt: inMinutes(60), remindAt: inMinutes(31) });
    clock.advance(40 * MINUTE);
    await host.reminders.check();

    expect(await unreadTitles(api)).toEqual(['老板的提醒']);
    expect(await unreadTitles(rep.api)).toEqual(['丁自己的提醒', '交给丁的提醒']);

    const ownerUnread = (await api.notifications.list.query({})).items.filter((n) => n.readAt === null).map((n) => n.id);
    // The rep cannot mark the owner's notification read.
    expect(await rep.api.notifications.markRead.mutate({ ids: ownerUnread })).toEqual({ changed: 0 });
    expect(await api.notifications.unreadCount.query()).toBe(1);

    const [latest] = (await rep.api.notifications.list.query({})).items;
    expect(await rep.api.notifications.markRead.mutate({ ids: [latest!.id] })).toEqual({ changed: 1 });
    expect(await rep.api.notifications.unreadCount.query()).toBe(1);
    expect((await rep.api.notifications.list.query({})).items[0]!.readAt).toBe(clock.now().toISOString());
    expect(await rep.api.notifications.markAllRead.mutate()).toEqual({ changed: 1 });
    expect(await rep.api.notifications.unreadCount.query()).toBe(0);
    expect(await api.notifications.unreadCount.query()).toBe(1);

    // Paging back, and bad input.
    const page = await rep.api.notifications.list.query({ limit: 1, beforeId: latest!.id });
    expect(page.items.map((n) => n.title)).toEqual(['交给丁的提醒']);
    expect((await appErrorOf(rep.api.notifications.markRead.mutate({ ids: [] }))).code).toBe('validation');
  });

  it('refuses a caller without a session', async () => {
    const anonymous = apiClient(host);
    expect((await appErrorOf(anonymous.notifications.unreadCount.query())).code).toBe('unauthenticated');
    expect((await appErrorOf(anonymous.tasks.myDay.query({ timeZone: 'UTC' }))).code).toBe('unauthenticated');
  });
});

describe('reminders across restarts', () => {
  const dir = tempDir();
  const restartClock = new TestClock('2026-03-02T09:00:00.000Z');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The host on the same data folder, as after closing and starting the app again. */
  async function withHost(use: (api: ApiClient) => Promise<void>): Promise<void> {
    const restarted = await createHost({ dataDir: dir, clock: restartClock });
    try {
      const client = apiClient(restarted);
      const { needsSetup } = await client.auth.status.query();
      if (needsSetup) await client.auth.setupOwner.mutate(OWNER);
      else await client.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
      await use(client);
    } finally {
      await restarted.close();
    }
  }

  const titles = async (client: ApiClient) => (await client.notifications.list.query({})).items.map((n) => n.title);

  it('fires reminders that came due while the app was off once at start-up, and never again', async () => {
    await withHost(async (client) => {
      await client.tasks.create.mutate({ title: '关机时到期', dueAt: '2026-03-02T12:00:00Z', remindAt: '2026-03-02T11:00:00Z' });
      await client.tasks.create.mutate({ title: '明天', dueAt: '2026-03-03T12:00:00Z', remindAt: '2026-03-03T11:00:00Z' });
    });

    restartClock.advance(5 * 60 * MINUTE); // 14:00; the app was off at 11:00.
    await withHost(async (client) => expect(await titles(client)).toEqual(['关机时到期']));
    await withHost(async (client) => expect(await titles(client)).toEqual(['关机时到期']));

    // Started again the next day: only tomorrow's fires; the old one does not come back.
    restartClock.advance(24 * 60 * MINUTE);
    await withHost(async (client) => expect(await titles(client)).toEqual(['明天', '关机时到期']));
    await withHost(async (client) => expect(await titles(client)).toEqual(['明天', '关机时到期']));
  });
});
