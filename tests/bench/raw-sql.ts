import SQLite from 'better-sqlite3';
import { CUSTOMER_SORT_COLUMNS } from '../../db/customer.repository.js';
import { parseSearch } from '../../db/search.js';
import type { Viewer } from '../../db/visibility.js';
import type { ListCustomersInput } from '../../electron/api/schemas/customers.schema.js';

/**
 * The baseline: what the list, search and customer page cost as hand-written SQL on better-sqlite3
 * prepared statements, with none of our layers (tRPC, zod, services, Kysely, mappers). Each answers
 * with the same rows and columns as the API, so "ours / raw" is the price of those layers.
 */

const LIST_COLUMNS = `c.id, c.name, c.kind, c.industry, c.province, c.city, c.stage, c.tier, c.owner_id,
  u.display_name AS owner_name,
  (SELECT p.name FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.is_primary DESC, p.id LIMIT 1) AS primary_contact_name,
  (SELECT p.mobile FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.is_primary DESC, p.id LIMIT 1) AS primary_contact_mobile,
  (SELECT group_concat(t.tag, ',') FROM customer_tags t WHERE t.customer_id = c.id) AS tags,
  c.last_contacted_at, c.next_follow_up_on, c.created_at, c.updated_at`;

const OPEN_DEALS = `SELECT customer_id, currency, count(*) AS count, sum(amount_minor) AS amount_minor FROM opportunities
  WHERE customer_id IN (SELECT value FROM json_each(?)) AND closed_at IS NULL AND deleted_at IS NULL
  GROUP BY customer_id, currency`;

const CUSTOMER = `SELECT c.*, u.display_name AS owner_name FROM customers c LEFT JOIN users u ON u.id = c.owner_id
  WHERE c.id = ? AND c.deleted_at IS NULL`;
const TAGS = 'SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag';
const CONTACTS = 'SELECT * FROM contacts WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, id';
const TIMELINE = `SELECT i.*, u.display_name AS created_by_name FROM interactions i LEFT JOIN users u ON u.id = i.created_by
  WHERE i.customer_id = ? AND i.deleted_at IS NULL ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`;
const STAFF = `SELECT s.interaction_id, u.id, u.display_name AS name FROM interaction_staff s JOIN users u ON u.id = s.user_id
  WHERE s.interaction_id IN (SELECT value FROM json_each(?)) ORDER BY u.display_name`;
const PEOPLE = `SELECT ic.interaction_id, k.id, k.name FROM interaction_contacts ic JOIN contacts k ON k.id = ic.contact_id
  WHERE ic.interaction_id IN (SELECT value FROM json_each(?)) ORDER BY k.name`;

type Row = Record<string, unknown> & { id: number };

export interface RawList {
  items: Row[];
  total: number;
  openDeals: unknown[];
}

export interface RawCustomerPage {
  customer: Row;
  tags: string[];
  contacts: Row[];
  timeline: Row[];
  staff: unknown[];
  people: unknown[];
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The WHERE clause and its parameters for a list input, written the way one would by hand. */
function listConditions(viewer: Viewer, input: ListCustomersInput): { where: string; params: unknown[] } {
  const conditions = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (viewer.role === 'sales' || (viewer.role === 'manager' && viewer.teamId === null)) add('c.owner_id = ?', viewer.id);
  else if (viewer.role === 'manager') {
    add('c.owner_id IN (SELECT id FROM users WHERE team_id = ? UNION ALL SELECT ?)', viewer.teamId, viewer.id);
  }
  const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');
  if (input.stages?.length) add(`c.stage IN (${placeholders(input.stages)})`, ...input.stages);
  if (input.ownerIds?.length) add(`c.owner_id IN (${placeholders(input.ownerIds)})`, ...input.ownerIds);
  if (input.tag) add('c.id IN (SELECT customer_id FROM customer_tags WHERE tag = ?)', input.tag);
  if (input.search) {
    const { substrings, pairs } = parseSearch(input.search);
    if (substrings.length) {
      add('c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)', substrings.map(quote).join(' AND '));
    }
    if (pairs.length) {
      const match = pairs.map((p) => ([...p].length === 1 ? `${quote(p)}*` : quote(p))).join(' AND ');
      add('c.id IN (SELECT rowid FROM customer_search_pairs WHERE customer_search_pairs MATCH ?)', match);
    }
  }
  const unsupported = (['province', 'city', 'createdFrom', 'createdTo', 'lastContactedFrom', 'lastContactedTo',
    'notContactedSince', 'nextFollowUpFrom', 'nextFollowUpTo'] as const).filter((key) => input[key] !== undefined);
  if (unsupported.length) throw new Error(`raw SQL for ${unsupported.join(', ')} is not written`);
  return { where: conditions.join(' AND '), params };
}

function orderBy(input: ListCustomersInput): string {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const columns = [CUSTOMER_SORT_COLUMNS[input.sort], ...(input.sort === 'owner' ? ['c.owner_id'] : []), 'c.id'];
  return columns.map((column) => `${column} ${direction}`).join(', ');
}

export class RawQueries {
  readonly #sqlite: SQLite.Database;
  readonly #statements = new Map<string, SQLite.Statement>();

  /** A read-only connection of its own, with the app's cache size (db/connection.ts). */
  constructor(file: string) {
    this.#sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    this.#sqlite.pragma('cache_size = -65536');
  }

  /** The read-only handle, for query plans. */
  get database(): SQLite.Database {
    return this.#sqlite;
  }

  /** Prepared once per SQL text, as a hand-written data layer would keep them. */
  #statement(sql: string): SQLite.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#sqlite.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  list(viewer: Viewer, input: ListCustomersInput): RawList {
    const { where, params } = listConditions(viewer, input);
    const page = this.#statement(
      `SELECT ${LIST_COLUMNS} FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE ${where} ORDER BY ${orderBy(input)} LIMIT ? OFFSET ?`,
    );
    const items = page.all(...params, input.limit, input.offset) as Row[];
    const total = this.#statement(`SELECT count(*) AS n FROM customers c WHERE ${where}`).pluck().get(...params) as number;
    const openDeals = this.#statement(OPEN_DEALS).all(JSON.stringify(items.map((item) => item.id)));
    return { items, total, openDeals };
  }

  /** The customer with its tags and contacts, and the first page of its timeline with who took part. */
  customerPage(id: number, timelineLimit: number): RawCustomerPage {
    const customer = this.#statement(CUSTOMER).get(id) as Row | undefined;
    if (!customer) throw new Error(`customer ${id} not found`);
    const tags = this.#statement(TAGS).pluck().all(id) as string[];
    const contacts = this.#statement(CONTACTS).all(id) as Row[];
    // One row more than shown says whether another page follows, as the API asks.
    const timeline = this.#statement(TIMELINE).all(id, timelineLimit + 1) as Row[];
    const shown = JSON.stringify(timeline.slice(0, timelineLimit).map((row) => row.id));
    return { customer, tags, contacts, timeline, staff: this.#statement(STAFF).all(shown), people: this.#statement(PEOPLE).all(shown) };
  }

  close(): void {
    this.#sqlite.close();
  }
}
