import type { CompiledQuery, SelectQueryBuilder } from 'kysely';
import { idleStatements, type Db } from './connection.js';

/**
 * Stands in for a value while a prepared select is built; the value is bound at each run. It may only
 * be handed to the query builder: used as a value in JS (compared, stringified) it would build a wrong
 * query without a word, so it throws instead.
 */
export class Placeholder {
  constructor(readonly name: string) {}

  toJSON(): never {
    throw new Error(`Placeholder "${this.name}" used as a value while building a prepared select`);
  }

  [Symbol.toPrimitive](): never {
    return this.toJSON();
  }
}

/** What decides a prepared select's SQL text: plain values, one compiled query for each combination. */
export type QueryShape = Record<string, string | number | boolean | null>;

/** Values bound to placeholders: a list goes as JSON (see inList). */
const bound = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value) : value);

/**
 * A select built and compiled once for each shape, then run with new values: the customer page's six
 * queries cost more in Kysely's building, compiling and connection queue than in SQLite (npm run bench,
 * ours/raw). `build` gets placeholders for the values (`$.id`) and the shape, never the values
 * themselves, so a compiled query cannot carry one caller's values into another's call.
 *
 * A read runs at once on the connection's cached statement where no transaction is open (see
 * idleStatements); otherwise, and on a transaction, it goes through Kysely like any query.
 */
export function preparedSelect<Values extends Record<string, unknown>, Row, Shape extends QueryShape = Record<string, never>>(
  // Any tables: the builder's own types check the query as it is written.
  build: (db: Db, $: Values, shape: Shape) => SelectQueryBuilder<any, any, Row>,
): (db: Db, values: Values, shape?: Shape) => Promise<Row[]> {
  const placeholders = new Proxy({}, { get: (_, name) => new Placeholder(String(name)) }) as Values;
  const compiled = new Map<string, CompiledQuery<Row>>();
  return async (db, values, shape = {} as Shape) => {
    const key = JSON.stringify(shape);
    let query = compiled.get(key);
    if (!query) compiled.set(key, (query = build(db, placeholders, shape).compile()));
    const parameters = query.parameters.map((p) => {
      if (!(p instanceof Placeholder)) return p;
      if (values[p.name] === undefined) throw new Error(`No value for "${p.name}" in a prepared select`);
      return bound(values[p.name]);
    });
    const statements = idleStatements(db);
    if (statements) return statements(query.sql).all(parameters) as Row[];
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
