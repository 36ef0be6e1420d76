import { sql, type RawBuilder } from 'kysely';

/**
 * `column IN (ids)` with the ids as one JSON parameter: the same SQL text whatever their number (so one
 * cached statement, see statement-cache.ts) and one value for Kysely to build and SQLite to bind
 * instead of one each (a list page has 100 ids, an export page 2,000).
 */
export function inIds(column: string, ids: readonly number[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
