import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { ZipArchive } from 'archiver';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { APP_SCHEMA_VERSION } from '../../db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { createBackupFile } from '../../electron/services/backup/create.js';
import type { BackupFile } from '../../electron/services/backup/files.js';
import { apiClient, appErrorOf, OWNER, startTestHost, tempDir, type ApiClient, type TestHost } from '../helpers/test-host.js';

const company = (name: string) => ({ name, kind: 'company' as const, stage: 'prospect' as const });
const PASSWORD = 'backup-secret-1';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function names(api: ApiClient): Promise<string[]> {
  return (await api.customers.list.query({ sort: 'name', direction: 'asc' })).items.map((c) => c.name);
}

/** A copy of a file with a change, in a temp folder removed after the test. */
function variant(source: string, name: string, change: (bytes: Buffer) => Buffer): string {
  const dir = tempDir('crm-variant-');
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, name);
  writeFileSync(path, change(readFileSync(source)));
  return path;
}

/** A backup-like zip from a database file at some schema, as an older or newer app would have made it. */
async function backupOfSchema(version: 'old' | 'new'): Promise<BackupFile> {
  const dir = tempDir('crm-schema-');
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const connection = openDatabase(join(dir, DATABASE_FILE));
  const migrator = new Migrator({ db: connection.db, provider: { getMigrations: async () => migrations } });
  if (version === 'old') {
    await migrator.migrateTo('0001-init');
  } else {
    await migrator.migrateToLatest();
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(connection.db);
  }
  const now = '2026-01-05T04:30:00.000Z';
  await sql`INSERT INTO users (username, display_name, password_hash, role, created_at, updated_at) VALUES ('old-boss', '旧老板', 'x', 'owner', ${now}, ${now})`.execute(connection.db);
  const file = await createBackupFile({
    databaseFile: join(dir, DATABASE_FILE),
    workDir: dir,
    folder: dir,
    kind: 'manual',
    takenAt: new Date(now),
    appVersion: version === 'old' ? '0.0.9' : '9.0.0',
    schemaVersion: version === 'old' ? 1 : APP_SCHEMA_VERSION + 1,
    key: null,
  });
  await connection.close();
  return file.file;
}

