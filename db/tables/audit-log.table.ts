import type { Generated, Selectable } from 'kysely';

export type AuditOp = 'create' | 'update' | 'delete' | 'restore' | 'merge';

export interface AuditLogTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  op: AuditOp;
  user_id: number | null;
  at: string;
  /** JSON: { field: [before, after] } for updates, the full record for create/delete. */
  changes: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;
