import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import { scrollCustomerTable } from './customer-table.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');
const CUSTOMER = '杭州青山茶业有限公司';
const CONTACT = '陈青山';

const items = (page: Page) => page.getByTestId('timeline-item');
const dialog = (page: Page) => page.getByTestId('quick-log');

describe.runIf(browserAvailable())('interaction timeline in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  beforeAll(async () => {
    await page.goto(`${serve.url}/#/customers/new`);
    await page.locator('input[name="name"]').fill(CUSTOMER);
    await page.locator('input[name="primaryContact.name"]').fill(CONTACT);
    await page.getByTestId('save-customer').click();
    await page.getByTestId('timeline').waitFor();
  }, 60_000);

  it('logs a call from the customer page and shows it on the timeline', async () => {
    await page.getByTestId('timeline-empty').waitFor();
    await page.getByTestId('log-interaction').click();
    // On the customer's page the customer is chosen already; a call is the default type.
    await dialog(page).locator('textarea[name="content"]').fill('电话沟通春茶报价，客户希望先看样品。');
    await dialog(page).locator('input[name="durationMinutes"]').fill('15');
    await dialog(page).locator('input[name="outcome"]').fill('有意向');
    // The pills wrapper sits over the input and takes the click.
    await page.getByTestId('quick-log-contacts').click({ force: true });
    await page.getByRole('option', { name: CONTACT }).click();
    await page.getByTestId('save-interaction').click();

    await expect.poll(() => items(page).count()).toBe(1);
    const item = items(page).first();
    await expect.poll(() => item.textContent()).toContain('电话沟通春茶报价');
    await expect.poll(() => item.textContent()).toContain('15 min');
    await expect.poll(() => item.textContent()).toContain(`with ${CONTACT}`);
    // Logging sets the customer's last contact.
    await expect.poll(() => page.getByTestId('customer-details').textContent()).not.toMatch(/Last contacted—/);
  });

  it('logs a call with a next follow-up, which becomes a task on the customer\'s follow-ups', async () => {
    await page.getByTestId('log-interaction').click();
    await dialog(page).locator('textarea[name="content"]').fill('确认了样品收到。');
    await dialog(page).locator('input[name="nextStep"]').fill('电话确认订单数量');
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    const day = `${inThreeDays.getFullYear()}-${String(inThreeDays.getMonth() + 1).padStart(2, '0')}-${String(inThreeDays.getDate()).padStart(2, '0')}`;
    await page.getByTestId('quick-log-follow-up-on').fill(day);
    // Leaving the date field takes the typed date; the time and assignee then apply to the task.
    await page.getByTestId('quick-log-follow-up-time').fill('10:30');
    await page.getByTestId('save-interaction').click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);

    const followUp = page.getByTestId('customer-follow-ups').getByTestId('task-row').filter({ hasText: '电话确认订单数量' });
    await expect.poll(() => followUp.textContent()).toContain('10:30');
    await expect.poll(() => items(page).count()).toBe(2);
    // Kept for the rest of the file: one interaction, as before.
    await items(page).filter({ hasText: '确认了样品收到' }).getByTestId('delete-interaction').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => items(page).count()).toBe(1);
  });

  it('shows a field error for a note without content and logs nothing', async () => {
    await page.getByTestId('log-interaction').click();
    await page.getByTestId('quick-log-type').locator('label', { hasText: 'Note' }).click();
    await page.getByTestId('save-interaction').click();
    const content = dialog(page).locator('textarea[name="content"]');
    await expect.poll(() => content.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await items(page).count()).toBe(1);
  });

  it('opens quick-log with the keyboard shortcut from the customer list, with a customer picker', async () => {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await scrollCustomerTable(page, 'right');
    await expect.poll(() => page.getByTestId('days-since-contact').first().textContent()).toBe('Today');
    await page.keyboard.press('Control+J');
    await page.getByTestId('quick-log-customer').fill('青山');
    await page.getByRole('option', { name: CUSTOMER }).click();
    await page.getByTestId('quick-log-type').locator('label', { hasText: 'Visit' }).click();
    await dialog(page).locator('textarea[name="content"]').fill('上门拜访，参观了茶园。');
    await page.getByTestId('save-interaction').click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);

    await scrollCustomerTable(page, 'left');
    await page.getByRole('link', { name: CUSTOMER }).click();
    await expect.poll(() => items(page).count()).toBe(2);
    await expect.poll(() => items(page).first().textContent()).toContain('上门拜访');
  });

  it('filters the timeline by type', async () => {
    await page.getByTestId('timeline-filter-visit').click();
    await expect.poll(() => items(page).count()).toBe(1);
    await expect.poll(() => items(page).first().getAttribute('data-type')).toBe('visit');
    await page.getByTestId('timeline-filter-all').click();
    await expect.poll(() => items(page).count()).toBe(2);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('timeline').screenshot({ path: join(SCREENSHOTS, 'timeline.png') });
  });

  it('edits an interaction and deletes another', async () => {
    const call = items(page).filter({ hasText: '电话沟通春茶报价' });
    await call.getByTestId('edit-interaction').click();
    await dialog(page).locator('input[name="outcome"]').fill('已寄样');
    await page.getByTestId('save-interaction').click();
    await expect.poll(() => call.textContent()).toContain('已寄样');

    await items(page).filter({ hasText: '上门拜访' }).getByTestId('delete-interaction').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => items(page).count()).toBe(1);
  });
});
