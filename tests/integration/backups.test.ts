import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEMA_VERSION } from '../../db/migrate.js';
import { createHost, type Host } from '../../electron/host.js';
import { backupFileName, parseBackupFileName, sha256OfFile } from '../../electron/services/backup/files.js';
import { backupsToKeep, DEFAULT_RETENTION } from '../../electron/services/backup/retention.js';
import { openBackup, seededDataDir } from '../helpers/backup-fixtures.js';
import { TestClock } from '../helpers/test-clock.js';
import { apiClient, appErrorOf, OWNER, startTestHost, tempDir, type ApiClient, type TestHost } from '../helpers/test-host.js';

const DAY = 24 * 60 * 60 * 1000;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const company = (name: string) => ({ name, kind: 'company' as const, stage: 'prospect' as const });

async function signedIn(host: Host, username: string): Promise<ApiClient> {
  const api = apiClient(host);
  await api.auth.login.mutate({ username, password: OWNER.password });
  return api;
}

/** A host on a seeded office of `customers` customers, closed and removed after the test. */
async function seededHost(customers: number, options: { clock?: TestClock } = {}): Promise<{ host: Host; dir: string; api: ApiClient }> {
  const dir = await seededDataDir(customers);
  const host = await createHost({ dataDir: dir, backupSchedule: false, ...options });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => host.close());
  return { host, dir, api: await signedIn(host, 'boss') };
}

describe('backups: back up now', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ clock: new TestClock('2026-03-02T04:30:00.000Z') });
  });
  afterAll(() => t.close());

  it('writes a zip of the database and its manifest, lists it and reports it in the status', async () => {
    await t.api.customers.create.mutate(company('北京长城电子有限公司'));
    const file = await t.api.backups.runNow.mutate();
    expect(file).toMatchObject({ kind: 'manual', encrypted: false, takenAt: '2026-03-02T04:30:00.000Z' });
    expect(file.name).toBe('office-crm-20260302T043000000Z-manual.zip');
    expect(file.path).toBe(join(t.dir, 'backups', file.name));

    const { manifest, db, dir } = await openBackup(file.path);
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => void db.close());
    expect(manifest).toMatchObject({ format: 'office-crm-backup', appVersion: '0.1.0', createdAt: '2026-03-02T04:30:00.000Z' });
    expect(manifest.schemaVersion).toBe(APP_SCHEMA_VERSION);
    expect(manifest.rowCounts).toMatchObject({ customers: 1, users: 1 });
    expect(manifest.database.sha256).toBe(await sha256OfFile(join(dir, 'office-crm.sqlite')));
    expect(db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['北京长城电子有限公司']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');

    expect((await t.api.backups.list.query()).map((b) => b.name)).toEqual([file.name]);
    const status = await t.api.backups.status.query();
    expect(status).toMatchObject({ running: null, folderUnavailable: false });
    expect(status.lastRun).toMatchObject({ ok: true, kind: 'manual', file: file.name, size: file.size, fellBack: false, lastSuccessAt: file.takenAt });
    // Nothing half-written or temporary is left beside it.
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([file.name]);
  });

  it('refuses a second backup while one runs (backup_busy), and the first completes', async () => {
    const first = t.host.backups.backUp('manual');
    expect((await appErrorOf(t.api.backups.runNow.mutate())).code).toBe('backup_busy');
    await expect(t.host.backups.backUp('scheduled')).rejects.toMatchObject({ code: 'backup_busy' });
    await expect(first).resolves.toMatchObject({ kind: 'manual' });
    expect((await t.api.backups.status.query()).running).toBeNull();
  });

  it('validates settings, and keeps the password only as a wrapped key', async () => {
    const bad = await appErrorOf(
      t.api.backups.updateSettings.mutate({ folder: 'relative/path', time: '25:00', retention: { daily: 0, weekly: 8, monthly: 12 } }),
    );
    expect(bad).toMatchObject({ code: 'validation', fieldErrors: { folder: 'absolutePath', time: 'invalidTime', 'retention.daily': 'invalid' } });

    const saved = await t.api.backups.updateSettings.mutate({ folder: null, time: '17:45', retention: { daily: 7, weekly: 4, monthly: 6 } });
    expect(saved).toMatchObject({ folder: null, time: '17:45', retention: { daily: 7, weekly: 4, monthly: 6 }, encrypted: false });
    expect(new Date((await t.api.backups.status.query()).nextRunAt!).getMinutes()).toBe(45);

    const mismatch = await appErrorOf(t.api.backups.setPassword.mutate({ password: 'backup-secret-1', confirm: 'other' }));
    expect(mismatch.fieldErrors).toEqual({ confirm: 'passwordMismatch' });
    expect((await t.api.backups.setPassword.mutate({ password: 'backup-secret-1', confirm: 'backup-secret-1' })).encrypted).toBe(true);
    const stored = await t.host.services.db.selectFrom('settings').select(['key', 'value']).execute();
    expect(stored.map((s) => s.value).join()).not.toContain('backup-secret-1');

    const encrypted = await t.api.backups.runNow.mutate();
    expect(encrypted).toMatchObject({ encrypted: true });
    expect(encrypted.name.endsWith('.zip.enc')).toBe(true);
    expect((await t.api.backups.clearPassword.mutate()).encrypted).toBe(false);
  });
});

