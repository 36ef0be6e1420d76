import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteSession, findSessionWithUser, insertSession } from '../../../db/session.repository.js';
import { listSettingRows, replaceSettingRows } from '../../../db/settings.repository.js';
import { findUserById } from '../../../db/user.repository.js';
import type { Db } from '../../../db/connection.js';
import type { DatabaseHolder } from '../../database-holder.js';
import type { Clock } from '../context.js';
import { DailySchedule } from '../daily-schedule.js';
import { AppError } from '../errors.js';
import { createBackupFile, type BackupPhase } from './create.js';
import { createBackupKey } from './encrypt.js';
import {
  ensureFallbackFolder,
  isWritableFolder,
  listBackupFiles,
  removePartialFiles,
  type BackupFile,
  type BackupKind,
} from './files.js';
import type { Manifest } from './manifest.js';
import { backupsToKeep } from './retention.js';
import { prepareRestore, replaceDatabaseFile, writeIntoDatabaseFile } from './restore.js';
import {
  BACKUP_SETTINGS_PREFIX,
  readBackupKey,
  readBackupSettings,
  readLastRun,
  writeBackupKey,
  writeBackupSettings,
  writeLastRun,
  type BackupRun,
  type BackupSettings,
} from './settings.js';

const RESTORE_PHASES = ['verifying', 'safety-backup', 'replacing'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

export interface RunningJob {
  job: 'backup' | 'restore';
  phase: BackupPhase | RestorePhase;
  fraction: number;
  startedAt: string;
}

export interface BackupStatus {
  running: RunningJob | null;
  lastRun: BackupRun | null;
  /** The chosen folder cannot be written now (unplugged disk, NAS offline): backups go to the data folder. */
  folderUnavailable: boolean;
  nextRunAt: string | null;
}

export interface BackupSettingsView extends BackupSettings {
  encrypted: boolean;
  /** Where backups go when no folder is chosen or it is unavailable. */
  fallbackFolder: string;
}

export interface RestoreResult {
  restoredFrom: string;
  manifest: Pick<Manifest, 'createdAt' | 'appVersion' | 'schemaVersion' | 'rowCounts'>;
  migratedFrom: number | null;
  safetyBackup: BackupFile;
}

export interface BackupServiceOptions {
  holder: DatabaseHolder;
  dataDir: string;
  clock: Clock;
  appVersion: string;
}

/** The session the restoring user signed in with, carried into the restored data when that user exists there. */
export interface RestoreSession {
  tokenHash: string;
}

/**
 * Backups and restore for one data folder: one job at a time (a second one is refused, never run
 * alongside), progress and the last outcome as status anyone can poll, and the daily schedule.
 */
export class BackupService {
  readonly #options: BackupServiceOptions;
  readonly #scheduler: DailySchedule;
  readonly #changes = new EventEmitter();
  #running: RunningJob | null = null;
  #job: Promise<unknown> | null = null;
  #starting: Promise<void> | null = null;

  constructor(options: BackupServiceOptions) {
    this.#options = options;
    this.#scheduler = new DailySchedule(
      'backup',
      { run: () => this.backUp('scheduled'), lastRunAt: async () => (await readLastRun(this.#db))?.lastSuccessAt ?? null },
      options.clock,
    );
  }

  get #db(): Db {
    return this.#options.holder.connection.db;
  }

  get #workDir(): string {
    return join(this.#options.dataDir, '.work');
  }

  get #fallbackFolder(): string {
    return join(this.#options.dataDir, 'backups');
  }

  /** Starts the daily schedule; resolves after the start-up catch-up backup, when one was due. */
  startSchedule(): Promise<void> {
    this.#starting = (async () => {
      await rm(this.#workDir, { recursive: true, force: true });
      for (const folder of await this.#folders()) await removePartialFiles(folder);
      await this.#scheduler.start((await readBackupSettings(this.#db)).time);
    })();
    return this.#starting;
  }

  /** Stops the schedule and waits for a running backup or restore to end. */
  async stop(): Promise<void> {
    this.#scheduler.stop();
    await this.idle();
  }

  /** Called with the new status whenever a job starts, moves on or ends: the desktop shell shows failures natively. */
  onChange(listener: (status: BackupStatus) => void): () => void {
    const relay = () => void this.status().then(listener, () => {});
    this.#changes.on('change', relay);
    return () => this.#changes.off('change', relay);
  }

  async status(): Promise<BackupStatus> {
    const settings = await readBackupSettings(this.#db);
    return {
      running: this.#running,
      lastRun: await readLastRun(this.#db),
      folderUnavailable: settings.folder !== null && !(await isWritableFolder(settings.folder)),
      nextRunAt: this.#scheduler.nextRunAt(),
    };
  }

  async settings(): Promise<BackupSettingsView> {
    return {
      ...(await readBackupSettings(this.#db)),
      encrypted: (await readBackupKey(this.#db)) !== null,
      fallbackFolder: this.#fallbackFolder,
    };
  }

  async updateSettings(settings: BackupSettings): Promise<BackupSettingsView> {
    await writeBackupSettings(this.#db, settings, this.#now());
    this.#scheduler.reschedule(settings.time);
    return this.settings();
  }

  /** Later backups are encrypted; the password itself is never stored. */
  async setPassword(password: string): Promise<void> {
    await writeBackupKey(this.#db, await createBackupKey(password), this.#now());
  }

  async clearPassword(): Promise<void> {
    await writeBackupKey(this.#db, null, this.#now());
  }

  async list(): Promise<BackupFile[]> {
    return listBackupFiles(await this.#folders());
  }

  /** Resolves when no backup or restore is running. */
  async idle(): Promise<void> {
    await this.#starting?.catch(() => {});
    while (this.#job) await this.#job.catch(() => {});
  }

  backUp(kind: Exclude<BackupKind, 'safety'>): Promise<BackupFile> {
    return this.#exclusive('backup', () => this.#backUpAndRecord(kind));
  }

  /** Restores a listed backup (by name) or any backup file on this computer (by path). */
  restore(input: { name?: string; path?: string; password: string | null; session: RestoreSession | null }): Promise<RestoreResult> {
    return this.#exclusive('restore', () => this.#restore(input));
  }

  #now(): string {
    return this.#options.clock.now().toISOString();
  }

  async #folders(): Promise<string[]> {
    const { folder } = await readBackupSettings(this.#db);
    return folder ? [folder, this.#fallbackFolder] : [this.#fallbackFolder];
  }

  async #exclusive<T>(job: RunningJob['job'], work: () => Promise<T>): Promise<T> {
    if (this.#job) throw new AppError('backup_busy', 'A backup or restore is already running');
    this.#running = { job, phase: job === 'backup' ? 'copying' : 'verifying', fraction: 0, startedAt: this.#now() };
    const running = work();
    this.#job = running;
    this.#changes.emit('change');
    try {
      return await running;
    } finally {
      this.#job = null;
      this.#running = null;
      this.#changes.emit('change');
    }
  }

  #progress(phase: RunningJob['phase'], fraction: number): void {
    if (!this.#running) return;
    // A restore's safety backup is one step of the restore: 50-90 % of it.
    const safetyStep = this.#running.job === 'restore' && !RESTORE_PHASES.includes(phase as RestorePhase);
    this.#running = safetyStep ? { ...this.#running, phase: 'safety-backup', fraction: 0.5 + 0.4 * fraction } : { ...this.#running, phase, fraction };
  }

  /** Writes one backup file into the chosen folder, or the data folder when that is unavailable. */
  async #writeBackup(kind: BackupKind): Promise<{ file: BackupFile; fellBack: boolean }> {
    const settings = await readBackupSettings(this.#db);
    const chosenAvailable = settings.folder !== null && (await isWritableFolder(settings.folder));
    const folder = chosenAvailable ? settings.folder! : await ensureFallbackFolder(this.#options.dataDir);
    await mkdir(this.#workDir, { recursive: true });
    const { file } = await createBackupFile({
      databaseFile: this.#options.holder.file,
      workDir: this.#workDir,
      folder,
      kind,
      takenAt: this.#options.clock.now(),
      appVersion: this.#options.appVersion,
      schemaVersion: this.#options.holder.schemaVersion,
      key: await readBackupKey(this.#db),
      onProgress: ({ phase, fraction }) => this.#progress(phase, fraction),
    });
    return { file, fellBack: settings.folder !== null && !chosenAvailable };
  }

  async #backUpAndRecord(kind: BackupKind): Promise<BackupFile> {
    const startedAt = this.#now();
    const previous = await readLastRun(this.#db);
    try {
      const { file, fellBack } = await this.#writeBackup(kind);
      await writeLastRun(this.#db, {
        kind,
        startedAt,
        finishedAt: this.#now(),
        ok: true,
        error: null,
        file: file.name,
        size: file.size,
        fellBack,
        lastSuccessAt: file.takenAt,
      });
      await this.#applyRetention();
      return file;
    } catch (error) {
      console.error('Backup failed:', error);
      await writeLastRun(this.#db, {
        kind,
        startedAt,
        finishedAt: this.#now(),
        ok: false,
        error: error instanceof AppError ? error.code : 'backup_failed',
        file: null,
        size: null,
        fellBack: false,
        lastSuccessAt: previous?.lastSuccessAt ?? null,
      });
      throw error instanceof AppError ? error : new AppError('backup_failed', `The backup failed: ${String(error)}`);
    }
  }

  /** Safety backups (taken before a restore) are left alone: they are rare, and the way back from a mistaken restore. */
  async #applyRetention(): Promise<void> {
    const { retention } = await readBackupSettings(this.#db);
    const routine = (await this.list()).filter((b) => b.kind !== 'safety');
    const keep = backupsToKeep(routine, retention);
    for (const backup of routine) {
      if (!keep.has(backup)) await rm(backup.path, { force: true });
    }
  }

  async #restoreSource(input: { name?: string; path?: string }): Promise<string> {
    if (input.path) return input.path;
    const listed = (await this.list()).find((b) => b.name === input.name);
    if (!listed) throw new AppError('backup_file_missing', `No backup named ${input.name}`);
    return listed.path;
  }

  /** What belongs to this PC rather than to the data goes into the restored database: backup settings, and the restoring user's session. */
  async #carryOver(target: Db, session: RestoreSession | null): Promise<void> {
    await replaceSettingRows(target, BACKUP_SETTINGS_PREFIX, await listSettingRows(this.#db, BACKUP_SETTINGS_PREFIX));
    if (!session) return;
    const current = await findSessionWithUser(this.#db, session.tokenHash);
    if (!current) return;
    const user = await findUserById(target, current.user_id);
    if (!user || user.username !== current.username || user.disabled_at) return;
    const { token_hash, user_id, created_at, last_seen_at, expires_at } = current;
    await deleteSession(target, token_hash); // the backup may hold this very session already
    await insertSession(target, { token_hash, user_id, created_at, last_seen_at, expires_at });
  }

  async #restore(input: { name?: string; path?: string; password: string | null; session: RestoreSession | null }): Promise<RestoreResult> {
    const file = await this.#restoreSource(input);
    await mkdir(this.#workDir, { recursive: true });
    const work = await mkdtemp(join(this.#workDir, 'restore-'));
    try {
      const prepared = await prepareRestore({
        file,
        password: input.password,
        workDir: work,
        onProgress: (fraction) => this.#progress('verifying', fraction),
      });
      let safetyBackup!: BackupFile;
      await this.#options.holder.swap({
        beforeClose: async () => {
          safetyBackup = await this.#backUpAndRecord('safety');
          this.#progress('replacing', 0.9);
          await writeIntoDatabaseFile(prepared.candidateFile, (target) => this.#carryOver(target, input.session));
        },
        replaceFile: () => replaceDatabaseFile(this.#options.holder.file, prepared.candidateFile, work),
      });
      const { createdAt, appVersion, schemaVersion, rowCounts } = prepared.manifest;
      return { restoredFrom: file, manifest: { createdAt, appVersion, schemaVersion, rowCounts }, migratedFrom: prepared.migratedFrom, safetyBackup };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
