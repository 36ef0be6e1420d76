import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host.js';
import type { FiredReminder } from '../../electron/services/reminders.service.js';
import { addColleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { apiClient, appErrorOf, OWNER, startTestHost, tempDir, type ApiClient, type TestHost } from '../helpers/test-host.js';

const MINUTE = 60_000;

const open: TestHost[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function start(clock: TestClock): Promise<TestHost> {
  const t = await startTestHost({ clock });
  open.push(t);
  return t;
}

async function reminderTitles(api: ApiClient): Promise<string[]> {
  const { items } = await api.notifications.list.query({});
  return items.map((n) => n.title);
}

describe('reminders fire exactly once', () => {
  it('fires at its minute, never before and never twice, for the assignee', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const { host, api } = await start(clock);
    const task = await api.tasks.create.mutate({ title: '给李总打电话', kind: 'call', dueAt: '2026-03-02T09:15:00Z', remindAt: '2026-03-02T09:10:00Z' });

    clock.advance(9 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);
    expect(await api.notifications.unreadCount.query()).toBe(0);

    clock.advance(MINUTE);
    const fired = await host.reminders.check();
    expect(fired).toMatchObject([{ taskId: task.id, title: '给李总打电话', kind: 'call', dueAt: '2026-03-02T09:15:00.000Z' }]);
    expect(await host.reminders.check()).toEqual([]);
    clock.advance(60 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);

    const { items, unread } = await api.notifications.list.query({});
    expect(unread).toBe(1);
    expect(items).toMatchObject([
      {
        kind: 'task_reminder',
        title: '给李总打电话',
        data: { taskId: task.id, taskKind: 'call', dueAt: '2026-03-02T09:15:00.000Z', allDay: false },
        link: `/my-day?task=${task.id}`,
        createdAt: '2026-03-02T09:10:00.000Z',
        readAt: null,
      },
    ]);
    expect(await api.tasks.get.query({ id: task.id })).toMatchObject({ remindedAt: '2026-03-02T09:10:00.000Z' });
  });

  it('fires many due reminders at once, each once, even when checks overlap', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const { host, api } = await start(clock);
    for (let i = 0; i < 120; i += 1) {
      await api.tasks.create.mutate({ title: `任务 ${i}`, dueAt: '2026-03-02T10:00:00Z', remindAt: '2026-03-02T09:30:00Z' });
    }
    clock.advance(45 * MINUTE);
    const [first, second] = await Promise.all([host.reminders.check(), host.reminders.check()]);
    expect(first.length + second.length).toBe(120);
    expect(await api.notifications.unreadCount.query()).toBe(120);
  });

  it("does not fire a done, cancelled or deleted task's reminder", async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const { host, api } = await start(clock);
    const make = (title: string) => api.tasks.create.mutate({ title, dueAt: '2026-03-02T11:00:00Z', remindAt: '2026-03-02T10:00:00Z' });
    const done = await make('done');
    const cancelled = await make('cancelled');
    const deleted = await make('deleted');
    await make('still open');
    await api.tasks.setStatus.mutate({ id: done.id, version: 1, status: 'done' });
    await api.tasks.setStatus.mutate({ id: cancelled.id, version: 1, status: 'cancelled' });
    await api.tasks.delete.mutate({ id: deleted.id });

    clock.advance(2 * 60 * MINUTE);
    expect((await host.reminders.check()).map((r) => r.title)).toEqual(['still open']);
    expect(await reminderTitles(api)).toEqual(['still open']);
  });

  it('a moved reminder goes off again at its new time; a calendar drag keeps its lead time', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const { host, api } = await start(clock);
    const task = await api.tasks.create.mutate({ title: '拜访', kind: 'visit', dueAt: '2026-03-02T09:30:00Z', remindAt: '2026-03-02T09:20:00Z' });
    clock.advance(20 * MINUTE);
    expect(await host.reminders.check()).toHaveLength(1);

    // Dragged to the afternoon: the reminder moves with it, 10 minutes ahead, and is armed again.
    const moved = await api.tasks.reschedule.mutate({ id: task.id, version: task.version, dueAt: '2026-03-02T14:30:00Z', endsAt: null, allDay: false });
    expect(moved).toMatchObject({ dueAt: '2026-03-02T14:30:00.000Z', remindAt: '2026-03-02T14:20:00.000Z', remindedAt: null });
    clock.advance(4 * 60 * MINUTE);
    expect(await host.reminders.check()).toEqual([]);
    clock.advance(60 * MINUTE);
    expect((await host.reminders.check()).map((r) => r.dueAt)).toEqual(['2026-03-02T14:30:00.000Z']);
    expect(await api.notifications.unreadCount.query()).toBe(2);

    // Editing other fields leaves a fired reminder fired.
    const current = await api.tasks.get.query({ id: task.id });
    await api.tasks.update.mutate({ ...current, title: '拜访（改）' });
    clock.advance(MINUTE);
    expect(await host.reminders.check()).toEqual([]);
  });

  it('tells the host option of each reminder as it fires (the desktop shows it natively)', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const dir = tempDir();
    const shown: FiredReminder[] = [];
    const host = await createHost({ dataDir: dir, clock, onReminder: (r) => shown.push(r) });
    try {
      const api = apiClient(host);
      await api.auth.setupOwner.mutate(OWNER);
      await api.tasks.create.mutate({ title: '开会', kind: 'meeting', dueAt: '2026-03-02T09:05:00Z', remindAt: '2026-03-02T09:00:00Z' });
      // Already due: the change event re-arms the scheduler, which fires it without being asked.
      await expect.poll(() => shown.map((r) => r.title)).toEqual(['开会']);
      expect(await host.reminders.check()).toEqual([]);
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reminders across restarts', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withHost<T>(clock: TestClock, use: (host: Host, api: ApiClient) => Promise<T>): Promise<T> {
    const host = await createHost({ dataDir: dir, clock });
    try {
      const api = apiClient(host);
      const { needsSetup } = await api.auth.status.query();
      if (needsSetup) await api.auth.setupOwner.mutate(OWNER);
      else await api.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
      return await use(host, api);
    } finally {
      await host.close();
    }
  }

  it('fires reminders that came due while the app was off once at start-up, and never again', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    await withHost(clock, async (_host, api) => {
      await api.tasks.create.mutate({ title: '关机时到期', dueAt: '2026-03-02T12:00:00Z', remindAt: '2026-03-02T11:00:00Z' });
      await api.tasks.create.mutate({ title: '明天', dueAt: '2026-03-03T12:00:00Z', remindAt: '2026-03-03T11:00:00Z' });
    });

    clock.advance(5 * 60 * MINUTE); // 14:00, the app was off.
    const shownAtStart: string[] = [];
    await withHost(clock, async (host, api) => {
      expect(await reminderTitles(api)).toEqual(['关机时到期']);
      expect(await host.reminders.check()).toEqual([]);
      shownAtStart.push(...(await reminderTitles(api)));
    });
    expect(shownAtStart).toEqual(['关机时到期']);

    // Restarted again, the next day: only tomorrow's fires; the old one does not come back.
    clock.advance(24 * 60 * MINUTE);
    await withHost(clock, async (_host, api) => {
      expect(await reminderTitles(api)).toEqual(['明天', '关机时到期']);
    });
    await withHost(clock, async (_host, api) => {
      expect(await reminderTitles(api)).toEqual(['明天', '关机时到期']);
    });
  });
});