describe('backups: consistency', () => {
  it('a backup taken while another loop keeps writing holds every write committed before it began', async () => {
    const { host, api } = await seededHost(2000);
    const committed: number[] = [];
    let writing = true;
    // Each save is its own request, arriving between others the way I/O would bring it.
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        committed.push((await api.customers.create.mutate(company(`写入中的客户 ${i}`))).id);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (committed.length < 5) await new Promise((resolve) => setImmediate(resolve));

    const committedBefore = [...committed];
    const file = await host.backups.backUp('manual');
    const writtenDuring = committed.length - committedBefore.length;
    writing = false;
    await writer;

    expect(writtenDuring).toBeGreaterThan(0);
    const { manifest, db, dir } = await openBackup(file.path);
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => void db.close());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set(db.prepare('SELECT id FROM customers').pluck().all() as number[]);
    expect(committedBefore.filter((id) => !ids.has(id))).toEqual([]);
    // One snapshot: the manifest counts what the file holds, and every customer has its search document.
    expect(manifest.rowCounts.customers).toBe(ids.size);
    expect(db.prepare('SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = ? AND a.entity_id = c.id) AND c.id > ?').pluck().get('customer', 2000)).toBe(0);
  });

  it('only the owner may change backup settings or restore; colleagues see the status and may back up now', async () => {
    const { host } = await seededHost(20);
    const sales = await signedIn(host, 'sales1');
    const settings = await sales.backups.settings.query();
    expect((await appErrorOf(sales.backups.updateSettings.mutate(settings))).code).toBe('forbidden');
    expect((await appErrorOf(sales.backups.setPassword.mutate({ password: 'x'.repeat(10), confirm: 'x'.repeat(10) }))).code).toBe('forbidden');
    expect((await appErrorOf(sales.backups.clearPassword.mutate())).code).toBe('forbidden');
    const file = await sales.backups.runNow.mutate();
    expect((await appErrorOf(sales.backups.restore.mutate({ name: file.name }))).code).toBe('forbidden');
    expect((await sales.backups.status.query()).lastRun?.ok).toBe(true);
  });
});

