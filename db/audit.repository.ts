import type { Db } from './connection.js';
import type { AuditOp } from './tables/audit-log.table.js';

export interface AuditEntry {
  entity: string;
  entityId: number;
  op: AuditOp;
  userId: number | null;
  at: string;
  changes: object;
}

/** The stored row of an audit entry. */
export function auditRow(entry: AuditEntry) {
  return {
    entity: entry.entity,
    entity_id: entry.entityId,
    op: entry.op,
    user_id: entry.userId,
    at: entry.at,
    changes: JSON.stringify(entry.changes),
  };
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** { field: [before, after] } for the fields that differ. */
export function diffRecords<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}
