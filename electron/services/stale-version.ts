import { lastEditor, type AuditEntry } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { conflict, type AppError } from './errors.js';

/** Who saved a record last, beside the record in a refused save's error data. */
export interface EditedBy {
  updatedByName: string | null;
}

/**
 * A save that named a version someone else has replaced: refused with the record as it is now (in the
 * shape its form is filled from) and who saved it, so the conflict dialog can show their change beside mine.
 */
export async function staleVersion(db: Db, entity: AuditEntry['entity'], current: { id: number }): Promise<AppError> {
  const edited: EditedBy = { updatedByName: await lastEditor(db, entity, current.id) };
  return conflict(entity, { ...current, ...edited });
}
