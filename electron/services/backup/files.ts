import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** scheduled: the daily run; manual: "Back up now"; safety: taken just before a restore replaces the data. */
export type BackupKind = 'scheduled' | 'manual' | 'safety';

export interface BackupFile {
  name: string;
  path: string;
  takenAt: string;
  kind: BackupKind;
  encrypted: boolean;
  size: number;
}

/** office-crm-20260302T123000123Z-manual.zip, or .zip.enc when encrypted: sortable, and says what it is. */
const BACKUP_NAME = /^office-crm-(\d{8}T\d{9}Z)-(scheduled|manual|safety)\.zip(\.enc)?$/;

/** While written, a backup has a hidden name no listing matches: a half-written file is never a backup. */
const PARTIAL_SUFFIX = '.partial';

export function backupFileName(takenAt: Date, kind: BackupKind, encrypted: boolean): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `office-crm-${stamp}-${kind}.zip${encrypted ? '.enc' : ''}`;
}

export function partialFileName(name: string): string {
  return `.${name}${PARTIAL_SUFFIX}`;
}

function takenAtOf(stamp: string): string {
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/.exec(stamp)!;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

export function parseBackupFileName(name: string): Pick<BackupFile, 'takenAt' | 'kind' | 'encrypted'> | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  return { takenAt: takenAtOf(match[1]!), kind: match[2] as BackupKind, encrypted: match[3] !== undefined };
}

/** The backups in these folders, newest first. A folder that cannot be read (unplugged disk) lists nothing. */
export async function listBackupFiles(folders: string[]): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const folder of new Set(folders)) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) files.push({ name, path, size: info.size, ...parsed });
    }
  }
  return files.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Whether backups can be written into the folder now. A missing folder is not created: it may be an unplugged disk. */
export async function isWritableFolder(folder: string): Promise<boolean> {
  try {
    if (!(await stat(folder)).isDirectory()) return false;
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The data folder's own backup folder, used when none is set or the chosen one is unavailable. */
export async function ensureFallbackFolder(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'backups');
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Leftovers of a backup interrupted by a crash or power cut; only called when no backup is running. */
export async function removePartialFiles(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith(PARTIAL_SUFFIX)).map((n) => rm(join(folder, n), { force: true })));
}

/** The first bytes of a file (fewer if it is shorter), to tell what kind of file it is. */
export async function fileStart(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
