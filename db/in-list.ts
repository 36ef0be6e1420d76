import { sql, type RawBuilder } from 'kysely';
import { Placeholder } from './prepared-select.js';

/**
 * `column IN (values)` with the values as one JSON parameter: the same SQL text whatever their number
 * (so one cached statement, see statement-cache.ts) and one value for Kysely to build and SQLite to bind
 * instead of one each (a list page has 100 ids, an export page 2,000). A prepared select's placeholder
 * is bound as JSON at each run.
 */
export function inList(column: string, values: readonly (number | string)[]): RawBuilder<boolean> {
  const json = values instanceof Placeholder ? values : JSON.stringify(values);
  return sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${json}))`;
}
