import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addColleague, createOwner, openApp, signIn, type E2eUser } from './app-session.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

const run = browserAvailable();
let serve: ServeProcess;
let browser: Browser;
const COLLEAGUE: E2eUser = { displayName: '李雷', username: 'lilei', password: 'colleague password 1' };

beforeAll(async () => {
  if (!run) return;
  [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function createCustomer(page: Page, name: string): Promise<void> {
  await page.goto(`${serve.url}/#/customers/new`);
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(name);
}

it.runIf(run)('two users: changes appear live, each sees the other on a customer, and a conflicting save is reapplied', async () => {
  const owner = await openApp(browser, serve.url);
  await createOwner(owner);
  await addColleague(owner, serve.url, COLLEAGUE);
  const colleague = await openApp(browser, serve.url);
  await signIn(colleague, COLLEAGUE);
  await colleague.getByTestId('user-menu').waitFor();

  // The owner watches the list; the colleague adds a customer; it appears without a reload.
  await owner.goto(`${serve.url}/#/customers`);
  await createCustomer(colleague, '实时协作科技有限公司');
  await expect.poll(() => owner.getByTestId('customer-row').allInnerTexts(), { timeout: 3000 }).toEqual([
    expect.stringContaining('实时协作科技有限公司'),
  ]);

  // Both open it: each sees the other.
  await owner.getByRole('link', { name: '实时协作科技有限公司' }).click();
  await expect.poll(() => owner.getByTestId('presence').textContent(), { timeout: 3000 }).toContain('李雷 is viewing');
  await expect.poll(() => colleague.getByTestId('presence').textContent(), { timeout: 3000 }).toContain('王老板 is viewing');

  // Both edit: the colleague saves the city first; the owner's save of the industry meets a conflict.
  const customerUrl = owner.url();
  await owner.getByTestId('edit-customer').click();
  await expect.poll(() => colleague.getByTestId('presence').textContent(), { timeout: 3000 }).toContain('王老板 is editing');
  await owner.locator('input[name="industry"]').fill('软件');
  await colleague.getByTestId('edit-customer').click();
  await colleague.locator('input[name="city"]').fill('杭州');
  await colleague.getByRole('button', { name: 'Save' }).click();
  await colleague.getByTestId('customer-name').waitFor();

  await owner.getByRole('button', { name: 'Save' }).click();
  const dialog = owner.getByTestId('conflict-dialog');
  await expect.poll(() => owner.getByTestId('conflict-field-city').innerText()).toMatch(/City\s+杭州/);
  expect(await owner.getByTestId('conflict-field-industry').innerText()).toContain('软件');
  expect(await dialog.innerText()).toContain('李雷 saved this customer');
  await owner.screenshot({ path: 'test-results/conflict-dialog.png' });
  await owner.getByTestId('conflict-reapply').click();
  expect(await owner.locator('input[name="city"]').inputValue()).toBe('杭州');
  expect(await owner.locator('input[name="industry"]').inputValue()).toBe('软件');
  await owner.getByRole('button', { name: 'Save' }).click();
  await owner.getByTestId('customer-name').waitFor();
  expect(owner.url()).toBe(customerUrl);
  const details = await owner.getByTestId('customer-details').innerText();
  expect(details).toContain('杭州');
  expect(details).toContain('软件');
});
