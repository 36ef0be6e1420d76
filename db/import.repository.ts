import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { auditInserter, type AuditEntry } from './audit.repository.js';
import { sqliteHandleOf, type Db } from './connection.js';
import { inList } from './in-list.js';
import { rowInserter as inserter } from './row-inserter.js';
import { customerSearch, searchDocumentInserter, type SearchDocument } from './search.js';
import type { NewContactRow } from './tables/contact.table.js';
import type { NewCustomerRow } from './tables/customer.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';

/**
 * Bulk reads and writes of customers (the import): better-sqlite3 statements prepared once per
 * connection and run row by row, and lookups of a whole batch in one query each (the batch's keys
 * passed as one JSON array). Building and compiling a query per row, or a multi-row INSERT per chunk,
 * cost several times SQLite's own work at 100k rows.
 */

export interface CustomerKeyMatch {
  id: number;
  name: string;
  name_key: string;
}

export interface ContactChannelMatch {
  id: number;
  customer_id: number;
  customer_name: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
}

const CUSTOMER_COLUMNS = ['name', 'name_key', 'name_stem', 'kind', 'industry', 'province', 'city', 'address', 'source', 'stage', 'tier',
  'owner_id', 'notes', 'last_contacted_at', 'next_follow_up_on', 'created_at', 'updated_at', 'deleted_at', 'deleted_by', 'version',
] as const satisfies readonly (keyof NewCustomerRow)[];
const CONTACT_COLUMNS = ['customer_id', 'name', 'title', 'mobile', 'landline', 'email', 'wechat_id', 'birthday', 'gender', 'is_primary',
  'created_at', 'updated_at', 'deleted_at', 'deleted_by', 'version'] as const satisfies readonly (keyof NewContactRow)[];

function prepareStatements(sqlite: SQLite.Database) {
  return {
    // The unary + keeps SQLite from walking a partial index of all customers for each contact (its
    // statistics may date from when the table was empty) instead of reading the contact's customer by id.
    contactsByChannel: sqlite.prepare(`
      SELECT k.id, k.customer_id, c.name AS customer_name, k.mobile, k.landline, k.email
        FROM contacts k CROSS JOIN customers c ON c.id = k.customer_id
       WHERE (k.mobile IN (SELECT value FROM json_each(@phones)) OR k.landline IN (SELECT value FROM json_each(@phones))
              OR k.email IN (SELECT value FROM json_each(@emails)))
         AND k.deleted_at IS NULL AND +c.deleted_at IS NULL
       ORDER BY k.id`),
    customersByNameKey: sqlite.prepare(`
      SELECT id, name, name_key FROM customers
       WHERE name_key IN (SELECT value FROM json_each(@keys)) AND deleted_at IS NULL
       ORDER BY id`),
    customer: inserter<NewCustomerRow>(sqlite, 'customers', CUSTOMER_COLUMNS),
    contact: inserter<NewContactRow>(sqlite, 'contacts', CONTACT_COLUMNS),
    tag: inserter<{ customer_id: number; tag: string }>(sqlite, 'customer_tags', ['customer_id', 'tag']),
    search: searchDocumentInserter(sqlite, customerSearch),
    deleteSearch: sqlite.prepare('DELETE FROM customer_search WHERE rowid = ?'),
    deleteSearchPairs: sqlite.prepare('DELETE FROM customer_search_pairs WHERE rowid = ?'),
    audit: auditInserter(sqlite),
  };
}

const prepared = new WeakMap<SQLite.Database, ReturnType<typeof prepareStatements>>();

function statementsOf(sqlite: SQLite.Database) {
  let statements = prepared.get(sqlite);
  if (!statements) prepared.set(sqlite, (statements = prepareStatements(sqlite)));
  return statements;
}

/** The bulk operations of one session; each throws once the session is over. */
export interface CustomerBulk {
  /** Live contacts (of live customers) with one of the normalized phones or emails, by id. */
  findContactsByAnyChannel(phones: string[], emails: string[]): ContactChannelMatch[];
  /** Live customers whose folded name is one of `keys`, by id. */
  findCustomersByNameKeys(keys: string[]): CustomerKeyMatch[];
  insertCustomer(row: NewCustomerRow): number;
  insertContact(row: NewContactRow): number;
  insertCustomerTags(customerId: number, tags: string[]): void;
  /**
   * The search document of a new customer (one that has none yet), written when the session's work is
   * done (see SearchDocuments).
   */
  indexNewCustomer(customerId: number, doc: SearchDocument): void;
  /** A customer's search document, replacing the one it has, written when the session's work is done. */
  reindexCustomer(customerId: number, doc: SearchDocument): void;
  insertAuditEntry(entry: AuditEntry): void;
}