describe('restore', () => {
  let t: TestHost;
  let plain: BackupFile;
  let encrypted: BackupFile;

  beforeAll(async () => {
    t = await startTestHost();
    await t.api.customers.create.mutate(company('备份前的客户'));
    plain = await t.api.backups.runNow.mutate();
    await t.api.backups.setPassword.mutate({ password: PASSWORD, confirm: PASSWORD });
    encrypted = await t.api.backups.runNow.mutate();
    await t.api.backups.clearPassword.mutate();
    await t.api.customers.create.mutate(company('备份后的客户'));
  });
  afterAll(() => t.close());

  /** Every refusal leaves the live data and the list of backups exactly as they were. */
  async function expectRefused(input: Parameters<ApiClient['backups']['restore']['mutate']>[0], code: string): Promise<void> {
    const before = { names: await names(t.api), backups: await t.api.backups.list.query() };
    expect((await appErrorOf(t.api.backups.restore.mutate(input))).code).toBe(code);
    expect(await names(t.api)).toEqual(before.names);
    expect(await t.api.backups.list.query()).toEqual(before.backups);
  }

  it('refuses truncated, corrupt, foreign and non-backup files with their own codes, touching nothing', async () => {
    await expectRefused({ path: variant(plain.path, 'cut.zip', (b) => b.subarray(0, Math.floor(b.length / 2))) }, 'backup_truncated');
    await expectRefused(
      {
        path: variant(plain.path, 'flipped.zip', (b) => {
          const copy = Buffer.from(b);
          for (let i = Math.floor(copy.length / 3); i < Math.floor(copy.length / 3) + 64; i++) copy[i]! ^= 0xff;
          return copy;
        }),
      },
      'backup_corrupt',
    );
    const foreignDir = tempDir('crm-foreign-');
    cleanup.push(() => rmSync(foreignDir, { recursive: true, force: true }));
    const foreign = join(foreignDir, 'photos.zip');
    const zip = new ZipArchive();
    zip.append('holiday pictures', { name: 'readme.txt' });
    void zip.finalize();
    await pipeline(zip, createWriteStream(foreign));
    await expectRefused({ path: foreign }, 'backup_foreign');
    await expectRefused({ path: variant(plain.path, 'notes.zip', () => Buffer.from('just some notes, not a zip')) }, 'backup_not_a_backup');
    await expectRefused({ path: join(foreignDir, 'no-such-file.zip') }, 'backup_file_missing');
    await expectRefused({ name: 'office-crm-20990101T000000000Z-manual.zip' }, 'backup_file_missing');
    expect((await appErrorOf(t.api.backups.restore.mutate({ path: 'relative.zip' }))).fieldErrors).toEqual({ path: 'absolutePath' });
  });

  it('refuses an encrypted backup without its password, with a wrong one, or damaged', async () => {
    await expectRefused({ name: encrypted.name }, 'backup_password_required');
    await expectRefused({ name: encrypted.name, password: 'not-the-password' }, 'backup_wrong_password');
    await expectRefused(
      {
        path: variant(encrypted.path, encrypted.name, (b) => {
          const copy = Buffer.from(b);
          copy[copy.length - 100]! ^= 0x01;
          return copy;
        }),
        password: PASSWORD,
      },
      'backup_corrupt',
    );
    await expectRefused({ path: variant(encrypted.path, encrypted.name, (b) => b.subarray(0, b.length - 1000)), password: PASSWORD }, 'backup_corrupt');
  });

  it('refuses a backup from a newer schema with its own message', async () => {
    await expectRefused({ path: (await backupOfSchema('new')).path }, 'backup_schema_too_new');
  });

  it('restores a listed backup: safety backup first, files swapped, what came back reported, sessions kept', async () => {
    // Signed in after the backup was taken: the restore carries this session into the restored data.
    const restorer = apiClient(t.host);
    await restorer.auth.login.mutate({ username: OWNER.username, password: OWNER.password });

    // Requests keep arriving while the restore runs: they wait for the swap, never meet a closed database.
    let restoring = true;
    const readers = (async () => {
      let reads = 0;
      while (restoring) {
        await t.api.customers.list.query({});
        reads++;
        await new Promise((resolve) => setImmediate(resolve)); // the next request arrives from I/O
      }
      return reads;
    })();
    const result = await restorer.backups.restore.mutate({ name: plain.name }).finally(() => (restoring = false));
    expect(await readers).toBeGreaterThan(0);

    expect(result).toMatchObject({ restoredFrom: plain.path, migratedFrom: null });
    expect(result.manifest).toMatchObject({ createdAt: plain.takenAt, appVersion: '0.1.0', schemaVersion: APP_SCHEMA_VERSION });
    expect(result.manifest.rowCounts).toMatchObject({ customers: 1, users: 1 });
    expect(result.safetyBackup.kind).toBe('safety');

    expect(await names(t.api)).toEqual(['备份前的客户']);
    expect(await names(restorer)).toEqual(['备份前的客户']);
    const list = await t.api.backups.list.query();
    expect(list.map((b) => b.name)).toEqual(expect.arrayContaining([plain.name, encrypted.name, result.safetyBackup.name]));
    // Backup settings belong to this PC: the restore did not bring back the old ones.
    expect((await t.api.backups.status.query()).lastRun).toMatchObject({ ok: true, kind: 'safety' });

    // The safety backup holds what the restore replaced: restoring it brings that back.
    await t.api.backups.restore.mutate({ name: result.safetyBackup.name });
    expect(await names(t.api)).toEqual(['备份前的客户', '备份后的客户']);
  });

  it('restores an encrypted backup on a fresh machine with only the file and the password', async () => {
    const fresh = await startTestHost();
    cleanup.push(() => fresh.close());
    const copy = join(fresh.dir, encrypted.name);
    copyFileSync(encrypted.path, copy);
    const result = await fresh.api.backups.restore.mutate({ path: copy, password: PASSWORD });
    expect(result.manifest.rowCounts.customers).toBe(1);
    expect(await names(fresh.api)).toEqual(['备份前的客户']);
  });

  it('restores a backup of an older schema and migrates it', async () => {
    const fresh = await startTestHost();
    cleanup.push(() => fresh.close());
    const old = await backupOfSchema('old');
    const result = await fresh.api.backups.restore.mutate({ path: old.path });
    expect(result).toMatchObject({ migratedFrom: 1, manifest: { schemaVersion: 1, appVersion: '0.0.9' } });
    const health = await (await fresh.host.handleApi(new Request('http://crm.test/api/health'), { secure: false, remoteAddress: null })).json();
    expect(health).toMatchObject({ schemaVersion: APP_SCHEMA_VERSION });
    const users = await fresh.host.services.db.selectFrom('users').select('username').execute();
    expect(users).toEqual([{ username: 'old-boss' }]);
    expect(await fresh.host.services.db.selectFrom('settings').select('key').execute()).toEqual(expect.any(Array));
  });

  it('refuses a restore while a backup runs', async () => {
    const running = t.host.backups.backUp('manual');
    expect((await appErrorOf(t.api.backups.restore.mutate({ name: plain.name }))).code).toBe('backup_busy');
    await running;
  });
});
