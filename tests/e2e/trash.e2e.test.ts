import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

/** Creates a customer through the API with the page's own session (the UI for it is tested elsewhere). */
async function createCustomer(page: Page, input: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (body) => {
    const response = await fetch('/api/trpc/customers.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'company', stage: 'prospect', confirmDuplicates: true, ...body }),
    });
    return ((await response.json()) as { result: { data: { id: number } } }).result.data.id;
  }, input);
}

const trashRows = (page: Page) => page.getByTestId('trash-row');
const historyEntries = (page: Page) => page.getByTestId('history-entry');

describe.runIf(browserAvailable())('trash and history in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let id: number;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  beforeAll(async () => {
    id = await createCustomer(page, { name: '苏州青松贸易有限公司', primaryContact: { name: '周青松', mobile: '13812340001' } });
  }, 60_000);

  it('shows the customer page history, newest first, with translated fields', async () => {
    await page.goto(`${serve.url}/#/customers/${id}`);
    await expect.poll(() => historyEntries(page).count()).toBe(2);
    await expect.poll(() => historyEntries(page).first().textContent()).toContain('added the contact 周青松');
    await expect.poll(() => historyEntries(page).last().textContent()).toContain('Stage: Prospect');
  });

  it('a deleted customer waits in the trash and comes back, after a duplicate warning, with its contact', async () => {
    await page.getByTestId('delete-customer').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(/#\/customers$/);
    // Meanwhile a colleague enters the same company again.
    await createCustomer(page, { name: '苏州青松贸易' });

    await page.getByTestId('nav-trash').click();
    await expect.poll(() => trashRows(page).count()).toBe(1);
    await expect.poll(() => trashRows(page).first().textContent()).toContain('with 1 contact');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'trash.png') });

    await page.getByTestId('restore').click();
    await page.getByTestId('restore-anyway').click();
    await page.getByTestId('trash-empty').waitFor();

    await page.goto(`${serve.url}/#/customers/${id}`);
    await expect.poll(() => page.getByTestId('contact-row').textContent()).toContain('周青松');
    await expect.poll(() => historyEntries(page).first().textContent()).toContain('restored the contact 周青松 from the trash');
    await page.screenshot({ path: join(SCREENSHOTS, 'customer-history.png'), fullPage: true });
  });

  it('the owner deletes it forever from the trash after confirming', async () => {
    await page.getByTestId('delete-customer').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(/#\/customers$/);
    await page.getByTestId('nav-trash').click();
    await expect.poll(() => trashRows(page).count()).toBe(1);

    await page.getByTestId('purge').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('trash-empty').waitFor();
    await page.goto(`${serve.url}/#/customers/${id}`);
    await page.getByTestId('customer-not-found').waitFor();
  });
});
