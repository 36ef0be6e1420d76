import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/lan/http-server.js';
import { PRESENCE_TTL_MS } from '../../electron/services/presence.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, cookieOf, OWNER, startTestHost, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
let server: RunningServer;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestHost({ clock });
  server = await startHttpServer({ handleApi: t.host.handleApi, rendererDir: null, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const customer = (name: string) => ({ name, kind: 'company' as const, stage: 'prospect' as const });

/** Opens the change stream over real HTTP and collects the changes it delivers. */
async function listen(cookie: string | null) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/events`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const changes: unknown[] = [];
  if (response.ok) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk);
        for (const line of buffer.split('\n')) if (line.startsWith('data: ')) changes.push(JSON.parse(line.slice(6)));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    })().catch(() => undefined);
  }
  return { response, changes, close: () => controller.abort() };
}

describe('live updates over server-sent events', () => {
  it('delivers a change committed by one user to another user\'s open stream', async () => {
    const colleague = await signInColleague(t, 'li', 'service');
    const stream = await listen(cookieOf(colleague.api));
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const created = await t.api.customers.create.mutate(customer('实时推送有限公司'));
    await expect.poll(() => stream.changes, { timeout: 1000 }).toContainEqual({ entity: 'customer', id: created.id, op: 'create' });
    stream.close();
  });

  it('refuses a stream without a session', async () => {
    const stream = await listen('crm_session=forged');
    expect(stream.response.status).toBe(401);
  });
});

describe('who else has a customer open', () => {
  it('shows colleagues viewing or editing, to those who may see the customer only, and forgets a closed page', async () => {
    const created = await t.api.customers.create.mutate(customer('在线状态有限公司'));
    const li = await signInColleague(t, 'li2', 'service');
    expect(await t.api.presence.here.mutate({ entity: 'customer', id: created.id, editing: false })).toEqual([]);
    expect(await li.api.presence.here.mutate({ entity: 'customer', id: created.id, editing: true })).toEqual([
      { userId: expect.any(Number), displayName: OWNER.displayName, editing: false },
    ]);
    expect(await t.api.presence.others.query({ entity: 'customer', id: created.id })).toEqual([
      { userId: li.id, displayName: 'li2', editing: true },
    ]);

    // A sales rep who does not own it learns nothing, not even that it exists.
    const rep = await signInColleague(t, 'rep', 'sales');
    expect((await appErrorOf(rep.api.presence.here.mutate({ entity: 'customer', id: created.id, editing: false }))).code).toBe('not_found');
    expect((await appErrorOf(rep.api.presence.others.query({ entity: 'customer', id: created.id }))).code).toBe('not_found');

    await li.api.presence.leave.mutate({ entity: 'customer', id: created.id });
    expect(await t.api.presence.others.query({ entity: 'customer', id: created.id })).toEqual([]);
    await li.api.presence.here.mutate({ entity: 'customer', id: created.id, editing: false });
    clock.advance(PRESENCE_TTL_MS);
    expect(await t.api.presence.others.query({ entity: 'customer', id: created.id })).toEqual([]);
  });
});

describe('no lost edits', () => {
  it('refuses the second of two saves from the same version, with the record as saved and who saved it', async () => {
    const created = await t.api.customers.create.mutate(customer('并发编辑有限公司'));
    const li = await signInColleague(t, 'li3', 'service');
    const fields = { ...customer(created.name), tags: [], ownerId: created.ownerId, id: created.id, version: created.version };
    await li.api.customers.update.mutate({ ...fields, city: '杭州' });
    const refused = await appErrorOf(t.api.customers.update.mutate({ ...fields, industry: '制造' }));
    expect(refused).toMatchObject({ code: 'conflict', data: { city: '杭州', industry: null, version: created.version + 1, updatedByName: 'li3' } });
    expect((await t.api.customers.get.query({ id: created.id })).city).toBe('杭州');
  });
});
