import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { DAY_ENDS, DAY_STARTS, slotTime } from '../../renderer/features/calendar/calendar-hours.js';
import { withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

/** Calls the API as the signed-in page (its session cookie), the way the renderer does over HTTP. */
async function callApi(page: Page, serveUrl: string, path: string, input: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<unknown> {
  const url = `${serveUrl}/api/trpc/${path}`;
  const response =
    kind === 'query' ? await page.request.get(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`) : await page.request.post(url, { data: input });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/**
 * Two whole hours of today's day view, two apart, within its office hours and away from the tasks made
 * before, which are due within the next three hours: clicking a slot under one of them opens that task
 * instead. The browser and this process share the machine's time zone.
 */
function freeSlotHours(now = new Date().getHours()): [number, number] {
  const busy = (hour: number) => hour >= now && hour <= now + 3;
  const starts = Array.from({ length: DAY_ENDS - DAY_STARTS - 2 }, (_, i) => DAY_STARTS + i);
  const start = starts.find((hour) => !busy(hour) && !busy(hour + 2))!;
  return [start, start + 2];
}

/** Drags a calendar event by the mouse, in small steps as a person would, onto a time slot. */
async function dragToSlot(page: Page, event: Locator, time: string): Promise<void> {
  // Both in view, the slot last: the calendar may redraw scrolled to the morning, with an evening slot
  // below its fold; a slot scrolled into view keeps an event two hours away in view too.
  const slot = page.locator(`.fc-timegrid-slot-lane[data-time="${time}"]`);
  await event.scrollIntoViewIfNeeded();
  await slot.scrollIntoViewIfNeeded();
  const from = (await event.boundingBox())!;
  const to = (await slot.boundingBox())!;
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + 5);
  await page.mouse.down();
  await page.mouse.move(x, from.y + 20, { steps: 5 });
  await page.mouse.move(x, to.y + 5, { steps: 10 });
  await page.mouse.up();
}

/**
 * Stands in for the system's notifications in the page (headless Chromium has none to look at), with
 * the window in the background, where a reminder goes to them too.
 */
const FAKE_SYSTEM_NOTIFICATIONS = `
  window.__systemNotifications = [];
  window.Notification = class {
    static permission = 'default';
    static requestPermission() {
      this.permission = 'granted';
      return Promise.resolve('granted');
    }
    constructor(title, options) {
      window.__systemNotifications.push({ title, body: options?.body ?? '' });
    }
    close() {}
  };
  document.hasFocus = () => false;`;

describe.runIf(browserAvailable())('follow-ups and reminders in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  it('creates a follow-up from My day, shows it, and ticks it done', async () => {
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('my-day-today').waitFor();
    await page.getByTestId('new-task').click();
    await page.locator('input[name="title"]').fill('给李总回电话');
    await page.getByTestId('task-kind').getByText('Call').click();
    await page.getByTestId('save-task').click();

    const row = page.getByTestId('task-row').filter({ hasText: '给李总回电话' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('task-done').click();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('refuses a task without a title, showing the field message', async () => {
    await page.getByTestId('new-task').click();
    await page.getByTestId('save-task').click();
    await expect.poll(() => page.locator('input[name="title"]').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a reminder in the notification centre when it comes due, and marks it read', async () => {
    await page.addInitScript({ content: FAKE_SYSTEM_NOTIFICATIONS });
    await page.reload();
    // The call above had a reminder too (15 minutes before the next whole hour, maybe already due): start from none unread.
    await page.getByTestId('notification-bell').click();
    // A browser asks once, on a click, before reminders may go to the system's notifications.
    const allow = page.getByTestId('system-notifications-allow');
    await allow.waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'notifications-ask-system.png') });
    await allow.click();
    await expect.poll(() => page.getByTestId('system-notifications-allow').count()).toBe(0);
    const readAll = page.getByTestId('notifications-read-all');
    if (await readAll.isEnabled()) await readAll.click();
    await expect.poll(() => readAll.isDisabled()).toBe(true);
    await page.getByTestId('notification-bell').click();
    const now = Date.now();
    await callApi(page, serve.url, 'tasks.create', {
      title: '拜访伟明科技',
      kind: 'visit',
      dueAt: new Date(now + 60 * 60_000).toISOString(),
      remindAt: new Date(now + 3_000).toISOString(),
    });
    // The host's scheduler fires it on its own; the bell asks every 15 s.
    await expect.poll(() => page.getByTestId('notification-count').textContent(), { timeout: 40_000, interval: 1_000 }).toContain('1');
    // It also pops up, for a browser or a colleague's copy without native notifications, and, the window
    // being in the background, goes to the system's notifications.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Reminder: 拜访伟明科技' }).isVisible()).toBe(true);
    const shown = () => page.evaluate<{ title: string; body: string }[]>('window.__systemNotifications');
    await expect.poll(shown).toEqual([{ title: 'Reminder: 拜访伟明科技', body: expect.stringMatching(/^Due /) as unknown as string }]);

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: '拜访伟明科技' });
    await expect.poll(() => item.textContent()).toContain('Reminder: 拜访伟明科技');
    expect(await item.getAttribute('data-unread')).toBe('true');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'reminder-notification.png') });

    // Opening it marks it read and opens the task.
    await item.click();
    await expect.poll(() => page.locator('input[name="title"]').inputValue()).toBe('拜访伟明科技');
    await expect.poll(() => page.getByTestId('notification-count').textContent()).not.toContain('1');
  }, 60_000);

  it('creates a task by clicking a time slot, and reschedules it by dragging', async () => {
    await page.goto(`${serve.url}/#/calendar`);
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    const [start, moved] = freeSlotHours();
    // A slot of today's day view: the form opens at that time.
    await page.locator(`.fc-timegrid-slot-lane[data-time="${slotTime(start)}"]`).click();
    await expect.poll(() => page.locator('input[name="dueAt"]').inputValue()).toMatch(new RegExp(` ${slotTime(start)}$`));
    await page.locator('input[name="title"]').fill('整理样品间');
    await page.getByTestId('save-task').click();
    const event = page.locator('.fc-event').filter({ hasText: '整理样品间' });
    await event.waitFor();

    // Dragged down two hours. A drag that starts while the calendar redraws is lost, so it is repeated
    // until the saved time says so (repeating a finished drag moves nothing).
    const savedHour = async () => {
      const tasks = (await callApi(page, serve.url, 'tasks.list', { statuses: ['open'] }, 'query')) as { title: string; dueAt: string }[];
      return new Date(tasks.find((task) => task.title === '整理样品间')!.dueAt).getHours();
    };
    await expect
      .poll(
        async () => {
          await dragToSlot(page, event, slotTime(moved));
          return savedHour();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(moved);
  });

  it('shows the calendar and exports it as an .ics file', async () => {
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    // Today's task: the reminder's visit above is due in an hour, which late on the week's last day is next week.
    await page.locator('.fc-event').filter({ hasText: '整理样品间' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
    expect(download.suggestedFilename()).toMatch(/^office-crm-\d{4}-\d{2}-\d{2}\.ics$/);
  });
});
