import { lastEditor, type AuditEntry } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { conflict, type AppError } from './errors.js';

/**
 * A save that named a version someone else has replaced: refused with the record as it is now (in the
 * shape its form is filled from) and `updatedByName`, who saved it, so the conflict dialog can show their
 * change beside mine (renderer/features/live/edit-merge.ts reads it).
 */
export async function staleVersion(db: Db, entity: AuditEntry['entity'], current: { id: number }): Promise<AppError> {
  return conflict(entity, { ...current, updatedByName: await lastEditor(db, entity, current.id) });
}
