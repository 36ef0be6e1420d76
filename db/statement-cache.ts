import type SQLite from 'better-sqlite3';

/** How many distinct statements each connection keeps prepared (the app has a few hundred shapes). */
const MAX_STATEMENTS = 500;

/**
 * `prepare` that reuses the statement already prepared for the same SQL. Kysely prepares every query
 * anew, and at 100k customers preparing was 8% of the host's CPU under load (npm run bench -- --only
 * load). Least recently used statements are dropped past MAX_STATEMENTS (queries with IN lists differ
 * by their number of placeholders). A statement still being iterated is busy and cannot be run again,
 * so a fresh one is prepared for that call.
 */
export function statementCache(sqlite: SQLite.Database): (sql: string) => SQLite.Statement {
  const statements = new Map<string, SQLite.Statement>();
  return (sql) => {
    const cached = statements.get(sql);
    if (cached && !cached.busy) {
      // Re-inserting keeps the map in least-recently-used order.
      statements.delete(sql);
      statements.set(sql, cached);
      return cached;
    }
    const statement = sqlite.prepare(sql);
    if (!cached) {
      statements.set(sql, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
}
