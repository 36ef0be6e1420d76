import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

export interface E2eUser {
  displayName: string;
  username: string;
  password: string;
}

export const E2E_OWNER: E2eUser = { displayName: '王老板', username: 'boss', password: 'correct horse battery' };

/** A fresh browser context (no cookies, no saved language) on the app, in the given UI language. */
export async function openApp(browser: Browser, url: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return page;
}

/** The first-start screen: creates the owner account, which signs it in. */
export async function createOwner(page: Page, owner: E2eUser = E2E_OWNER): Promise<void> {
  await page.getByLabel('Your name').fill(owner.displayName);
  await page.getByLabel('Username').fill(owner.username);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByLabel('Confirm password').fill(owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function signIn(page: Page, user: E2eUser = E2E_OWNER): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
}

/** A call to the HTTP API with the page's session, as the page itself makes it; its answer. */
export async function mutate<T>(page: Page, url: string, path: string, input: unknown): Promise<T> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${url}/api/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: url },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** A second account (an admin), made by the signed-in owner through the users API (as Settings → Users does). */
export async function addColleague(owner: Page, url: string, user: E2eUser): Promise<void> {
  await mutate(owner, url, 'users.create', { username: user.username, displayName: user.displayName, password: user.password, role: 'admin', teamId: null });
}

export interface E2eApp {
  serve: ServeProcess;
  browser: Browser;
  /** Signed in as the owner just created. */
  page: Page;
}

/**
 * A test file's setup: before its tests the headless host and the browser start and the owner account
 * is created on a fresh page (handed to `use`); after them both stop.
 */
export function withOwnerApp(use: (app: E2eApp) => void): void {
  let started: Partial<E2eApp> = {};
  beforeAll(async () => {
    const [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
    started = { serve, browser };
    const page = await openApp(browser, serve.url);
    await createOwner(page);
    use({ serve, browser, page });
  }, 60_000);
  afterAll(async () => {
    await started.browser?.close();
    await started.serve?.stop();
  });
}
