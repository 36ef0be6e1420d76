import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pairingCodeOf } from '../../electron/lan/pairing-code.js';
import { freePort } from '../helpers/free-port.js';
import { createOwner, E2E_OWNER, openApp } from './app-session.js';
import { browserAvailable, launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

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

it.runIf(run)('the owner shares on the office network; a phone browser opens the HTTPS address and signs in', async () => {
  const owner = await openApp(browser, serve.url);
  await createOwner(owner);
  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-network').click();
  const port = await freePort();
  await owner.getByTestId('lan-switch').check({ force: true });
  await owner.getByTestId('lan-port').fill(String(port));
  await owner.getByTestId('lan-save').click();
  const code = (await owner.getByTestId('pairing-code').innerText()).trim();
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
  await owner.getByTestId('lan-switch').uncheck({ force: true });
  await owner.getByTestId('lan-save').click();
  await expect.poll(() => owner.getByTestId('pairing-code').count()).toBe(0);
  await expect(fetch(`https://127.0.0.1:${port}/`)).rejects.toThrow();
});

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
