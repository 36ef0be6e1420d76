import type { Db } from '../../../db/connection.js';
import { deleteSetting, getSetting, putSetting } from '../../../db/settings.repository.js';
import type { AppErrorCode } from '../errors.js';
import type { BackupKey } from './encrypt.js';
import type { BackupKind } from './files.js';
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention.js';

/** Every backup setting key starts with this: a restore carries them over (they belong to this PC, not to the data). */
export const BACKUP_SETTINGS_PREFIX = 'backups.';
const SETTINGS = 'backups.settings';
const KEY = 'backups.key';
const LAST_RUN = 'backups.lastRun';

export interface BackupSettings {
  /** A USB disk or NAS path; null keeps backups in the data folder. */
  folder: string | null;
  /** Local time of the daily backup, HH:MM: midday, when office PCs are on. */
  time: string;
  retention: RetentionPolicy;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, time: '12:30', retention: DEFAULT_RETENTION };

/** The outcome of the latest backup, kept so the settings screen and the shell can show it after a restart. */
export interface BackupRun {
  kind: BackupKind;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  /** The error code of a failed run. */
  error: AppErrorCode | null;
  file: string | null;
  size: number | null;
  /** The chosen folder was unavailable, so the backup went to the data folder. */
  fellBack: boolean;
  /** The newest successful backup's time, whatever this run's outcome. */
  lastSuccessAt: string | null;
}

export async function readBackupSettings(db: Db): Promise<BackupSettings> {
  const stored = await getSetting<Partial<BackupSettings>>(db, SETTINGS);
  return { ...DEFAULT_BACKUP_SETTINGS, ...stored };
}

export async function writeBackupSettings(db: Db, settings: BackupSettings, now: string): Promise<void> {
  await putSetting(db, SETTINGS, settings, now);
}

export async function readBackupKey(db: Db): Promise<BackupKey | null> {
  return (await getSetting<BackupKey>(db, KEY)) ?? null;
}

export async function writeBackupKey(db: Db, key: BackupKey | null, now: string): Promise<void> {
  if (key) await putSetting(db, KEY, key, now);
  else await deleteSetting(db, KEY);
}

export async function readLastRun(db: Db): Promise<BackupRun | null> {
  return (await getSetting<BackupRun>(db, LAST_RUN)) ?? null;
}

export async function writeLastRun(db: Db, run: BackupRun): Promise<void> {
  await putSetting(db, LAST_RUN, run, run.finishedAt);
}
