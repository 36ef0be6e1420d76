import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/desktop/app-protocol.js';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createNavigationGuard,
  isAppUrl,
  isExternalWebUrl,
  isPermissionAllowed,
  secureWebPreferences,
} from '../../electron/desktop/security.js';

describe('isAppUrl', () => {
  it('accepts the app scheme and host', () => {
    for (const url of [APP_ENTRY_URL, 'app://office-crm/', 'app://office-crm', 'app://office-crm/customers/12?tab=deals#x']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('rejects look-alikes that a substring or prefix test would let through', () => {
    for (const url of [
      'app://office-crm.evil.example/index.html',
      'app://office-crmx/index.html',
      'app://evil.example/app://office-crm/index.html',
      'app://office-crm@evil.example/',
      'app://user:pass@office-crm/',
      'app://office-crm:8080/',
      'apps://office-crm/',
      'https://office-crm/index.html',
      'http://evil.example/?next=app://office-crm/',
      'file:///C:/office-crm/index.html',
      'javascript:app://office-crm/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values];
  }));

  it('allows scripts from the app only: no inline scripts, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('allows no plugins, frames, embedding or base rewriting', () => {
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri']) expect(directives.get(name), name).toEqual(["'none'"]);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('the navigation guard', () => {
  function setup() {
    const opened: string[] = [];
    const guard = createNavigationGuard((url) => opened.push(url));
    const navigate = (url: string) => {
      let prevented = false;
      guard.onNavigate({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { opened, guard, navigate };
  }

  it('lets the app navigate within itself', () => {
    const { opened, navigate } = setup();
    expect(navigate('app://office-crm/index.html#/customers')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('keeps the window on the app and sends web links to the system browser', () => {
    const { opened, navigate } = setup();
    expect(navigate('https://example.com/docs')).toBe(true);
    expect(navigate('http://intranet.local/')).toBe(true);
    expect(opened).toEqual(['https://example.com/docs', 'http://intranet.local/']);
  });

  it('blocks other schemes without handing them to the OS', () => {
    const { opened, navigate } = setup();
    for (const url of ['file:///etc/passwd', 'app://evil.example/', 'smb://server/share', 'javascript:alert(1)', 'not a url']) {
      expect(navigate(url), url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('never opens a new window: web links go to the system browser, anything else is dropped', () => {
    const { opened, guard } = setup();
    expect(guard.onWindowOpen({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(guard.onWindowOpen({ url: 'app://office-crm/index.html' })).toEqual({ action: 'deny' });
    expect(guard.onWindowOpen({ url: 'file:///tmp/x.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('treats only http(s) as external web links', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('ms-settings:privacy')).toBe(false);
    expect(isExternalWebUrl('//example.com')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('grants clipboard writes and notifications to the app and nothing else to anyone', () => {
    for (const permission of ['clipboard-sanitized-write', 'notifications']) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL), permission).toBe(true);
      expect(isPermissionAllowed(permission, 'https://evil.example/'), permission).toBe(false);
    }
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL), permission).toBe(false);
    }
  });
});

describe('the app:// protocol', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'crm-protocol-'));
    root = join(outside, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

  it('serves the renderer files with the CSP header', async () => {
    const response = await get('app://office-crm/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers unknown paths with index.html (the app routes itself)', async () => {
    expect(await (await get('app://office-crm/customers/12')).text()).toContain('<title>app</title>');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const url of ['app://office-crm/../secret.txt', 'app://office-crm/%2e%2e/secret.txt', 'app://office-crm/..%2Fsecret.txt', 'app://office-crm/..%5Csecret.txt']) {
      expect(await (await get(url)).text(), url).not.toContain('secret');
    }
  });

  it('refuses other hosts, writes and malformed paths', async () => {
    expect((await get('app://evil.example/index.html')).status).toBe(404);
    expect((await get('app://office-crm/index.html', 'POST')).status).toBe(405);
    expect((await get('app://office-crm/%E0%A4%A')).status).toBe(400);
  });
});
