import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CopyBackend } from '../../electron/client/copy-backend.js';
import { freePort } from '../helpers/free-port.js';
import { clientOver } from '../helpers/remote-client.js';
import { appErrorOf, OWNER, startTestHost, tempDir, type TestHost } from '../helpers/test-host.js';

const LOOPBACK = { listenHost: '127.0.0.1', announce: false };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function copyIn(dir = tempDir('crm-copy-')): Promise<{ copy: CopyBackend; dir: string }> {
  const copy = await CopyBackend.start({ dataDir: dir, backupSchedule: false, lan: LOOPBACK, discoverMs: 300 });
  cleanups.push(async () => {
    await copy.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { copy, dir };
}

async function sharingHost(): Promise<{ t: TestHost; port: number; code: string }> {
  const t = await startTestHost({ lan: LOOPBACK });
  cleanups.push(() => t.close());
  const port = await freePort();
  const status = await t.api.lan.configure.mutate({ enabled: true, port });
  return { t, port, code: status.pairingCode! };
}

/** A setup call as the window makes it. */
async function setup(copy: CopyBackend, call: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await copy.handleApi(
    new Request(`app://office-crm/api/setup/${call}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    { secure: true, remoteAddress: null },
  );
  return { status: response.status, json: await response.json() };
}

describe("a desktop copy's first start", () => {
  it('asks first, with the API closed; "create" starts its own office database, kept for the next start', async () => {
    const { copy, dir } = await copyIn();
    expect((await setup(copy, 'state')).json).toEqual({ mode: 'choose', server: null });
    const closed = await copy.handleApi(new Request('app://office-crm/api/trpc/auth.status'), { secure: true, remoteAddress: null });
    expect(closed.status).toBe(503);

    expect((await setup(copy, 'create-local', {})).json).toEqual({ mode: 'local', server: null });
    const api = clientOver(copy.handleApi, 'app://office-crm');
    expect(await api.auth.status.query()).toMatchObject({ needsSetup: true });
    expect((await setup(copy, 'create-local', {})).json.error.code).toBe('already_set_up');
    await copy.close();

    const again = await CopyBackend.start({ dataDir: dir, backupSchedule: false });
    cleanups.push(() => again.close());
    expect((await setup(again, 'state')).json.mode).toBe('local');
  });

  it('connects to an office host only with the pairing code the user saw, and works against it after a restart', async () => {
    const { t, port, code } = await sharingHost();
    await t.api.customers.create.mutate({ name: '主机上的客户有限公司', kind: 'company', stage: 'prospect' });
    const { copy, dir } = await copyIn();

    expect((await setup(copy, 'probe', { address: 'not an address at all' })).json.error).toEqual({ code: 'validation', fieldErrors: { address: 'invalidAddress' } });
    const probed = (await setup(copy, 'probe', { address: `127.0.0.1:${port}` })).json;
    expect(probed).toMatchObject({ url: `https://127.0.0.1:${port}`, pairingCode: code });

    // A fingerprint other than the one shown is refused, and nothing is kept.
    expect((await setup(copy, 'connect', { url: probed.url, fingerprint: 'AA:BB' })).json.error.code).toBe('host_certificate_changed');
    expect((await setup(copy, 'state')).json.mode).toBe('choose');

    expect((await setup(copy, 'connect', { url: probed.url, fingerprint: probed.fingerprint })).json).toEqual({
      mode: 'remote',
      server: { url: probed.url, pairingCode: code },
    });
    await copy.close();
    const again = await CopyBackend.start({ dataDir: dir, backupSchedule: false });
    const api = clientOver(again.handleApi, 'app://office-crm');
    await api.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
    expect((await api.customers.list.query({})).items.map((c) => c.name)).toEqual(['主机上的客户有限公司']);
  });

  it('blocks a host whose certificate changed since pairing, until the user pairs again', async () => {
    const { t, port } = await sharingHost();
    const { copy } = await copyIn();
    const probed = (await setup(copy, 'probe', { address: `127.0.0.1:${port}` })).json;
    await setup(copy, 'connect', { url: probed.url, fingerprint: probed.fingerprint });

    // The host gets a new certificate (reinstalled), at the same address.
    await t.api.lan.configure.mutate({ enabled: false, port });
    rmSync(join(t.dir, 'lan-key.pem'));
    rmSync(join(t.dir, 'lan-cert.pem'));
    await t.host.close();
    const { createHost } = await import('../../electron/host.js');
    const reinstalled = await createHost({ dataDir: t.dir, backupSchedule: false, lan: LOOPBACK });
    cleanups.push(() => reinstalled.close());
    await reinstalled.lan.configure({ enabled: true, port });

    const api = clientOver(copy.handleApi, 'app://office-crm');
    expect((await appErrorOf(api.auth.status.query())).code).toBe('host_certificate_changed');
    expect((await setup(copy, 'disconnect', {})).json).toEqual({ mode: 'choose', server: null });
  });
});
