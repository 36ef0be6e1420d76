import { AsyncLocalStorage } from 'node:async_hooks';
import { openDatabase, type Connection } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * The open, migrated database of one data folder, which a restore can swap for another file while
 * the app keeps running. Requests run through `run`; a swap waits for the running ones to finish,
 * holds new ones until the new file is open, and so no request ever meets a closed connection.
 */
export class DatabaseHolder {
  #connection: Connection;
  #schemaVersion: number;
  #inFlight = 0;
  #drained: (() => void) | null = null;
  #swapping: Promise<void> | null = null;
  readonly #insideRun = new AsyncLocalStorage<true>();

  private constructor(
    readonly file: string,
    opened: { connection: Connection; schemaVersion: number },
  ) {
    this.#connection = opened.connection;
    this.#schemaVersion = opened.schemaVersion;
  }

  /** Opens and migrates; a database that cannot be migrated is closed untouched and the error thrown. */
  static async open(file: string): Promise<DatabaseHolder> {
    return new DatabaseHolder(file, await DatabaseHolder.#openMigrated(file));
  }

  static async #openMigrated(file: string): Promise<{ connection: Connection; schemaVersion: number }> {
    const connection = openDatabase(file);
    try {
      return { connection, schemaVersion: (await migrateToLatest(connection.db)).schemaVersion };
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  get connection(): Connection {
    return this.#connection;
  }

  get schemaVersion(): number {
    return this.#schemaVersion;
  }

  /** Runs one request's work, after any swap in progress has finished. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    while (this.#swapping) await this.#swapping;
    this.#inFlight++;
    try {
      return await this.#insideRun.run(true, work);
    } finally {
      this.#inFlight--;
      this.#drained?.();
    }
  }

  /**
   * Waits until no other request is using the connection (the calling request, if any, excepted) and
   * holds new ones; runs `beforeClose` on the quiet connection (a failure there leaves it open and
   * unchanged); closes it, lets `replaceFile` change the file on disk, then opens and migrates whatever
   * file is there.
   */
  async swap<T>(steps: { beforeClose: () => Promise<void>; replaceFile: () => Promise<T> }): Promise<T> {
    let reopened!: () => void;
    this.#swapping = new Promise((resolve) => (reopened = resolve));
    try {
      const own = this.#insideRun.getStore() ? 1 : 0;
      while (this.#inFlight > own) await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#drained = null;
      await steps.beforeClose();
      await this.#connection.close();
      try {
        return await steps.replaceFile();
      } finally {
        const opened = await DatabaseHolder.#openMigrated(this.file);
        this.#connection = opened.connection;
        this.#schemaVersion = opened.schemaVersion;
      }
    } finally {
      this.#swapping = null;
      reopened();
    }
  }

  close(): Promise<void> {
    return this.#connection.close();
  }
}
