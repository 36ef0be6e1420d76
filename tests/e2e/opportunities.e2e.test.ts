import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

const column = (page: Page, title: string) =>
  page.getByTestId('board-column').filter({ has: page.getByTestId('column-title').getByText(title, { exact: true }) });
const cardIn = (page: Page, title: string, name: string) => column(page, title).getByTestId('deal-card').filter({ hasText: name });

/**
 * dnd-kit listens to pointer events: press, move past its 6 px threshold in steps until the card is
 * dragged, move over the column until it marks itself as the drop target (a busy machine may not have
 * rendered either yet), then release.
 */
async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  // A closing dialog's fading overlay still covers the board and would take the press.
  await page.locator('.mantine-Modal-overlay').waitFor({ state: 'detached' });
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
  await page.locator('[data-dragging]').waitFor();
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 20 });
  await target.and(page.locator('[data-drop-target]')).waitFor();
  await page.mouse.up();
}

describe.runIf(browserAvailable())('the deal board in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  beforeAll(async () => {
    // Wide enough for every column of the default pipeline at once (narrower windows scroll the board).
    await page.setViewportSize({ width: 2000, height: 900 });
  });

  it('creates a deal for a customer picked by search', async () => {
    await page.goto(`${serve.url}/#/customers/new`);
    await page.locator('input[name="name"]').fill('杭州青山软件有限公司');
    await page.getByTestId('save-customer').click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('杭州青山软件有限公司');

    await page.getByTestId('nav-opportunities').click();
    await page.getByTestId('deal-board').waitFor();
    await page.getByTestId('new-deal').click();
    await page.getByTestId('deal-customer').fill('青山');
    await page.getByRole('option', { name: '杭州青山软件有限公司' }).click();
    await page.getByTestId('deal-name').fill('ERP 二期');
    await page.getByTestId('deal-amount').fill('128000');
    await page.getByTestId('save-deal').click();

    await expect.poll(() => cardIn(page, 'Initial contact', 'ERP 二期').count()).toBe(1);
    await expect.poll(() => cardIn(page, 'Initial contact', 'ERP 二期').textContent()).toContain('128,000.00');
    await expect.poll(() => column(page, 'Initial contact').getByTestId('column-total').textContent()).toContain('128');
  });

  it('drags the deal to the next stage, and it stays there after a reload', async () => {
    await drag(page, cardIn(page, 'Initial contact', 'ERP 二期'), column(page, 'Needs confirmed'));
    await expect.poll(() => cardIn(page, 'Needs confirmed', 'ERP 二期').count()).toBe(1);
    await expect.poll(() => column(page, 'Needs confirmed').getByTestId('column-count').textContent()).toBe('1 deal');

    await page.reload();
    await expect.poll(() => cardIn(page, 'Needs confirmed', 'ERP 二期').count()).toBe(1);
    expect(await cardIn(page, 'Initial contact', 'ERP 二期').count()).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'deal-board.png') });
  });

  it('asks why when the deal is dropped on Lost, and needs a reason', async () => {
    await drag(page, cardIn(page, 'Needs confirmed', 'ERP 二期'), column(page, 'Lost'));
    await page.getByTestId('lost-reason').waitFor();
    await page.getByTestId('confirm-lost').click();
    await expect.poll(() => page.getByText('Required').isVisible()).toBe(true);

    await page.getByTestId('lost-reason').fill('选择了竞争对手');
    await page.getByTestId('confirm-lost').click();
    await expect.poll(() => cardIn(page, 'Lost', 'ERP 二期').count()).toBe(1);
    await page.reload();
    await expect.poll(() => cardIn(page, 'Lost', 'ERP 二期').count()).toBe(1);

    // The stage history shows each move.
    await cardIn(page, 'Lost', 'ERP 二期').click();
    await expect.poll(() => page.getByTestId('stage-history').textContent()).toContain('Needs confirmed → Lost');
  });

  it('exports the deal list, with its filter, to a CSV file that Excel reads as UTF-8', async () => {
    // Close the deal the last test opened; its fading overlay would take the click.
    await page.keyboard.press('Escape');
    await page.locator('.mantine-Modal-overlay').waitFor({ state: 'detached' });
    await page.goto(`${serve.url}/#/opportunities?view=list&search=ERP`);
    await page.getByTestId('deal-row').waitFor();
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^Deals-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, ...rest] = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(header).toMatch(/^Deal name,Customer,Stage,Amount,Currency,Expected close,Owner,/);
    expect(row).toMatch(/^ERP 二期,杭州青山软件有限公司,Lost,128000,CNY,,王老板,/);
    expect(rest).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'deal-list-export.png') });
  });
});
