import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../electron/app-info.js';
import { type E2eUser, signIn, signOut, withOwnerApp } from './app-session.js';
import { browserAvailable } from './browser.js';
import type { ServeProcess } from './serve-process.js';

const SCREENSHOTS = join(APP_ROOT, 'test-results');

describe.runIf(browserAvailable())('users and teams in the browser through serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  withOwnerApp((app) => ({ serve, browser, page } = app));

  it('the owner adds a team and a sales rep in Settings → Users and teams; the rep signs in with that password', async () => {
    const rep: E2eUser = { displayName: '张敏', username: 'zhang.min', password: 'first pass 123' };
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-users').click();

    await page.getByTestId('team-new').click();
    await page.getByTestId('team-name').fill('华东销售部');
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row').filter({ hasText: '华东销售部' }).waitFor();

    await page.getByTestId('account-new').click();
    await page.getByTestId('account-displayName').fill(rep.displayName);
    await page.getByTestId('account-username').fill(rep.username);
    await page.getByTestId('account-role').click();
    await page.getByRole('option', { name: 'Sales', exact: true }).click();
    await page.getByTestId('account-team').click();
    await page.getByRole('option', { name: '华东销售部' }).click();
    await page.getByTestId('account-password').fill(rep.password);
    await page.getByTestId('account-confirmPassword').fill('a different one');
    await page.getByTestId('account-save').click();
    await page.getByText('The passwords do not match').waitFor();
    await page.getByTestId('account-confirmPassword').fill(rep.password);
    await page.getByTestId('account-save').click();

    const row = page.getByTestId('account-row').filter({ hasText: rep.username });
    await expect.poll(() => row.textContent()).toContain('华东销售部');
    expect(await row.textContent()).toContain('Sales');
    await expect.poll(() => page.getByTestId('team-row').filter({ hasText: '华东销售部' }).textContent()).toContain('1');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'users-and-teams.png'), fullPage: true });

    await signOut(page);
    await signIn(page, rep);
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain(rep.displayName);

    // A rep may open the tab, and is told who manages accounts.
    await page.goto(`${serve.url}/#/settings/users`);
    await page.getByTestId('users-admin-only').waitFor();
    expect(await page.getByTestId('accounts-table').count()).toBe(0);
  });
});
