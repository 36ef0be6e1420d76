import { X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { pairingCodeOf } from '../../electron/lan/pairing-code.js';
import { probeHost, remoteApiHandler } from '../../electron/lan/remote-host.js';
import { discoverHosts } from '../../electron/lan/announce.js';
import { freePort } from '../helpers/free-port.js';
import { clientOver } from '../helpers/remote-client.js';
import { appErrorOf, OWNER, startTestHost, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

const LOOPBACK = { listenHost: '127.0.0.1', announce: false };
const hosts: TestHost[] = [];

async function sharingHost(lan = LOOPBACK): Promise<{ t: TestHost; port: number }> {
  const t = await startTestHost({ lan });
  hosts.push(t);
  const port = await freePort();
  const status = await t.api.lan.configure.mutate({ enabled: true, port });
  expect(status).toMatchObject({ enabled: true, running: true, port, error: null });
  return { t, port };
}

/** A raw HTTPS request that trusts any certificate, to look at what the server itself does. */
function rawHttps(port: number, options: { path?: string; method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; certificate: X509Certificate }>((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path: options.path ?? '/api/health', method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: false },
      (res) => {
        const raw = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().raw;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, certificate: new X509Certificate(raw) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((t) => t.close()));
});

describe('sharing on the office network', () => {
  it('is off until the owner turns it on, then serves HTTPS with the host certificate and its pairing code', async () => {
    const t = await startTestHost({ lan: LOOPBACK });
    hosts.push(t);
    expect(await t.api.lan.status.query()).toMatchObject({ enabled: false, running: false, urls: [], pairingCode: null });
    const port = await freePort();
    const status = await t.api.lan.configure.mutate({ enabled: true, port });
    expect(status.pairingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const served = await rawHttps(port);
    expect(served.status).toBe(200);
    expect(served.certificate.fingerprint256).toBe(status.fingerprint);
    expect(pairingCodeOf(served.certificate.fingerprint256)).toBe(status.pairingCode);
    expect(served.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('keeps its certificate and resumes sharing after a restart, and closes the port when switched off', async () => {
    const { t, port } = await sharingHost();
    const before = await t.api.lan.status.query();
    await t.host.close();
    const { createHost } = await import('../../electron/host.js');
    const again = await createHost({ dataDir: t.dir, backupSchedule: false, lan: LOOPBACK });
    try {
      const served = await rawHttps(port);
      expect(served.certificate.fingerprint256).toBe(before.fingerprint);
      await again.lan.configure({ enabled: false, port });
      await expect(rawHttps(port)).rejects.toThrow(/ECONNREFUSED/);
      expect(await again.lan.status()).toMatchObject({ enabled: false, running: false });
    } finally {
      await again.close();
    }
  });

  it('refuses a port another program holds, with its own error, and stays off', async () => {
    const { port } = await sharingHost();
    const t = await startTestHost({ lan: LOOPBACK });
    hosts.push(t);
    const error = await appErrorOf(t.api.lan.configure.mutate({ enabled: true, port }));
    expect(error).toMatchObject({ code: 'lan_port_in_use', data: { port } });
    expect(await t.api.lan.status.query()).toMatchObject({ enabled: false, running: false });
  });

  it('answers only to its own names (no DNS rebinding) and refuses state changes from other origins', async () => {
    const { port } = await sharingHost();
    expect((await rawHttps(port, { headers: { host: 'attacker.example:443' } })).status).toBe(421);
    const crossSite = await rawHttps(port, {
      path: '/api/trpc/auth.login',
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('is the owner\'s switch: a sales rep can neither see nor change it', async () => {
    const { t, port } = await sharingHost();
    const rep = await signInColleague(t, 'rep', 'sales');
    expect((await appErrorOf(rep.api.lan.status.query())).code).toBe('forbidden');
    expect((await appErrorOf(rep.api.lan.configure.mutate({ enabled: false, port }))).code).toBe('forbidden');
  });

  it('checks the port it is given', async () => {
    const t = await startTestHost({ lan: LOOPBACK });
    hosts.push(t);
    const error = await appErrorOf(t.api.lan.configure.mutate({ enabled: true, port: 80 }));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { port: 'invalidPort' } });
  });

  it('announces itself over mDNS so colleagues find it without typing an address', async () => {
    const { port } = await sharingHost({ listenHost: '127.0.0.1', announce: true });
    const found = await discoverHosts(2500);
    expect(found.some((host) => host.port === port && host.name.startsWith('Office CRM'))).toBe(true);
  });
});

describe("a colleague's copy connecting to the host", () => {
  it('sees the same pairing code as the host shows, then works through the pinned certificate', async () => {
    const { t, port } = await sharingHost();
    const probed = await probeHost(`127.0.0.1:${port}`);
    expect(probed.pairingCode).toBe((await t.api.lan.status.query()).pairingCode);
    expect(probed.url).toBe(`https://127.0.0.1:${port}`);

    const colleague = clientOver(remoteApiHandler(probed), probed.url);
    await colleague.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
    await t.api.customers.create.mutate({ name: '远程测试有限公司', kind: 'company', stage: 'prospect' });
    const page = await colleague.customers.list.query({});
    expect(page.items.map((c) => c.name)).toContain('远程测试有限公司');
  });

  it('refuses a host that shows another certificate than the paired one, and says so', async () => {
    const { t, port } = await sharingHost();
    const pinned = await probeHost(`127.0.0.1:${port}`);
    await t.api.lan.configure.mutate({ enabled: false, port });
    // Another office host (its own certificate) now answers at the same address.
    const other = await startTestHost({ lan: LOOPBACK });
    hosts.push(other);
    await other.api.lan.configure.mutate({ enabled: true, port });

    const colleague = clientOver(remoteApiHandler(pinned), pinned.url);
    const error = await appErrorOf(colleague.auth.status.query());
    expect(error.code).toBe('host_certificate_changed');
  });

  it('reports an unreachable host with its own code, and an address that is not an office CRM', async () => {
    const port = await freePort();
    const colleague = clientOver(
      remoteApiHandler({ url: `https://127.0.0.1:${port}`, certificate: '', fingerprint: '' }),
      `https://127.0.0.1:${port}`,
    );
    expect((await appErrorOf(colleague.auth.status.query())).code).toBe('host_unreachable');
    await expect(probeHost(`127.0.0.1:${port}`)).rejects.toMatchObject({ code: 'host_unreachable' });
    await expect(probeHost('http://127.0.0.1:1234')).rejects.toMatchObject({ code: 'validation' });
  });
});
