import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEMA_VERSION } from '../../db/migrate.js';
import { APP_VERSION } from '../../electron/app-info.js';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../electron/lan/http-server.js';
import { OWNER, startTestHost, tempDir, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let server: RunningServer;
let rendererDir: string;
let cookie: string;
const BIG_SCRIPT = 'console.log("客户列表");\n'.repeat(2000);

/** A GET with exactly these headers (fetch would ask for gzip and unzip by itself), body as sent. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  t = await startTestHost();
  rendererDir = tempDir('crm-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Office CRM</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app-big.js'), BIG_SCRIPT);
  server = await startHttpServer({ handleApi: t.host.handleApi, rendererDir, host: '127.0.0.1', port: 0 });
  const login = await post('/api/trpc/auth.login', JSON.stringify({ username: OWNER.username, password: OWNER.password }));
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
});
afterAll(async () => {
  await server.close();
  await t.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function post(path: string, body: RequestInit['body'], headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const healthy = async () => (await fetch(`${server.url}/api/health`)).status === 200;

describe('HTTP transport on a real 127.0.0.1 port', () => {
  it('GET /api/health answers status, version and schema version without a session', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: APP_VERSION, schemaVersion: APP_SCHEMA_VERSION });
  });

  it('serves the API: a query with the session cookie, 401 without it', async () => {
    const url = `${server.url}/api/trpc/customers.list?input=${encodeURIComponent('{}')}`;
    expect((await fetch(url, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(url)).status).toBe(401);
  });

  it('malformed JSON gets a clear 400 and the server stays up', async () => {
    const response = await post('/api/trpc/customers.create', '{"name": "unterminated', { cookie });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/JSON/);
    expect(await healthy()).toBe(true);
  });

  it('an oversized body gets 413 before it is read whole, and the server stays up', async () => {
    const response = await post('/api/trpc/customers.create', 'x'.repeat(MAX_BODY_BYTES + 1), { cookie });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringMatching(/larger than/) } });
    expect(await healthy()).toBe(true);
  });

  it('an oversized body sent in chunks without a length is cut off at the limit', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/api/trpc/customers.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await healthy()).toBe(true);
  });

  it('validation errors come back as 400 with field errors', async () => {
    const response = await post('/api/trpc/customers.create', JSON.stringify({ name: '', kind: 'company', stage: 'prospect' }), {
      cookie,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { app: unknown } } };
    expect(body.error.data.app).toEqual({ code: 'validation', fieldErrors: { name: 'required' } });
  });

  it('unknown API paths are 404, not the app page', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
  });

  it('serves the renderer with security headers, falling back to index.html for app routes', async () => {
    const page = await fetch(`${server.url}/customers/42`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('gzips scripts for browsers that accept it, and only for them', async () => {
    const zipped = await rawGet('/assets/app-big.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/);
    expect(zipped.body.length).toBeLessThan(BIG_SCRIPT.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(BIG_SCRIPT);
    const plain = await rawGet('/assets/app-big.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);
  });

  it('refuses to serve files outside the renderer folder', async () => {
    const response = await fetch(`${server.url}/..%2f..%2f..%2fetc%2fpasswd`);
    const text = await response.text();
    expect(text).not.toMatch(/root:/);
  });
});
