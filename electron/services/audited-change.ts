import type { FieldChanges } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import type { ChangeEvent } from '../events.js';
import { recordChange } from './audit-trail.js';
import { nowIso, type UserContext } from './context.js';

/** One step of a change to accounts or teams: which record, and what changed on it. */
export interface AuditedStep {
  entity: 'user' | 'team';
  id: number;
  op: AuditOp;
  changes: FieldChanges;
}

export interface AuditedChange {
  trx: Db;
  now: string;
  /** Writes the step's audit entry now and announces it once the transaction commits. */
  record(step: AuditedStep): Promise<void>;
}

/**
 * A use case on accounts or teams as one transaction: every step audited, and the change events
 * published only after commit, so no screen refreshes to a change that rolled back.
 */
export async function auditedChange<T>(ctx: UserContext, work: (change: AuditedChange) => Promise<T>): Promise<T> {
  const now = nowIso(ctx.clock);
  const events = new Map<string, ChangeEvent>();
  const result = await ctx.db.transaction().execute((trx) =>
    work({
      trx,
      now,
      record: async ({ entity, id, op, changes }) => {
        await recordChange(trx, ctx, now, { entity, entityId: id, customerId: null, op, changes });
        // One event per record: a create followed by an update in the same change still reads "create".
        const key = `${entity}:${id}`;
        if (!events.has(key)) events.set(key, { entity, id, op });
      },
    }),
  );
  for (const event of events.values()) ctx.events.publish(event);
  return result;
}
