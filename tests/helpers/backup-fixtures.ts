import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { extractBackup } from '../../electron/services/backup/archive.js';
import type { Manifest } from '../../electron/services/backup/manifest.js';
import { hashPassword } from '../../electron/services/password.js';
import { OWNER, tempDir } from './test-host.js';

/**
 * A data folder holding a seeded office (owner "boss", sales1…; every password OWNER.password), big
 * enough that a backup takes many steps of SQLite's backup API.
 */
export async function seededDataDir(customers: number): Promise<string> {
  const dir = tempDir('crm-backup-');
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  await seedDatabase(connection, { seed: 7, customers, passwordHash: await hashPassword(OWNER.password) });
  await connection.close();
  return dir;
}

/** Opens a plain (unencrypted) backup the way a person would: unzip, then read the database inside. */
export async function openBackup(file: string): Promise<{ manifest: Manifest; db: SQLite.Database; dir: string }> {
  const dir = tempDir('crm-unzip-');
  const { manifest, databaseFile } = await extractBackup(file, dir);
  return { manifest, db: new SQLite(databaseFile, { readonly: true }), dir };
}
