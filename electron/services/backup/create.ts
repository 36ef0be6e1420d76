import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { backUpDatabase } from '../../../db/backup.js';
import { zipBackup } from './archive.js';
import { diskWriter, removeLargeFile } from './disk-writer.js';
import { encryptingStream, type BackupKey } from './encrypt.js';
import { backupFileName, partialFileName, sha256OfFile, type BackupFile, type BackupKind } from './files.js';
import { buildManifest, DATABASE_ENTRY, type Manifest } from './manifest.js';

export type BackupPhase = 'copying' | 'checking' | 'compressing' | 'finishing';

export interface BackupProgress {
  phase: BackupPhase;
  /** Of the whole backup, 0 to 1. */
  fraction: number;
}

export interface CreateBackupInput {
  /** The live database file (the app keeps its connection open and writing meanwhile). */
  databaseFile: string;
  /** Where the temporary copy is made (the data folder, never the backup folder). */
  workDir: string;
  folder: string;
  kind: BackupKind;
  takenAt: Date;
  appVersion: string;
  schemaVersion: number;
  /** Encrypts the backup when set. */
  key: BackupKey | null;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * One backup file: a consistent snapshot through SQLite's backup API, checked with quick_check, zipped
 * with its manifest (and encrypted when a password is set) under a hidden temporary name, and renamed
 * to its listed name only once the stream has closed and reached the disk.
 */
export async function createBackupFile(input: CreateBackupInput): Promise<{ file: BackupFile; manifest: Manifest }> {
  const report = input.onProgress ?? (() => {});
  const work = await mkdtemp(join(input.workDir, 'backup-'));
  const name = backupFileName(input.takenAt, input.kind, input.key !== null);
  const partial = join(input.folder, partialFileName(name));
  try {
    const copy = join(work, DATABASE_ENTRY);
    const { problems, rowCounts } = await backUpDatabase(input.databaseFile, copy, (progress) =>
      report(
        progress.phase === 'checking'
          ? { phase: 'checking', fraction: 0.4 }
          : { phase: 'copying', fraction: progress.totalPages ? (0.4 * (progress.totalPages - progress.remainingPages)) / progress.totalPages : 0 },
      ),
    );
    if (problems.length > 0) throw new Error(`The database copy failed its check: ${problems.slice(0, 3).join('; ')}`);
    const { size } = await stat(copy);
    const manifest = buildManifest({
      appVersion: input.appVersion,
      schemaVersion: input.schemaVersion,
      createdAt: input.takenAt.toISOString(),
      rowCounts,
      database: { size, sha256: await sha256OfFile(copy) },
    });
    report({ phase: 'compressing', fraction: 0.5 });
    const zip = zipBackup(copy, manifest, (bytes) =>
      report({ phase: 'compressing', fraction: 0.5 + (0.45 * Math.min(bytes, size)) / Math.max(size, 1) }),
    );
    const output = await diskWriter(partial);
    await (input.key ? pipeline(zip, encryptingStream(input.key), output) : pipeline(zip, output));
    report({ phase: 'finishing', fraction: 0.97 });
    const path = join(input.folder, name);
    await rename(partial, path);
    report({ phase: 'finishing', fraction: 1 });
    return {
      file: { name, path, takenAt: manifest.createdAt, kind: input.kind, encrypted: input.key !== null, size: (await stat(path)).size },
      manifest,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await removeLargeFile(join(work, DATABASE_ENTRY));
    await rm(work, { recursive: true, force: true });
  }
}
