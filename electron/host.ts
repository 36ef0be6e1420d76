import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createApiHandler, type ApiHandler } from './api/handler.js';
import { APP_VERSION } from './app-info.js';
import { EventBus } from './events.js';
import { systemClock, type Clock, type ServiceContext } from './services/context.js';

export const DATABASE_FILE = 'office-crm.sqlite';

export interface HostOptions {
  dataDir: string;
  clock?: Clock;
  /** Electron's build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
}

export interface Host {
  dataDir: string;
  databaseFile: string;
  services: ServiceContext;
  events: EventBus;
  handleApi: ApiHandler;
  close(): Promise<void>;
}

/**
 * Everything for one data folder: opens and migrates the database and builds the API. The Electron
 * entry and the headless host both start here. A database that cannot be migrated (or is newer than
 * this app) is closed untouched and the error is thrown for the entry point to show.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const connection: Connection = openDatabase(databaseFile, { nativeBinding: options.nativeBinding });
  let schemaVersion: number;
  try {
    ({ schemaVersion } = await migrateToLatest(connection.db));
  } catch (error) {
    await connection.close();
    throw error;
  }
  const events = new EventBus();
  const services: ServiceContext = { db: connection.db, dataDir: options.dataDir, clock: options.clock ?? systemClock, events };
  return {
    dataDir: options.dataDir,
    databaseFile,
    services,
    events,
    handleApi: createApiHandler(services, { version: APP_VERSION, schemaVersion: () => schemaVersion }),
    close: () => connection.close(),
  };
}
