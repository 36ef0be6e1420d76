import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from '../../db/schema.js';
import { countCustomers, listCustomerPage } from '../../db/customer.repository.js';
import type { ListScenario } from './scenarios.js';

/**
 * The SQL the repository builds for a scenario and SQLite's plan for it: a second Kysely on the same
 * SQLite handle that records each query instead of guessing at it.
 */
export async function explainScenario(sqlite: SQLite.Database, scenario: ListScenario) {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const input = scenario.input(0);
  await listCustomerPage(db, scenario.viewer, input);
  await countCustomers(db, scenario.viewer, input);
  return captured.map((query) => ({
    sql: query.sql,
    parameters: query.parameters,
    plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as {
      id: number;
      parent: number;
      detail: string;
    }[]),
  }));
}

/** The plan as an indented tree, like the sqlite3 shell prints it. */
export function formatPlan(plan: { id: number; parent: number; detail: string }[]): string {
  const depth = new Map<number, number>([[0, -1]]);
  return plan
    .map((row) => {
      const d = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, d);
      return `${'  '.repeat(d)}${row.detail}`;
    })
    .join('\n');
}
