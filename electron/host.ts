import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApiHandler, type ApiHandler } from './api/handler.js';
import { APP_VERSION, RENDERER_DIR } from './app-info.js';
import { DatabaseHolder } from './database-holder.js';
import { EventBus } from './events.js';
import { LanSharing } from './lan/lan-sharing.js';
import { BackupService } from './services/backup/service.js';
import { systemClock, type Clock, type ServiceContext } from './services/context.js';
import { LoginThrottle } from './services/login-throttle.js';
import { PresenceBoard } from './services/presence.js';
import { startPoolRecycling, type RecyclingScheduler } from './services/pool-recycling.service.js';
import { startReminderScheduler, type FiredReminder, type ReminderScheduler } from './services/reminders.service.js';

export const DATABASE_FILE = 'office-crm.sqlite';

export interface HostOptions {
  dataDir: string;
  clock?: Clock;
  /** Told of each reminder as it fires (the desktop shows a native notification). */
  onReminder?: (reminder: FiredReminder) => void;
  /** Run the daily backup schedule and the start-up catch-up backup (default true; tests turn it on when they test it). */
  backupSchedule?: boolean;
  /** Where sharing on the office network listens (default every interface; tests use loopback) and whether it announces itself over mDNS. */
  lan?: { listenHost?: string; announce?: boolean };
}

export interface Host {
  dataDir: string;
  databaseFile: string;
  services: ServiceContext;
  events: EventBus;
  /** Backups and restore; the shell reads `status()` / `onChange` to show failures natively. */
  backups: BackupService;
  handleApi: ApiHandler;
  /** "Share on the office network": the HTTPS server for colleagues and browsers. */
  lan: LanSharing;
  reminders: ReminderScheduler;
  /** Returns customers without follow-up to the public pool, daily at a set time and at start-up when late. */
  poolRecycling: RecyclingScheduler;
  close(): Promise<void>;
}

/**
 * Everything for one data folder: opens and migrates the database, builds the API and starts the
 * backup schedule. The Electron entry and the headless host both start here. A database that cannot
 * be migrated (or is newer than this app) is closed untouched and the error is thrown for the entry
 * point to show.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const holder = await DatabaseHolder.open(databaseFile);
  const events = new EventBus();
  const clock = options.clock ?? systemClock;
  // A restore swaps the connection: services always get the one open now.
  const services: ServiceContext = {
    get db() {
      return holder.connection.db;
    },
    dataDir: options.dataDir,
    clock,
    events,
  };
  const backups = new BackupService({ holder, dataDir: options.dataDir, clock, appVersion: APP_VERSION });
  if (options.backupSchedule ?? true) {
    backups.startSchedule().catch((error: unknown) => console.error('Starting the backup schedule failed:', error));
  }
  const reminders = startReminderScheduler(services, { onFired: options.onReminder, exclusive: (work) => holder.run(work) });
  // Reminders that came due while the app was off fire now, once.
  await reminders.check();
  // Daily at the pool settings' time, and now when the last check is over a day old.
  const poolRecycling = await startPoolRecycling(services, { exclusive: (work) => holder.run(work) });
  // Every request runs through the holder, so a restore never pulls the connection from under one.
  const handleApi: ApiHandler = (req, requestOptions) => holder.run(() => api(req, requestOptions));
  const lan = new LanSharing({
    services,
    handleApi,
    rendererDir: existsSync(RENDERER_DIR) ? RENDERER_DIR : null,
    appVersion: APP_VERSION,
    ...options.lan,
  });
  const throttle = new LoginThrottle(clock);
  const presence = new PresenceBoard(clock, events);
  const api = createApiHandler(services, { version: APP_VERSION, schemaVersion: () => holder.schemaVersion }, { backups, lan, throttle, presence });
  await lan.resume();
  return {
    dataDir: options.dataDir,
    databaseFile,
    services,
    events,
    backups,
    handleApi,
    lan,
    reminders,
    poolRecycling,
    close: async () => {
      await lan.stop();
      await poolRecycling.stop();
      await reminders.stop();
      await backups.stop();
      await holder.close();
    },
  };
}
