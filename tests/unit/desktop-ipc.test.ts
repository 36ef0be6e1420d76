import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, CHANGE_CHANNEL, FEED_CHANNEL, type BridgeResponse } from '../../electron/desktop/bridge-types.js';
import { registerApiBridge, sessionCookieUpdate, type InvokeEventLike, type IpcMainLike } from '../../electron/desktop/ipc-api.js';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../electron/desktop/security.js';
import { MAX_BODY_BYTES } from '../../electron/lan/http-server.js';
import { createHost, type Host } from '../../electron/host.js';

type Listener = (event: InvokeEventLike, payload: unknown) => Promise<unknown>;

/** Stands in for ipcMain: keeps the registered listeners and invokes them like a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
}

/** One renderer: a webContents id, the URL its frame shows, and its 'destroyed' listeners. */
class FakeRenderer {
  private readonly onDestroyed: (() => void)[] = [];
  /** What main pushed to this window (change feed). */
  readonly received: { channel: string; args: unknown[] }[] = [];
  constructor(
    private readonly ipc: FakeIpcMain,
    readonly id: number,
    public frameUrl: string | null = APP_ENTRY_URL,
  ) {}

  invoke(payload: unknown, channel = API_CHANNEL): Promise<BridgeResponse> {
    const listener = this.ipc.listeners.get(channel);
    if (!listener) throw new Error('no handler registered');
    const event: InvokeEventLike = {
      sender: {
        id: this.id,
        once: (_event, callback) => this.onDestroyed.push(callback),
        send: (sent, ...args) => this.received.push({ channel: sent, args }),
      },
      senderFrame: this.frameUrl === null ? null : { url: this.frameUrl },
    };
    return listener(event, payload) as Promise<BridgeResponse>;
  }

  destroy(): void {
    for (const callback of this.onDestroyed.splice(0)) callback();
  }

  query(path: string): Promise<BridgeResponse> {
    return this.invoke({ url: `/api/trpc/${path}`, method: 'GET', headers: {}, body: null });
  }

