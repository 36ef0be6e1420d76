import { existsSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkIntegrity } from '../../../db/backup.js';
import { openDatabase, type Db } from '../../../db/connection.js';
import { APP_SCHEMA_VERSION, DatabaseTooNewError, migrateToLatest, schemaVersion } from '../../../db/migrate.js';
import { AppError } from '../errors.js';
import { extractBackup } from './archive.js';
import { decryptBackup, ENCRYPTED_MAGIC } from './encrypt.js';
import { fileStart, sha256OfFile } from './files.js';
import type { Manifest } from './manifest.js';

export interface PreparedRestore {
  manifest: Manifest;
  /** The verified database, migrated to this app's schema, ready to take the live file's place. */
  candidateFile: string;
  /** The schema version the backup had, when it had to be migrated. */
  migratedFrom: number | null;
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\x05\x06', 'latin1');

const tooNew = () => new AppError('backup_schema_too_new', 'This backup was made by a newer version of the office CRM');
const corrupt = (why: string) => new AppError('backup_corrupt', `The backup is damaged: ${why}`);

/** The backup as a plain zip: decrypted into the work folder when it is encrypted. */
async function plainZip(file: string, password: string | null, workDir: string): Promise<string> {
  const head = await fileStart(file, ENCRYPTED_MAGIC.length);
  if (head.equals(ENCRYPTED_MAGIC)) {
    if (!password) throw new AppError('backup_password_required', 'This backup is encrypted: enter its password');
    const zip = join(workDir, 'backup.zip');
    await decryptBackup(file, password, zip);
    return zip;
  }
  if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) throw new AppError('backup_foreign', 'This zip is not an office CRM backup');
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('backup_not_a_backup', 'This file is not a backup');
  return file;
}

/**
 * Checks a backup through and through before anything live is touched: readable zip, our manifest,
 * the database's size and SHA-256, integrity_check, and a schema this app can open. An older schema is
 * migrated here, on the copy.
 */
export async function prepareRestore(input: {
  file: string;
  password: string | null;
  workDir: string;
  /** Of the whole restore, 0 to 0.5: checking is its first half. */
  onProgress?: (fraction: number) => void;
}): Promise<PreparedRestore> {
  const report = input.onProgress ?? (() => {});
  if (!existsSync(input.file) || !(await stat(input.file)).isFile()) {
    throw new AppError('backup_file_missing', `No backup file at ${input.file}`);
  }
  const zip = await plainZip(input.file, input.password, input.workDir);
  report(0.1);
  const { manifest, databaseFile } = await extractBackup(zip, input.workDir);
  report(0.25);
  if ((await stat(databaseFile)).size !== manifest.database.size || (await sha256OfFile(databaseFile)) !== manifest.database.sha256) {
    throw corrupt('the database does not match its checksum');
  }
  if (manifest.schemaVersion > APP_SCHEMA_VERSION) throw tooNew();
  report(0.3);
  let problems: string[];
  try {
    problems = await checkIntegrity(databaseFile);
  } catch (error) {
    throw corrupt(String(error));
  }
  if (problems.length > 0) throw corrupt(problems.slice(0, 3).join('; '));
  report(0.45);

  const candidate = openDatabase(databaseFile);
  try {
    const before = await schemaVersion(candidate.db);
    await migrateToLatest(candidate.db);
    return { manifest, candidateFile: databaseFile, migratedFrom: before < APP_SCHEMA_VERSION ? before : null };
  } catch (error) {
    throw error instanceof DatabaseTooNewError ? tooNew() : error;
  } finally {
    await candidate.close();
  }
}

/** Writes into a database file that is not the live one (the restore candidate). */
export async function writeIntoDatabaseFile(file: string, write: (db: Db) => Promise<void>): Promise<void> {
  const connection = openDatabase(file);
  try {
    await write(connection.db);
  } finally {
    await connection.close();
  }
}

const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Puts the candidate in the live file's place, with the connection closed. The old file and any
 * -wal/-shm beside it move aside first (a stale -wal must never be replayed into the restored file);
 * if the candidate cannot be moved in, they move back.
 */
export async function replaceDatabaseFile(liveFile: string, candidateFile: string, asideDir: string): Promise<void> {
  const moved: [string, string][] = [];
  for (const suffix of SQLITE_SIDE_FILES) {
    const from = liveFile + suffix;
    if (!existsSync(from)) continue;
    const to = join(asideDir, `previous-${basename(liveFile)}${suffix}`);
    await rename(from, to);
    moved.push([from, to]);
  }
  try {
    await rename(candidateFile, liveFile);
  } catch (error) {
    for (const [from, to] of moved) await rename(to, from);
    throw error;
  }
}
