import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './connection.js';
import { leadSearch, searchMatchIds } from './search.js';
import type { LeadAssignmentRuleRow, LeadRow, LeadStatus, LeadUpdate, NewLeadRow, RuleField } from './tables/lead.table.js';
import { customerVisibleTo, type Viewer } from './visibility.js';
import { softDelete, updateIfVersion } from './versioned.js';

export interface LeadFilter {
  search?: string | undefined;
  statuses?: LeadStatus[] | undefined;
  sources?: string[] | undefined;
  ownerIds?: number[] | undefined;
}

export type LeadListRow = LeadRow & { owner_name: string | null };

/** Live leads the viewer may see (same rule as customers: all, the team's, or their own). */
function visible(db: Db, viewer: Viewer, filter: LeadFilter) {
  let query = db.selectFrom('leads as l').where('l.deleted_at', 'is', null);
  const rule = customerVisibleTo(sql.ref('l.owner_id'), viewer);
  if (rule) query = query.where(rule);
  if (filter.statuses?.length) query = query.where('l.status', 'in', filter.statuses);
  if (filter.sources?.length) query = query.where('l.source', 'in', filter.sources);
  if (filter.ownerIds?.length) query = query.where('l.owner_id', 'in', filter.ownerIds);
  const matches = filter.search ? searchMatchIds(leadSearch, filter.search) : null;
  if (matches) query = query.where(sql<SqlBool>`l.id IN (${matches})`);
  return query;
}

export function listLeadPage(db: Db, viewer: Viewer, page: LeadFilter & { offset: number; limit: number }): Promise<LeadListRow[]> {
  return visible(db, viewer, page)
    .leftJoin('users as u', 'u.id', 'l.owner_id')
    .selectAll('l')
    .select('u.display_name as owner_name')
    .orderBy('l.updated_at', 'desc')
    .orderBy('l.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function countLeads(db: Db, viewer: Viewer, filter: LeadFilter): Promise<number> {
  const row = await visible(db, viewer, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True where lead `id` is live and the viewer may see it (see isVisibleCustomer). */
export function isVisibleLead(db: Db, viewer: Viewer, id: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS ${visible(db, viewer, {}).select(sql.lit(1).as('one')).where('l.id', '=', id)}`;
}

/** A live lead the viewer may see, or undefined. */
export function findVisibleLead(db: Db, viewer: Viewer, id: number): Promise<LeadListRow | undefined> {
  return visible(db, viewer, {})
    .leftJoin('users as u', 'u.id', 'l.owner_id')
    .selectAll('l')
    .select('u.display_name as owner_name')
    .where('l.id', '=', id)
    .executeTakeFirst();
}

/** A live lead whoever owns it (the pool and the assignment decide who may touch it). */
export function findLiveLead(db: Db, id: number): Promise<LeadListRow | undefined> {
  return db
    .selectFrom('leads as l')
    .leftJoin('users as u', 'u.id', 'l.owner_id')
    .selectAll('l')
    .select('u.display_name as owner_name')
    .where('l.id', '=', id)
    .where('l.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertLead(db: Db, row: NewLeadRow): Promise<number> {
  const { id } = await db.insertInto('leads').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const updateLeadIfVersion = (db: Db, id: number, version: number, changes: LeadUpdate): Promise<boolean> =>
  updateIfVersion(db, 'leads', id, version, changes);

export const softDeleteLead = (db: Db, id: number, userId: number, now: string): Promise<void> =>
  softDelete(db, 'leads', id, userId, now);

/**
 * A converted lead's history follows it: its audit entries, interactions and tasks now belong to the
 * customer (tasks keep their link to the lead, and show with the customer's follow-ups).
 */
export async function moveLeadHistoryToCustomer(db: Db, leadId: number, customerId: number): Promise<void> {
  await db.updateTable('audit_log').set({ customer_id: customerId }).where('entity', '=', 'lead').where('entity_id', '=', leadId).execute();
  await db.updateTable('interactions').set({ customer_id: customerId }).where('lead_id', '=', leadId).execute();
  await db.updateTable('tasks').set({ customer_id: customerId }).where('linked_type', '=', 'lead').where('linked_id', '=', leadId).execute();
}

export function listRules(db: Db): Promise<LeadAssignmentRuleRow[]> {
  return db.selectFrom('lead_assignment_rules').selectAll().orderBy('position').execute();
}

export async function replaceRules(
  db: Db,
  rules: { matchField: RuleField; matchValue: string; userId: number | null; teamId: number | null }[],
): Promise<void> {
  await db.deleteFrom('lead_assignment_rules').execute();
  if (rules.length === 0) return;
  await db
    .insertInto('lead_assignment_rules')
    .values(rules.map((r, i) => ({ position: i, match_field: r.matchField, match_value: r.matchValue, user_id: r.userId, team_id: r.teamId })))
    .execute();
}

/** The active reps of a team with their place in its rotation: fewest leads first, then longest waiting. */
export function teamRotation(db: Db, teamId: number) {
  return db
    .selectFrom('users as u')
    .leftJoin('lead_rotation as r', (join) => join.onRef('r.user_id', '=', 'u.id').on('r.team_id', '=', teamId))
    .select(['u.id', sql<number>`coalesce(r.assigned_count, 0)`.as('assigned_count'), sql<number>`coalesce(r.last_assigned_seq, 0)`.as('seq')])
    .where('u.team_id', '=', teamId)
    .where('u.disabled_at', 'is', null)
    .where('u.role', 'in', ['sales', 'manager'])
    .orderBy('assigned_count')
    .orderBy('seq')
    .orderBy('u.id')
    .execute();
}

/** Counts one more lead for the rep in the team's rotation. */
export async function advanceRotation(db: Db, teamId: number, userId: number): Promise<void> {
  const { seq } = await db
    .selectFrom('lead_rotation')
    .select(sql<number>`coalesce(max(last_assigned_seq), 0) + 1`.as('seq'))
    .where('team_id', '=', teamId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('lead_rotation')
    .values({ team_id: teamId, user_id: userId, assigned_count: 1, last_assigned_seq: seq })
    .onConflict((oc) =>
      oc.columns(['team_id', 'user_id']).doUpdateSet((eb) => ({ assigned_count: eb('lead_rotation.assigned_count', '+', 1), last_assigned_seq: seq })),
    )
    .execute();
}

export function teamExists(db: Db, teamId: number) {
  return db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
}

/** Teams by name, to pick one for round-robin assignment. */
export function listTeams(db: Db) {
  return db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
}
