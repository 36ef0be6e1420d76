import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

const CSV = [
  '客户名称,联系人,手机,邮箱,城市,阶段',
  '杭州导入测试贸易有限公司,许导入,13912340001,xu@import.cn,杭州,意向客户',
  '宁波导入测试电子有限公司,韩导入,13912340002,han@import.cn,宁波,',
  '坏手机号公司,钱导入,12345,qian@import.cn,温州,',
  '温州导入测试服装有限公司,金导入,13912340004,,温州,成交客户',
].join('\r\n');

describe.runIf(browserAvailable())('import customers in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  it('imports a CSV through the wizard: guessed columns, preview with the bad row, progress, summary', async () => {
    await page.getByTestId('nav-import').click();
    await page.locator('input[type="file"]').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

    // The columns were guessed from the Chinese headers.
    await page.getByTestId('map-name').waitFor();
    expect(await page.getByTestId('map-mobile').inputValue()).toBe('手机');
    await page.getByTestId('import-mapping-next').click();

    const summary = page.getByTestId('import-preview-summary');
    await expect.poll(() => summary.textContent()).toContain('3 new');
    expect(await page.getByTestId('preview-line-4').textContent()).toContain('Enter an 11-digit mainland mobile');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png'), fullPage: true });
    await page.getByTestId('import-start').click();

    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-created').textContent()).toBe('3');
    expect(await page.getByTestId('import-failed').textContent()).toBe('1');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-summary.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('import-download-errors').click();
    const report = readFileSync((await (await download).path())!, 'utf8');
    expect(report).toContain('4,"Invalid data: Mobile: Enter an 11-digit mainland mobile');
    expect(report).toContain('坏手机号公司');
  });

  it('shows the imported customers in the list', async () => {
    await page.getByTestId('import-view-customers').click();
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toContain('3');
    for (const name of ['杭州导入测试贸易有限公司', '宁波导入测试电子有限公司', '温州导入测试服装有限公司']) {
      await page.getByText(name).waitFor();
    }
    expect(await page.getByText('坏手机号公司').count()).toBe(0);
  });
});