describe('backups: where they go', () => {
  it('falls back to the data folder with a warning when the chosen folder is unavailable', async () => {
    const t = await startTestHost();
    cleanup.push(() => t.close());
    const usb = tempDir('crm-usb-');
    cleanup.push(() => rmSync(usb, { recursive: true, force: true }));
    await t.api.backups.updateSettings.mutate({ folder: usb, time: '12:30', retention: DEFAULT_RETENTION });
    const onUsb = await t.api.backups.runNow.mutate();
    expect(onUsb.path).toBe(join(usb, onUsb.name));

    rmSync(usb, { recursive: true, force: true }); // the disk is unplugged
    expect((await t.api.backups.status.query()).folderUnavailable).toBe(true);
    const fallback = await t.api.backups.runNow.mutate();
    expect(fallback.path).toBe(join(t.dir, 'backups', fallback.name));
    expect((await t.api.backups.status.query()).lastRun).toMatchObject({ ok: true, fellBack: true });
    expect(existsSync(usb)).toBe(false); // a missing disk's path is never created on the system drive
  });

  it('records a failed backup in the status, keeping the last good time', async () => {
    const t = await startTestHost();
    cleanup.push(() => t.close());
    const good = await t.api.backups.runNow.mutate();
    // The data folder's backup folder cannot be written (a file is in its way; permissions would not stop root).
    rmSync(join(t.dir, 'backups'), { recursive: true });
    writeFileSync(join(t.dir, 'backups'), 'not a folder');
    const failure = await appErrorOf(t.api.backups.runNow.mutate());
    expect(failure.code).toBe('backup_failed');
    expect((await t.api.backups.status.query()).lastRun).toMatchObject({ ok: false, error: 'backup_failed', lastSuccessAt: good.takenAt });
  });

  it('keeps 14 daily, 8 weekly and 12 monthly backups of 400 days, and leaves safety backups alone', async () => {
    const clock = new TestClock('2027-04-05T04:30:00.000Z');
    const t = await startTestHost({ clock });
    cleanup.push(() => t.close());
    const folder = join(t.dir, 'backups');
    const first = await t.api.backups.runNow.mutate(); // creates the folder
    const old = Array.from({ length: 400 }, (_, i) => backupFileName(new Date(clock.now().getTime() - (i + 1) * DAY), 'scheduled', false));
    const safety = backupFileName(new Date(clock.now().getTime() - 300 * DAY), 'safety', false);
    for (const name of [...old, safety]) writeFileSync(join(folder, name), 'old backup');

    clock.advance(60_000);
    const newest = await t.api.backups.runNow.mutate();
    const listed = (await t.api.backups.list.query()).map((b) => b.name).sort();
    const routine = [newest.name, first.name, ...old].map((name) => ({ name, ...parseBackupFileName(name)! }));
    const expected = [...backupsToKeep(routine, DEFAULT_RETENTION)].map((b) => b.name);
    expect(listed).toEqual([...new Set([...expected, safety])].sort());
    // 14 days, then the weeks and months beyond them: far fewer than 400, the newest and the safety backup among them.
    expect(listed.length).toBeGreaterThan(14 + 1);
    expect(listed.length).toBeLessThan(14 + 8 + 12 + 2);
    expect(listed).toContain(newest.name);
    expect(listed).toContain(safety);
    expect(readdirSync(folder).sort()).toEqual(listed); // the others are deleted, not just unlisted
  });
});

describe('backups: schedule', () => {
  it('backs up at start-up when the last good backup is more than 24 h old, not when it is recent', async () => {
    const dir = tempDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const clock = new TestClock('2026-03-02T01:00:00.000Z');
    const start = async () => {
      const host = await createHost({ dataDir: dir, clock, backupSchedule: true });
      await host.backups.idle();
      const list = await host.backups.list();
      await host.close();
      return list;
    };

    const first = await start(); // never backed up: a fresh install backs up at once
    expect(first.map((b) => b.kind)).toEqual(['scheduled']);
    clock.advance(23 * 60 * 60 * 1000); // the PC was off overnight, but the last backup is less than a day old
    expect(await start()).toHaveLength(1);
    clock.advance(2 * 60 * 60 * 1000); // now it is 25 h old
    const third = await start();
    expect(third).toHaveLength(2);
    expect(third[0]!.takenAt).toBe('2026-03-03T02:00:00.000Z');
  });
});
