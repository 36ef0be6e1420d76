import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { addColleague, mutate, openApp, signIn, withOwnerApp, type E2eUser } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');
const COLLEAGUE: E2eUser = { displayName: '李雷', username: 'lilei', password: 'colleague password 1' };

describe.runIf(browserAvailable())('two people edit the same deal', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let owner: Page;

  withOwnerApp((app) => ({ serve, browser, page: owner } = app));

  /** The customer's page, and its deal's dialog opened from there. */
  async function openDeal(page: Page, customerId: number): Promise<void> {
    await page.goto(`${serve.url}/#/customers/${customerId}`);
    await page.getByTestId('customer-deal-row').click();
    await page.getByTestId('deal-name').waitFor();
  }

  async function save(page: Page): Promise<void> {
    await page.getByTestId('save-deal').click();
    await page.getByTestId('deal-name').waitFor({ state: 'detached' });
  }

  it('the later save shows the earlier one beside it; reapplying saves both, discarding keeps theirs', async () => {
    await addColleague(owner, serve.url, COLLEAGUE);
    const customer = await mutate<{ id: number }>(owner, serve.url, 'customers.create', { name: '并发商机客户', kind: 'company', stage: 'prospect' });
    await mutate(owner, serve.url, 'opportunities.create', { customerId: customer.id, name: '年度采购', amountMinor: 100_000_00 });
    const colleague = await openApp(browser, serve.url);
    await signIn(colleague, COLLEAGUE);
    await colleague.getByTestId('language-switch').getByText('中文').click();

    // Both open the deal; the colleague renames it and saves first.
    await openDeal(owner, customer.id);
    await openDeal(colleague, customer.id);
    await owner.getByTestId('deal-amount').fill('150000');
    await colleague.getByTestId('deal-name').fill('年度采购（二期）');
    await save(colleague);

    // The owner's save of the amount is refused, with the colleague's change beside the owner's.
    await owner.getByTestId('save-deal').click();
    const dialog = owner.getByTestId('conflict-dialog');
    await expect.poll(() => owner.getByTestId('conflict-field-name').innerText()).toMatch(/Deal name\s+年度采购（二期）\s+\(not changed by you\)/);
    expect(await owner.getByTestId('conflict-field-amount').innerText()).toMatch(/Amount\s+100,000\s+150,000/);
    expect(await dialog.innerText()).toContain('李雷 saved this deal while you were editing it.');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await owner.screenshot({ path: join(SCREENSHOTS, 'deal-conflict.png') });

    // Reapplying puts the owner's amount on the colleague's version; the colleague reopens it meanwhile.
    await owner.getByTestId('conflict-reapply').click();
    expect(await owner.getByTestId('deal-name').inputValue()).toBe('年度采购（二期）');
    expect(await owner.getByTestId('deal-amount').inputValue()).toBe('150,000');
    await openDeal(colleague, customer.id);
    await colleague.locator('textarea[name="notes"]').fill('客户要先看样品');
    await save(owner);
    await expect.poll(() => owner.getByTestId('customer-deal-row').innerText()).toMatch(/年度采购（二期）[\s\S]*150,000/);

    // Now the colleague's save is the stale one: in Chinese, naming the owner; discarding loads the owner's version.
    await colleague.getByTestId('save-deal').click();
    await expect.poll(() => colleague.getByTestId('conflict-dialog').innerText()).toContain('在你编辑期间，王老板 保存了这个商机。');
    expect(await colleague.getByTestId('conflict-field-amount').innerText()).toMatch(/金额\s+150,000\s+（你未修改）/);
    expect(await colleague.getByTestId('conflict-field-notes').innerText()).toContain('客户要先看样品');
    await colleague.screenshot({ path: join(SCREENSHOTS, 'deal-conflict.zh-CN.png') });
    await colleague.getByTestId('conflict-discard').click();
    expect(await colleague.getByTestId('deal-amount').inputValue()).toBe('150,000');
    expect(await colleague.locator('textarea[name="notes"]').inputValue()).toBe('');
  });
});
