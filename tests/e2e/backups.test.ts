import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OWNER } from '../helpers/test-host.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

// BACKUP_SCREENSHOTS=/some/dir keeps a picture of each step, to look at.
const SHOTS = process.env.BACKUP_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const run = browserAvailable();
let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

it.runIf(run)('Settings → Backup: back up now, then restore that backup and see what came back', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await page.goto(serve.url);
  await page.locator('input[name="displayName"]').fill(OWNER.displayName);
  await page.locator('input[name="username"]').fill(OWNER.username);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.locator('input[name="confirmPassword"]').fill(OWNER.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-settings').click();
  await expect.poll(() => page.url()).toContain('#/settings/backup');

  await page.getByTestId('backup-now').click();
  // The start-up backup (a fresh install backs up at once) and this one.
  await expect.poll(() => page.getByTestId('backup-row').count(), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => page.getByTestId('backup-last-run').innerText()).toMatch(/succeeded/i);
  await shoot(page, '1-backed-up');

  await page.locator('[data-testid^="restore-office-crm-"]').first().click();
  await expect.poll(() => page.getByRole('dialog').innerText()).toContain('A safety backup of the current data is taken first');
  await shoot(page, '2-confirm');
  await page.getByTestId('restore-confirm').click();
  const result = page.getByTestId('restore-result');
  await result.waitFor({ timeout: 20_000 });
  expect(await result.innerText()).toMatch(/Restore complete[\s\S]*Users\s+1/);
  await expect.poll(() => page.getByTestId('backup-row').count()).toBe(3); // plus the safety backup
  await shoot(page, '3-restored');

  await page.getByTestId('restore-path').fill('/no/such/backup.zip');
  await page.getByTestId('restore-path-start').click();
  await page.getByTestId('restore-confirm').click();
  await expect.poll(() => page.getByTestId('restore-error').innerText()).toBe('The backup file was not found.');
  await shoot(page, '4-refused');
});
