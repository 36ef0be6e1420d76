import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { createOwner, E2E_OWNER, openApp, signIn, signOut } from './app-session.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { scrollCustomerTable } from './customer-table.js';
import { startServe, type ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

const rows = (page: Page) => page.getByTestId('customer-row');

async function searchList(page: Page, text: string): Promise<void> {
  await page.getByTestId('customer-search').fill(text);
}

describe.runIf(browserAvailable())('customers in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
    page = await openApp(browser, serve.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('creates the owner account on first start, then signs out and in again', async () => {
    await createOwner(page);
    await signOut(page);

    await signIn(page, { ...E2E_OWNER, password: 'not the password' });
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong username or password');

    await signIn(page);
    await page.getByTestId('user-menu').waitFor();
  });

  it('shows a field error for a bad mobile number and saves nothing', async () => {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-empty').waitFor();
    await page.getByTestId('new-customer').click();

    await page.locator('input[name="name"]').fill('深圳市伟明科技有限公司');
    await page.locator('input[name="primaryContact.name"]').fill('张伟明');
    await page.locator('input[name="primaryContact.mobile"]').fill('12345');
    await page.getByTestId('save-customer').click();

    const mobile = page.locator('input[name="primaryContact.mobile"]');
    await expect.poll(() => mobile.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByText('Enter an 11-digit mainland mobile').isVisible()).toBe(true);
    expect(page.url()).toContain('#/customers/new');
  });

  it('creates the customer with its contact once the mobile is right', async () => {
    await page.locator('input[name="primaryContact.mobile"]').fill('138 0013 8000');
    await page.locator('input[name="primaryContact.email"]').fill('zhang.weiming@weiming.example');
    await page.locator('input[name="city"]').fill('深圳');
    await page.getByTestId('save-customer').click();

    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('深圳市伟明科技有限公司');
    const contact = page.getByTestId('contact-row');
    await expect.poll(() => contact.count()).toBe(1);
    // Stored normalized, shown formatted.
    await expect.poll(() => contact.textContent()).toContain('138 0013 8000');
    await expect.poll(() => contact.textContent()).toContain('张伟明');
  });

  it('finds it in the list by a two-character Chinese substring and by phone digits', async () => {
    // A second customer, so a search that matched everything would show.
    await page.goto(`${serve.url}/#/customers/new`);
    await page.locator('input[name="name"]').fill('Acme Trading Ltd');
    await page.locator('input[name="primaryContact.name"]').fill('Alice Smith');
    await page.locator('input[name="primaryContact.mobile"]').fill('13912345678');
    await page.getByTestId('save-customer').click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Acme Trading Ltd');

    await page.getByTestId('nav-customers').click();
    await expect.poll(() => rows(page).count()).toBe(2);

    for (const text of ['伟明', '8000', '0013 8']) {
      await searchList(page, text);
      await expect.poll(() => rows(page).count()).toBe(1);
      await expect.poll(() => rows(page).first().textContent()).toContain('深圳市伟明科技有限公司');
    }
    await searchList(page, '不存在的公司');
    await expect.poll(() => rows(page).count()).toBe(0);
    await searchList(page, '');
    await expect.poll(() => rows(page).count()).toBe(2);
  });

  it('finds it through global search with the keyboard shortcut', async () => {
    await page.keyboard.press('Control+K');
    await page.getByTestId('global-search-input').fill('伟明');
    const result = page.getByTestId('global-search-result');
    await expect.poll(() => result.first().textContent()).toContain('深圳市伟明科技有限公司');
    await result.first().click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('深圳市伟明科技有限公司');
  });

  it('edits it, and the edit survives a reload', async () => {
    await page.getByTestId('edit-customer').click();
    const name = page.locator('input[name="name"]');
    await name.fill('深圳市伟明智能科技有限公司');
    await page.locator('input[name="industry"]').fill('智能硬件');
    await page.getByTestId('save-customer').click();

    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('深圳市伟明智能科技有限公司');
    await page.reload();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('深圳市伟明智能科技有限公司');
    await expect.poll(() => page.getByTestId('customer-details').textContent()).toContain('智能硬件');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'customer-page.png'), fullPage: true });
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'customer-list.png') });
  });

  it('tags it, and the list filters by a tag in use', async () => {
    await rows(page).filter({ hasText: '伟明' }).getByRole('link').first().click();
    await page.getByTestId('edit-customer').click();
    // The tag field suggests the tags in use, asked for when it is first focused.
    const tagsInput = page.getByLabel('Tags', { exact: true }).and(page.locator('input'));
    // A separator typed ends a tag, as Enter does (a tag may not contain one).
    await tagsInput.pressSequentially('重点客户;华东');
    await tagsInput.press('Enter');
    await page.getByTestId('save-customer').click();
    await expect.poll(() => page.url()).not.toContain('/edit');
    await expect.poll(() => page.getByText('重点客户').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('华东', { exact: true }).first().isVisible()).toBe(true);

    await page.getByTestId('nav-customers').click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByTestId('filter-tag').click();
    await page.getByRole('option', { name: '重点客户' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => rows(page).first().textContent()).toContain('伟明');
    // Only the columns in view are drawn (a 1280 px window shows about half of them); scrolled to,
    // the tags column's cells appear under its header.
    expect(await rows(page).first().textContent()).not.toContain('重点客户');
    await scrollCustomerTable(page, 'right');
    const tagCell = rows(page).first().getByRole('cell').filter({ hasText: '重点客户' });
    await expect.poll(() => tagCell.count()).toBe(1);
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(await tagCell.getAttribute('aria-colindex')).toBe(String(headers.indexOf('Tags') + 1));
    const tagsHeader = page.getByRole('columnheader', { name: 'Tags', exact: true });
    expect((await tagCell.boundingBox())!.x).toBeCloseTo((await tagsHeader.boundingBox())!.x, 0);
    // The filter survives a reload, its tag still shown (the suggestions are asked for at once then).
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => page.getByTestId('filter-tag').inputValue()).toBe('重点客户');
    await page.getByTestId('filter-tag').click();
    await page.getByRole('option', { name: '重点客户' }).click(); // picking it again clears it
    await expect.poll(() => rows(page).count()).toBe(2);
  });

  it('opening the app on a filtered list asks for its first page once, with the sign-in state, and shows the app with its rows', async () => {
    const asked: string[] = [];
    const note = (request: { url(): string }) => {
      if (request.url().includes('customers.list')) asked.push(request.url());
    };
    page.on('request', note);
    // Whether the rows were there when the signed-in app first showed (the list's search box; the
    // navigation and the header's menus come just after the first paint).
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="customer-search"]')) return;
      window.__rowsWithApp = document.querySelectorAll('[data-testid="customer-row"]').length;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });`);
    try {
      await page.goto('about:blank');
      await page.goto(`${serve.url}/#/customers?search=${encodeURIComponent('伟明')}&sort=name&direction=asc`);
      await expect.poll(() => rows(page).count()).toBe(1);
      // One request of its own, which the list found under its own key.
      expect(asked).toHaveLength(1);
      expect(asked[0]).not.toContain('batch=');
      expect(decodeURIComponent(asked[0]!)).toContain('"search":"伟明"');
      const [listAskedAt, signInAnsweredAt, rowsWithApp] = await page.evaluate<[number, number, number]>(`[
        performance.getEntriesByType('resource').find((entry) => entry.name.includes('customers.list')).startTime,
        performance.getEntriesByType('resource').find((entry) => entry.name.includes('auth.status')).responseEnd,
        window.__rowsWithApp,
      ]`);
      expect(listAskedAt).toBeLessThan(signInAnsweredAt);
      // One render: the app did not show first and its rows later.
      expect(rowsWithApp).toBe(1);
    } finally {
      page.off('request', note);
    }
  });

  it('speaks Chinese when switched, and remembers the choice', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('nav-customers').textContent()).toContain('客户');
    await page.reload();
    await expect.poll(() => page.getByTestId('new-customer').textContent()).toContain('新建客户');
    await page.screenshot({ path: join(SCREENSHOTS, 'customer-list.zh-CN.png') });
  });
});
