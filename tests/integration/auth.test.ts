import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, PUBLIC_PROCEDURES } from '../../electron/api/router.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../electron/services/auth.service.js';
import { TestClock } from '../helpers/test-clock.js';
import { apiClient, appErrorOf, cookieOf, OWNER, startTestHost, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestHost({ clock });
});
afterAll(() => t.close());

/** Every procedure in the router, by dotted path, with its type. */
function allProcedures(): { path: string; type: 'query' | 'mutation' | 'subscription' }[] {
  return Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
    path,
    type: (procedure as unknown as { _def: { type: 'query' | 'mutation' | 'subscription' } })._def.type,
  }));
}

/** Calls a procedure by path over the real handler with an empty input and the given cookie. */
async function rawCall(path: string, type: string, cookie: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  const url = `http://crm.test/api/trpc/${path}`;
  const req =
    type === 'query'
      ? new Request(`${url}?input=${encodeURIComponent('{}')}`, { headers })
      : new Request(url, { method: 'POST', headers, body: '{}' });
  return t.host.handleApi(req, { secure: false, remoteAddress: null });
}

describe('accounts and sessions', () => {
  it('first start needs the owner account; once created it cannot be created again', async () => {
    const anonymous = apiClient(t.host);
    expect(await anonymous.auth.status.query()).toEqual({ needsSetup: false, user: null });
    const error = await appErrorOf(anonymous.auth.setupOwner.mutate({ ...OWNER, username: 'intruder' }));
    expect(error.code).toBe('already_set_up');
  });

  it('stores the password as an scrypt hash with OWASP parameters, never in plain text', async () => {
    const user = await t.host.services.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.password_hash).not.toContain(OWNER.password);
    const [scheme, n, r, p] = user.password_hash.split('$');
    expect(scheme).toBe('scrypt');
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 17);
    expect(Number(r)).toBeGreaterThanOrEqual(8);
    expect(Number(p)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a wrong password or unknown user with one clear error', async () => {
    const client = apiClient(t.host);
    expect((await appErrorOf(client.auth.login.mutate({ username: OWNER.username, password: 'wrong' }))).code).toBe(
      'bad_credentials',
    );
    expect((await appErrorOf(client.auth.login.mutate({ username: 'nobody', password: 'wrong' }))).code).toBe(
      'bad_credentials',
    );
    expect(cookieOf(client)).toBeNull();
  });

  it('logs in with an HttpOnly SameSite=Strict cookie, and a fresh token each time', async () => {
    const first = apiClient(t.host);
    const second = apiClient(t.host);
    await first.auth.login.mutate(OWNER);
    await second.auth.login.mutate(OWNER);
    expect(cookieOf(first)).not.toEqual(cookieOf(second));
    expect((await first.auth.status.query()).user?.username).toBe(OWNER.username);

    const response = await t.host.handleApi(
      new Request('http://crm.test/api/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: OWNER.username, password: OWNER.password }),
      }),
      { secure: true, remoteAddress: null },
    );
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
  });

  it('every procedure except the public ones refuses a missing session', async () => {
    const procedures = allProcedures();
    expect(procedures.length).toBeGreaterThan(10);
    for (const { path, type } of procedures) {
      if ((PUBLIC_PROCEDURES as readonly string[]).includes(path)) continue;
      const response = await rawCall(path, type, null);
      expect(response.status, path).toBe(401);
      expect(JSON.stringify(await response.json()), path).toContain('"unauthenticated"');
    }
  });

  it('every protected procedure refuses an idle-expired session, a forged one and one logged out', async () => {
    const client = apiClient(t.host);
    await client.auth.login.mutate(OWNER);
    const idle = cookieOf(client)!;
    clock.advance(SESSION_IDLE_MS + 1000);
    const expiredIdle = allProcedures().filter(({ path }) => !(PUBLIC_PROCEDURES as readonly string[]).includes(path));
    for (const { path, type } of expiredIdle) {
      expect((await rawCall(path, type, idle)).status, path).toBe(401);
    }
    for (const { path, type } of expiredIdle) {
      expect((await rawCall(path, type, 'crm_session=forged-token')).status, path).toBe(401);
    }

    await client.auth.login.mutate(OWNER);
    const loggedOut = cookieOf(client)!;
    await client.auth.logout.mutate();
    expect(cookieOf(client)).toBeNull();
    for (const { path, type } of expiredIdle) {
      expect((await rawCall(path, type, loggedOut)).status, path).toBe(401);
    }
  });

  it('a session in use still ends at its absolute expiry', async () => {
    const client = apiClient(t.host);
    await client.auth.login.mutate(OWNER);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS; elapsed += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      await client.customers.list.query({}).catch(() => undefined);
    }
    expect((await appErrorOf(client.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await client.auth.status.query()).user).toBeNull();
  });

  it('signs in whatever the case or width of the username', async () => {
    for (const username of ['BOSS', 'Ｂｏｓｓ']) {
      const client = apiClient(t.host);
      await client.auth.login.mutate({ username, password: OWNER.password });
      expect((await client.auth.status.query()).user?.username).toBe(OWNER.username);
    }
  });

  it('the setup form checks its fields', async () => {
    const error = await appErrorOf(
      apiClient(t.host).auth.setupOwner.mutate({ username: 'has space', displayName: '', password: 'short' }),
    );
    expect(error).toMatchObject({
      code: 'validation',
      fieldErrors: { username: 'invalidUsername', displayName: 'required', password: 'passwordTooShort' },
    });
  });
});
