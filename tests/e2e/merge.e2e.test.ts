import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

/** A call to the API from inside the page, with the page's session cookie. */
async function mutate(page: Page, path: string, input: unknown): Promise<{ id: number }> {
  return page.evaluate(
    async ([path, input]) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await response.json()) as { result: { data: { id: number } } }).result.data;
    },
    [path, input] as const,
  );
}

describe.runIf(browserAvailable())('duplicates and merge in the browser', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US' });
    await page.goto(serve.url);
    await page.getByLabel('Your name').fill('Boss');
    await page.getByLabel('Username').fill('boss');
    await page.getByLabel('Password', { exact: true }).fill('correct horse 1');
    await page.getByLabel('Confirm password').fill('correct horse 1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="nav-duplicates"]');
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('lists a pair with its reasons, merges it from the comparison screen, and the pair is gone', async () => {
    const customer = { kind: 'company', stage: 'prospect', confirmDuplicates: true };
    const kept = await mutate(page, 'customers.create', { ...customer, name: '北京星辰科技有限公司', primaryContact: { name: '张伟', mobile: '13800138000' } });
    await mutate(page, 'customers.create', { ...customer, name: '星辰科技', stage: 'customer', primaryContact: { name: '李娜', mobile: '13800138000' } });

    await page.click('[data-testid="nav-duplicates"]');
    const pair = page.getByTestId('duplicate-pair');
    await expect.poll(() => pair.count()).toBe(1);
    expect(await pair.getByTestId('pair-reasons').innerText()).toMatch(/Same mobile 138 0013 8000[\s\S]*contains the other: “星辰科技”/);

    await pair.getByTestId('compare-pair').click();
    await page.getByTestId('pick-stage-b').check();
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(new RegExp(`#/customers/${kept.id}$`));
    await expect.poll(() => page.getByTestId('contact-row').filter({ hasText: '李娜' }).count()).toBe(1);

    await page.click('[data-testid="nav-duplicates"]');
    await page.getByTestId('duplicates-empty').waitFor();
  });
});
