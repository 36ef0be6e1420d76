import { countHistory, listHistory, type HistoryRow, type HistoryScope } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import { findVisibleLead } from '../../db/lead.repository.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import { findUserNames } from '../../db/user.repository.js';
import type { CustomerHistoryInput, LeadHistoryInput } from '../api/schemas/history.schema.js';
import type { UserContext } from './context.js';
import { notFound } from './errors.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  /** A customer's history shows the lead it came from too. */
  entity: 'customer' | 'contact' | 'lead';
  entityId: number;
  /** The contact's name for a contact's entry (null once purged); null for the customer's own. */
  contactName: string | null;
  op: AuditOp;
  at: string;
  userId: number | null;
  userName: string | null;
  changes: FieldChange[];
}

export interface HistoryPage {
  items: HistoryEntry[];
  total: number;
  /** Names of the people the changes name by id (owners), so values show as names. */
  userNames: Record<number, string>;
}

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  const changes = JSON.parse(row.changes) as Record<string, [unknown, unknown]>;
  return {
    id: row.id,
    entity: row.entity === 'contact' || row.entity === 'lead' ? row.entity : 'customer',
    entityId: row.entity_id,
    contactName: row.contact_name,
    op: row.op,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    changes: Object.entries(changes).map(([field, [before, after]]) => ({ field, before, after })),
  };
}

/** User ids the entries' values refer to (a customer's owner). */
function mentionedUserIds(entries: HistoryEntry[]): number[] {
  const ids = new Set<number>();
  for (const change of entries.flatMap((e) => e.changes)) {
    if (change.field !== 'ownerId') continue;
    for (const value of [change.before, change.after]) if (typeof value === 'number') ids.add(value);
  }
  return [...ids];
}

async function historyPage(db: Db, scope: HistoryScope, page: { offset: number; limit: number }): Promise<HistoryPage> {
  const [rows, total] = await Promise.all([listHistory(db, scope, page), countHistory(db, scope)]);
  const items = rows.map(toHistoryEntry);
  const names = await findUserNames(db, mentionedUserIds(items));
  return { items, total, userNames: Object.fromEntries(names) };
}

/** A customer's change history (its own, its contacts' and its lead's), newest first; only for those who may see the customer. */
export async function customerHistory(ctx: UserContext, input: CustomerHistoryInput): Promise<HistoryPage> {
  if (!(await findVisibleCustomer(ctx.db, ctx.user, input.customerId))) throw notFound('customer', input.customerId);
  return historyPage(ctx.db, { customerId: input.customerId }, input);
}

/** A lead's change history, newest first (also once converted); only for those who may see the lead. */
export async function leadHistory(ctx: UserContext, input: LeadHistoryInput): Promise<HistoryPage> {
  if (!(await findVisibleLead(ctx.db, ctx.user, input.leadId))) throw notFound('lead', input.leadId);
  return historyPage(ctx.db, { entity: 'lead', entityId: input.leadId }, input);
}
