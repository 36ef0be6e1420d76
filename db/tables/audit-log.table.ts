import type { Generated, Selectable } from 'kysely';

export type AuditOp = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'merge';

export interface AuditLogTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  /** The customer whose timeline shows the entry: the customer itself, or a contact's customer. */
  customer_id: number | null;
  op: AuditOp;
  user_id: number | null;
  at: string;
  /**
   * JSON { field: [before, after] } of the fields the change touched: every filled-in field for a
   * create ([null, value]), the edited ones for an update, what a restore or purge changed or removed.
   */
  changes: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;