describe('the notification centre', () => {
  it("shows each user only their own reminders, and marks only their own read", async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const { host, api } = await start(clock);
    const rep = await addColleague(host, { username: 'rep.n', displayName: '销售丁', role: 'sales' });
    await api.tasks.create.mutate({ title: '老板的提醒', dueAt: '2026-03-02T10:00:00Z', remindAt: '2026-03-02T09:30:00Z' });
    await api.tasks.create.mutate({ title: '交给丁的提醒', dueAt: '2026-03-02T10:00:00Z', remindAt: '2026-03-02T09:30:00Z', assigneeId: rep.id });
    await rep.api.tasks.create.mutate({ title: '丁自己的提醒', dueAt: '2026-03-02T10:00:00Z', remindAt: '2026-03-02T09:31:00Z' });
    clock.advance(40 * MINUTE);
    await host.reminders.check();

    expect(await reminderTitles(api)).toEqual(['老板的提醒']);
    expect(await reminderTitles(rep.api)).toEqual(['丁自己的提醒', '交给丁的提醒']);

    const ownerIds = (await api.notifications.list.query({})).items.map((n) => n.id);
    // The rep cannot mark the owner's notification read.
    expect(await rep.api.notifications.markRead.mutate({ ids: ownerIds })).toEqual({ changed: 0 });
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
    const clock = new TestClock();
    const { host } = await start(clock);
    const anonymous = apiClient(host);
    expect((await appErrorOf(anonymous.notifications.unreadCount.query())).code).toBe('unauthenticated');
    expect((await appErrorOf(anonymous.tasks.myDay.query({ timeZone: 'UTC' }))).code).toBe('unauthenticated');
  });
});
