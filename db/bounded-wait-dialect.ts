import { SqliteDialect, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/** Longer than any transaction of the app holds the connection (an import batch takes about a second). */
export const CONNECTION_WAIT_MS = 30_000;

export class ConnectionWaitError extends Error {
  constructor(ms: number) {
    super(
      `A query waited ${ms / 1000} s for the database connection, held by a transaction that did not finish: ` +
        'most likely a query made inside a transaction on the database instead of on the transaction itself',
    );
  }
}

/**
 * SQLite's dialect, but a query that waits too long for the one connection fails instead of waiting
 * for ever. A query made on `db` inside `db.transaction()` waits for the transaction that waits for it:
 * without this the whole host hung, every request after it queued behind (it happened: editing a
 * lead's source). With it, that request fails, its transaction rolls back, and the host goes on.
 */
export class BoundedWaitSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    readonly waitMs = CONNECTION_WAIT_MS,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const waitMs = this.waitMs;
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = () =>
      new Promise<DatabaseConnection>((resolve, reject) => {
        let late = false;
        const timer = setTimeout(() => {
          late = true;
          reject(new ConnectionWaitError(waitMs));
        }, waitMs);
        acquire().then((connection) => {
          clearTimeout(timer);
          // Given up on: hand the connection straight back, or it would stay locked for ever.
          if (late) void driver.releaseConnection(connection);
          else resolve(connection);
        }, reject);
      });
    return driver;
  }
}
