import type SQLite from 'better-sqlite3';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from './connection.js';
import { rowInserter } from './row-inserter.js';
import type { Database } from './schema.js';
import type { AuditOp } from './tables/audit-log.table.js';

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  entity: 'customer' | 'contact' | 'interaction' | 'task' | 'opportunity' | 'pipeline_stage' | 'pipeline' | 'lead' | 'permissions' | 'user' | 'team';
  entityId: number;
  /**
   * Whose change history shows the entry: the customer itself, or the contact's customer. Null for
   * records shown elsewhere (interactions on the timeline, a deal's own stage history) or with no
   * customer (tasks without one, the pipeline).
   */
  customerId: number | null;
  op: AuditOp;
  userId: number | null;
  at: string;
  changes: FieldChanges;
}

/** The stored row of an audit entry. */
export function auditRow(entry: AuditEntry) {
  return {
    entity: entry.entity,
    entity_id: entry.entityId,
    customer_id: entry.customerId,
    op: entry.op,
    user_id: entry.userId,
    at: entry.at,
    changes: JSON.stringify(entry.changes),
  };
}

const AUDIT_COLUMNS = ['entity', 'entity_id', 'customer_id', 'op', 'user_id', 'at', 'changes'] as const satisfies readonly (keyof ReturnType<typeof auditRow>)[];

/** Writes entries on a prepared raw statement, for bulk writers (the import, the seeders). */
export function auditInserter(sqlite: SQLite.Database): (entry: AuditEntry) => void {
  const insert = rowInserter<ReturnType<typeof auditRow>>(sqlite, 'audit_log', AUDIT_COLUMNS);
  return (entry) => void insert(auditRow(entry));
}

/** Call inside the change's own transaction: the entry and the change commit (or roll back) together. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** { field: [before, after] } for the fields that differ. */
export function diffRecords<T extends object>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);

/** A new record's entry: { field: [null, value] } for each field filled in (empty ones say nothing). */
export function createdRecord(record: object): FieldChanges {
  // A loop rather than fromEntries(entries().flatMap()): an import writes 200k of these.
  const changes: FieldChanges = {};
  for (const field of Object.keys(record)) {
    const value: unknown = record[field as keyof typeof record];
    if (!isBlank(value)) changes[field] = [null, value];
  }
  return changes;
}

export interface HistoryRow {
  id: number;
  entity: string;
  entity_id: number;
  op: AuditOp;
  user_id: number | null;
  user_name: string | null;
  at: string;
  changes: string;
  /** The contact's current name, for entries about a contact (null once purged). */
  contact_name: string | null;
}

/** Whose history: a customer's (its own entries, its contacts' and those of the lead it came from), or one record's. */
export type HistoryScope = { customerId: number } | { entity: string; entityId: number };

/** The scope as a condition on audit_log aliased "a". */
function inScope(scope: HistoryScope) {
  return (eb: ExpressionBuilder<Database & { a: Database['audit_log'] }, 'a'>) =>
    'customerId' in scope
      ? eb('a.customer_id', '=', scope.customerId)
      : eb.and([eb('a.entity', '=', scope.entity), eb('a.entity_id', '=', scope.entityId)]);
}

/** A history page, newest first. */
export function listHistory(db: Db, scope: HistoryScope, page: { offset: number; limit: number }): Promise<HistoryRow[]> {
  const query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'a.entity_id').on('a.entity', '=', 'contact'))
    .select(['a.id', 'a.entity', 'a.entity_id', 'a.op', 'a.user_id', 'u.display_name as user_name', 'a.at', 'a.changes'])
    .select('k.name as contact_name');
  return query.where(inScope(scope)).orderBy('a.id', 'desc').offset(page.offset).limit(page.limit).execute();
}

export async function countHistory(db: Db, scope: HistoryScope): Promise<number> {
  const query = db.selectFrom('audit_log as a').select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await query.where(inScope(scope)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Who made a record's latest audited change (the name a conflict dialog shows), if anyone on record. */
export async function lastEditor(db: Db, entity: AuditEntry['entity'], entityId: number): Promise<string | null> {
  const row = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select('u.display_name')
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.display_name ?? null;
}
