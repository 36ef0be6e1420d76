import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pairingCodeOf } from '../../electron/lan/pairing-code.js';
import { freePort } from '../helpers/free-port.js';
import { createOwner, E2E_OWNER, openApp, signIn } from './app-session.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

const run = browserAvailable();
let serve: ServeProcess;
let browser: Browser;
let owner: Page;

beforeAll(async () => {
  if (!run) return;
  [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

it.runIf(run)('the owner shares on the office network; a phone browser opens the HTTPS address and signs in', async () => {
  owner = await openApp(browser, serve.url);
  await createOwner(owner);
  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-network').click();
  const { port, code } = await shareOn();
  expect(code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  expect(await owner.getByTestId('lan-address').first().innerText()).toMatch(new RegExp(`^https://.+:${port}$`));
  await owner.screenshot({ path: 'test-results/office-network.png', fullPage: true });

  // A phone on the office Wi-Fi: it accepts the certificate after comparing, then uses the app.
  const phoneContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await phoneContext.newPage();
  const response = await phone.goto(`https://127.0.0.1:${port}/`);
  const certificate = await response!.securityDetails();
  expect(certificate?.protocol).toMatch(/TLS/);
  await phone.locator('input[name="username"]').fill(E2E_OWNER.username);
  await phone.locator('input[name="password"]').fill(E2E_OWNER.password);
  await phone.keyboard.press('Enter');
  await phone.getByTestId('user-menu').waitFor();
  await phone.screenshot({ path: 'test-results/office-network-phone.png' });
  expect(pairingCodeOf((await certificateFingerprint(port)))).toBe(code);
  await phoneContext.close();

  // Switched off, the address no longer answers.
  await shareOff();
  await expect(fetch(`https://127.0.0.1:${port}/`)).rejects.toThrow();
});

it.runIf(run)("a colleague's copy pairs by code, signs in with a host account, goes offline and back", async () => {
  const { port, code } = await shareOn();
  const copy = await startServe(['--desktop']);
  try {
    const colleague = await openApp(browser, copy.url);
    await colleague.getByTestId('setup-connect').click();
    await colleague.getByTestId('setup-address').fill('127.0.0.1:1');
    await colleague.getByTestId('setup-find').click();
    await expect.poll(() => colleague.getByTestId('setup-error').innerText()).toContain('Cannot reach the office server');
    await colleague.getByTestId('setup-address').fill(`127.0.0.1:${port}`);
    await colleague.getByTestId('setup-find').click();
    expect((await colleague.getByTestId('setup-pairing-code').innerText()).trim()).toBe(code);
    await colleague.screenshot({ path: 'test-results/colleague-pairing.png' });
    await colleague.getByTestId('setup-pair-confirm').click();

    await signIn(colleague, E2E_OWNER);
    await colleague.getByTestId('user-menu').waitFor();
    await colleague.goto(`${copy.url}/#/customers/new`);
    await colleague.locator('input[name="name"]').fill('同事电脑录入有限公司');

    // The office server goes away: the copy says so and keeps the unsaved form.
    await shareOff();
    await colleague.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
    await shareOn(port);
    await expect.poll(() => colleague.getByTestId('offline-banner').count(), { timeout: 15_000 }).toBe(0);
    expect(await colleague.locator('input[name="name"]').inputValue()).toBe('同事电脑录入有限公司');
    await colleague.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => colleague.getByTestId('customer-name').textContent()).toBe('同事电脑录入有限公司');

    // It was saved on the host.
    await owner.goto(`${serve.url}/#/customers`);
    await expect.poll(() => owner.getByTestId('customer-row').allInnerTexts()).toEqual([expect.stringContaining('同事电脑录入有限公司')]);
  } finally {
    await copy.stop();
  }
});

/** On the owner's Settings → Office network: share on a port (a free one unless given); returns it and the pairing code. */
async function shareOn(port?: number): Promise<{ port: number; code: string }> {
  const chosen = port ?? (await freePort());
  await owner.goto(`${serve.url}/#/settings/network`);
  await owner.getByTestId('lan-switch').check({ force: true });
  await owner.getByTestId('lan-port').fill(String(chosen));
  await owner.getByTestId('lan-save').click();
  const code = (await owner.getByTestId('pairing-code').innerText()).trim();
  return { port: chosen, code };
}

async function shareOff(): Promise<void> {
  await owner.goto(`${serve.url}/#/settings/network`);
  await owner.getByTestId('lan-switch').uncheck({ force: true });
  await owner.getByTestId('lan-save').click();
  await expect.poll(() => owner.getByTestId('pairing-code').count()).toBe(0);
}

async function certificateFingerprint(port: number): Promise<string> {
  const { connect } = await import('node:tls');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()!.fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}