  mutate(path: string, input?: unknown, headers: Record<string, string> = {}): Promise<BridgeResponse> {
    return this.invoke({
      url: `/api/trpc/${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: input === undefined ? null : JSON.stringify(input),
    });
  }
}

const OWNER = { username: 'boss', displayName: 'Boss', password: 'secret123' };
const bridgeOptions = { isAppUrl, origin: APP_ORIGIN };

function dataOf(response: BridgeResponse): unknown {
  expect(response.status).toBe(200);
  return (JSON.parse(response.body) as { result: { data: unknown } }).result.data;
}

function errorCodeOf(response: BridgeResponse): string {
  return (JSON.parse(response.body) as { error: { code: string } }).error.code;
}

function headerNames(response: BridgeResponse): string[] {
  return Object.keys(response.headers).map((name) => name.toLowerCase());
}

describe('the IPC bridge on a real host', () => {
  let dir: string;
  let host: Host;
  let ipc: FakeIpcMain;
  let stop: () => void;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-'));
    host = await createHost({ dataDir: dir });
    ipc = new FakeIpcMain();
    stop = registerApiBridge(ipc, host, bridgeOptions);
  });

  afterAll(async () => {
    stop();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses callers that are not the app: other origins, look-alike hosts, file:, frameless', async () => {
    for (const url of [
      'https://evil.example/index.html',
      'app://office-crm.evil.example/index.html',
      'app://evil.example/office-crm/index.html',
      'app://office-crm@evil.example/index.html',
      'file:///opt/office-crm/dist/renderer/index.html',
      'http://office-crm/index.html',
      'about:blank',
      null,
    ]) {
      const stranger = new FakeRenderer(ipc, 99, url);
      await expect(stranger.query('auth.status'), String(url)).rejects.toThrow(/refused/);
    }
  });

  it('serves auth.status to the app', async () => {
    const renderer = new FakeRenderer(ipc, 1);
    expect(dataOf(await renderer.query('auth.status'))).toEqual({ needsSetup: true, user: null });
  });

  it('keeps the session cookie in the main process, per webContents, until logout', async () => {
    const renderer = new FakeRenderer(ipc, 2);
    const setup = await renderer.mutate('auth.setupOwner', OWNER);
    expect(dataOf(setup)).toMatchObject({ user: { username: 'boss' } });
    expect(headerNames(setup)).not.toContain('set-cookie');
    expect(setup.body).not.toContain('crm_session');

    expect(dataOf(await renderer.query('auth.status'))).toMatchObject({ needsSetup: false, user: { username: 'boss', role: 'owner' } });
    // Another window (webContents) has its own, empty jar.
    expect(dataOf(await new FakeRenderer(ipc, 3).query('auth.status'))).toMatchObject({ user: null });

    const logout = await renderer.mutate('auth.logout');
    expect(dataOf(logout)).toEqual({ ok: true });
    expect(headerNames(logout)).not.toContain('set-cookie');
    expect(dataOf(await renderer.query('auth.status'))).toMatchObject({ user: null });
  });

  it('forgets the session of a destroyed webContents', async () => {
    const renderer = new FakeRenderer(ipc, 4);
    await renderer.mutate('auth.login', { username: OWNER.username, password: OWNER.password });
    expect(dataOf(await renderer.query('auth.status'))).toMatchObject({ user: { username: 'boss' } });
    renderer.destroy();
    expect(dataOf(await renderer.query('auth.status'))).toMatchObject({ user: null });
  });

  it("pushes the host's changes to a signed-in window, and stops at logout", async () => {
    const renderer = new FakeRenderer(ipc, 40);
    expect(await renderer.invoke(null, FEED_CHANNEL)).toBe(false); // no session, no feed
    await renderer.mutate('auth.login', { username: OWNER.username, password: OWNER.password });
    expect(await renderer.invoke(null, FEED_CHANNEL)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the feed opens asynchronously

    const created = dataOf(await renderer.mutate('customers.create', { name: '推送测试公司', kind: 'company', stage: 'prospect' })) as { id: number };
    await vi.waitFor(() =>
      expect(renderer.received).toContainEqual({ channel: CHANGE_CHANNEL, args: [{ entity: 'customer', id: created.id, op: 'create' }] }),
    );
    await renderer.mutate('auth.logout');
    const before = renderer.received.length;
    host.events.publish({ entity: 'customer', id: created.id, op: 'update' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renderer.received).toHaveLength(before);
  });

  it('answers an oversized body with 413 without calling the API', async () => {
    const renderer = new FakeRenderer(ipc, 5);
    const response = await renderer.invoke({
      url: '/api/trpc/auth.login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(errorCodeOf(response)).toBe('payload_too_large');
    // Counted in bytes, not characters: 2-byte characters reach the limit at half the length.
    const wide = await renderer.invoke({ url: '/api/trpc/auth.login', method: 'POST', headers: {}, body: 'é'.repeat(MAX_BODY_BYTES / 2 + 1) });
    expect(wide.status).toBe(413);
  });

  it('serves only /api/ paths, including after dot segments are resolved', async () => {
    const renderer = new FakeRenderer(ipc, 6);
    for (const url of ['/index.html', 'api/trpc/auth.status', '//evil.example/api/trpc/auth.status', '/api/../index.html', '/api/%2e%2e/index.html', 'https://evil.example/api/trpc/auth.status']) {
      const response = await renderer.invoke({ url, method: 'GET', headers: {}, body: null });
      expect(response.status, url).toBe(400);
      expect(errorCodeOf(response)).toBe('bad_request');
    }
  });

  it('rejects malformed payloads with a 4xx answer', async () => {
    const renderer = new FakeRenderer(ipc, 7);
    const ok = { url: '/api/trpc/auth.status', method: 'GET', headers: {}, body: null };
    const cases: [unknown, number][] = [
      [null, 400],
      ['GET /api/trpc/auth.status', 400],
      [[ok], 400],
      [{ ...ok, url: 42 }, 400],
      [{ ...ok, method: 'DELETE' }, 405],
      [{ ...ok, method: 'get' }, 405],
      [{ ...ok, body: 'x' }, 400],
      [{ ...ok, method: 'POST', body: { username: 'boss' } }, 400],
      [{ ...ok, headers: { accept: 1 } }, 400],
      [{ ...ok, headers: 'accept: */*' }, 400],
      [{ ...ok, headers: { 'bad header': 'x' } }, 400],
      [{ ...ok, url: `/api/trpc/auth.status?input=${'x'.repeat(MAX_BODY_BYTES)}` }, 414],
    ];
    for (const [payload, status] of cases) {
      expect((await renderer.invoke(payload)).status, JSON.stringify(payload)?.slice(0, 80)).toBe(status);
    }
  });

  it('unregisters its channel when stopped', () => {
    const other = new FakeIpcMain();
    const stopOther = registerApiBridge(other, host, bridgeOptions);
    expect(other.listeners.has(API_CHANNEL)).toBe(true);
    stopOther();
    expect(other.listeners.has(API_CHANNEL)).toBe(false);
  });
});

describe('what the API receives over the bridge', () => {
  /** A host that records the request it gets and answers with a session cookie when asked to. */
  function recordingHost() {
    const seen: { request: Request; secure: boolean }[] = [];
    return {
      seen,
      handleApi: async (request: Request, { secure }: { secure: boolean }) => {
        seen.push({ request, secure });
        const headers = new Headers({ 'content-type': 'application/json' });
        if (new URL(request.url).pathname === '/api/login') headers.append('set-cookie', 'crm_session=tok123; Path=/; HttpOnly');
        return new Response('{}', { headers });
      },
    };
  }

  it('gets the app origin, secure: true, and identity only from the jar, never from renderer headers', async () => {
    const ipc = new FakeIpcMain();
    const host = recordingHost();
    registerApiBridge(ipc, host, bridgeOptions);
    const renderer = new FakeRenderer(ipc, 1);

    await renderer.invoke({
      url: '/api/health?x=1',
      method: 'GET',
      headers: { Cookie: 'crm_session=forged', authorization: 'Bearer forged', accept: 'application/json' },
      body: null,
    });
    const first = host.seen[0]!;
    expect(first.request.url).toBe(`${APP_ORIGIN}/api/health?x=1`);
    expect(first.secure).toBe(true);
    expect(first.request.headers.get('cookie')).toBeNull();
    expect(first.request.headers.get('authorization')).toBeNull();
    expect(first.request.headers.get('accept')).toBe('application/json');

    await renderer.invoke({ url: '/api/login', method: 'POST', headers: {}, body: '{}' });
    await renderer.invoke({ url: '/api/health', method: 'GET', headers: { cookie: 'crm_session=forged' }, body: null });
    expect(host.seen[2]!.request.headers.get('cookie')).toBe('crm_session=tok123');
  });

  it("tells the shell which sessions the app's windows hold, so it knows whose reminders to show", async () => {
    const ipc = new FakeIpcMain();
    const held: string[][] = [];
    registerApiBridge(ipc, recordingHost(), { ...bridgeOptions, onSessionsChange: (tokens) => held.push(tokens) });
    const renderer = new FakeRenderer(ipc, 1);
    await renderer.invoke({ url: '/api/health', method: 'GET', headers: {}, body: null });
    expect(held).toEqual([]);
    await renderer.invoke({ url: '/api/login', method: 'POST', headers: {}, body: '{}' });
    expect(held).toEqual([['tok123']]);
    renderer.destroy();
    expect(held).toEqual([['tok123'], []]);
  });

  it('turns a failing API into a 500 answer without leaking the error', async () => {
    const ipc = new FakeIpcMain();
    registerApiBridge(ipc, { handleApi: () => Promise.reject(new Error('secret internals')) }, bridgeOptions);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await new FakeRenderer(ipc, 1).invoke({ url: '/api/health', method: 'GET', headers: {}, body: null });
      expect(response.status).toBe(500);
      expect(response.body).not.toContain('secret internals');
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('sessionCookieUpdate', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('keeps a new session token', () => {
    expect(sessionCookieUpdate('crm_session=abc=def; Path=/; HttpOnly; Expires=Mon, 01 Jun 2026 01:00:00 GMT', now)).toEqual({ token: 'abc=def' });
  });

  it('clears on Max-Age=0, a past Expires, or an empty value', () => {
    expect(sessionCookieUpdate('crm_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure', now)).toBe('clear');
    expect(sessionCookieUpdate('crm_session=abc; max-age=-1', now)).toBe('clear');
    expect(sessionCookieUpdate('crm_session=abc; Expires=Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe('clear');
    expect(sessionCookieUpdate('crm_session=', now)).toBe('clear');
  });

  it('ignores other cookies, including look-alike names', () => {
    expect(sessionCookieUpdate('theme=dark; Path=/', now)).toBeNull();
    expect(sessionCookieUpdate('crm_session_old=abc', now)).toBeNull();
    expect(sessionCookieUpdate('xcrm_session=abc', now)).toBeNull();
  });
});