/**
 * The search documents of a session, held until its work is done and then written together. FTS5
 * writes out the documents it holds in memory at every savepoint, and any statement with a trigger
 * opens one (a tag's, which keeps the tag counts): documents written between such statements left a
 * tiny index segment per customer to merge (seeding 1M customers slowed to ~200 customers/s at 80k;
 * re-importing 100k rows ran at ~300 rows/s). Held here, no caller can write them in that order.
 */
class SearchDocuments {
  readonly #pending: { customerId: number; doc: SearchDocument; replace: boolean }[] = [];

  add(customerId: number, doc: SearchDocument, replace: boolean): void {
    this.#pending.push({ customerId, doc, replace });
  }

  write(s: ReturnType<typeof statementsOf>): void {
    for (const { customerId, doc, replace } of this.#pending.splice(0)) {
      if (replace) {
        s.deleteSearch.run(customerId);
        s.deleteSearchPairs.run(customerId);
      }
      s.search(customerId, doc);
    }
  }
}

function bulkOver(sqlite: SQLite.Database, isOpen: () => boolean, documents: SearchDocuments): CustomerBulk {
  const s = statementsOf(sqlite);
  const open = () => {
    if (!isOpen()) throw new Error('Bulk session is over');
    return s;
  };
  return {
    findContactsByAnyChannel: (phones, emails) =>
      open().contactsByChannel.all({ phones: JSON.stringify(phones), emails: JSON.stringify(emails) }) as ContactChannelMatch[],
    findCustomersByNameKeys: (keys) => open().customersByNameKey.all({ keys: JSON.stringify(keys) }) as CustomerKeyMatch[],
    insertCustomer: (row) => open().customer(row),
    insertContact: (row) => open().contact(row),
    insertCustomerTags: (customerId, tags) => {
      const { tag } = open();
      for (const t of tags) tag({ customer_id: customerId, tag: t });
    },
    indexNewCustomer: (customerId, doc) => void (open(), documents.add(customerId, doc, false)),
    reindexCustomer: (customerId, doc) => void (open(), documents.add(customerId, doc, true)),
    insertAuditEntry: (entry) => open().audit(entry),
  };
}

/**
 * Runs `work` holding the database connection, in one transaction for 'write', with the bulk
 * operations. Holding the connection through Kysely is what makes the raw statements safe: no other
 * request's transaction can be open on the connection meanwhile (their queries wait, as they wait for
 * any transaction), and the statements run inside this one's.
 */
export async function bulkSession<T>(db: Db, mode: 'read' | 'write', work: (conn: Db, bulk: CustomerBulk) => Promise<T>): Promise<T> {
  const sqlite = sqliteHandleOf(db);
  let open = true;
  const documents = new SearchDocuments();
  const run = async (conn: Db) => {
    const result = await work(conn, bulkOver(sqlite, () => open, documents));
    documents.write(statementsOf(sqlite));
    return result;
  };
  try {
    return mode === 'write' ? await db.transaction().execute(run) : await db.connection().execute(run);
  } finally {
    open = false;
  }
}

/** Which of `ids` the viewer may see. */
export async function visibleCustomerIds(db: Db, viewer: Viewer, ids: number[]): Promise<Set<number>> {
  const condition = customerVisibleTo(sql.ref('owner_id'), viewer);
  const unique = [...new Set(ids)];
  if (!condition) return new Set(unique);
  const visible = new Set<number>();
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where(inList('id', unique))
    .where(condition)
    .execute();
  for (const row of rows) visible.add(row.id);
  return visible;
}

/**
 * Lets SQLite refresh its query statistics after a bulk write (cheap: it looks only at tables that
 * changed a lot). Statistics taken while the tables were empty would otherwise steer the list's queries
 * to scans until the app restarts.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`PRAGMA optimize`.execute(db);
}
