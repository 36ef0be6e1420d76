import type { Db } from '../../db/connection.js';
import { advanceRotation, findLiveLead, findVisibleLead, listRules, listTeams, replaceRules, teamExists, teamRotation, updateLeadIfVersion } from '../../db/lead.repository.js';
import type { LeadAssignmentRuleRow } from '../../db/tables/lead.table.js';
import type { AssignLeadInput, Assignment, LeadFields, SaveRulesInput } from '../api/schemas/leads.schema.js';
import { recordChange } from './audit-trail.js';
import { nowIso, type UserContext } from './context.js';
import { assertOwnerExists } from './customers.service.js';
import { AppError, invalid, notFound } from './errors.js';
import { toLead, type Lead } from './leads.mappers.js';
import { mayAssign } from './permissions.js';
import { staleVersion } from './stale-version.js';

export type AssigneeChoice = Assignment;

/** Lists of choices, rules and the pool's settings are kept by the owner and managers. */
export function assertManager(ctx: UserContext): void {
  if (!mayAssign(ctx.user.role)) throw new AppError('forbidden', 'Only the owner, an administrator or a manager may do this');
}

export interface AssignmentRule {
  matchField: LeadAssignmentRuleRow['match_field'];
  matchValue: string;
  userId: number | null;
  teamId: number | null;
}

/** A sales rep keeps a lead or hands it to the pool; routing leads to others is for the owner and managers. */
export function assertMayAssign(ctx: UserContext, choice: AssigneeChoice): void {
  if (mayAssign(ctx.user.role)) return;
  if (choice.mode === 'manual' && (choice.ownerId === null || choice.ownerId === ctx.user.id)) return;
  throw new AppError('forbidden', 'Only the owner or a manager may assign leads to others');
}

/** The team's next rep: the fewest leads from this rotation so far, the longest waiting among equals. */
async function nextInRotation(db: Db, teamId: number): Promise<number> {
  const [next] = await teamRotation(db, teamId);
  if (!next) throw invalid({ teamId: 'emptyTeam' });
  await advanceRotation(db, teamId, next.id);
  return next.id;
}

function ruleMatches(rule: LeadAssignmentRuleRow, fields: Pick<LeadFields, 'source' | 'province' | 'city'>): boolean {
  if (rule.match_field === 'source') return rule.match_value === fields.source;
  return rule.match_value === fields.province || rule.match_value === fields.city;
}

/** Who gets a lead under the choice; null leaves it in the pool (also when no rule matches). */
export async function resolveAssignee(
  db: Db,
  choice: AssigneeChoice,
  fields: Pick<LeadFields, 'source' | 'province' | 'city'>,
): Promise<number | null> {
  switch (choice.mode) {
    case 'manual':
      await assertOwnerExists(db, choice.ownerId);
      return choice.ownerId;
    case 'roundRobin':
      if (!(await teamExists(db, choice.teamId))) throw invalid({ teamId: 'invalid' });
      return nextInRotation(db, choice.teamId);
    case 'rule': {
      const rule = (await listRules(db)).find((r) => ruleMatches(r, fields));
      if (!rule) return null;
      return rule.user_id ?? nextInRotation(db, rule.team_id!);
    }
  }
}

/** Gives a lead to someone (or the pool); the move is in the lead's history. */
export async function assignLead(ctx: UserContext, input: AssignLeadInput): Promise<Lead> {
  assertMayAssign(ctx, input.assign);
  const now = nowIso(ctx.clock);
  const lead = await ctx.db.transaction().execute(async (trx) => {
    // Pool leads have no owner: the owner and managers route them too.
    const before = await findLiveLead(trx, input.id);
    if (!before || (before.owner_id !== null && !(await findVisibleLead(trx, ctx.user, input.id)))) throw notFound('lead', input.id);
    if (before.status === 'converted') throw invalid({ status: 'leadConverted' });
    const ownerId = await resolveAssignee(trx, input.assign, { source: before.source, province: before.province, city: before.city });
    if (!(await updateLeadIfVersion(trx, input.id, input.version, { owner_id: ownerId, updated_at: now }))) throw await staleVersion(trx, 'lead', toLead(before));
    await recordChange(trx, ctx, now, {
      entity: 'lead',
      entityId: input.id,
      customerId: null,
      op: 'update',
      changes: { ownerId: [before.owner_id, ownerId], assignment: [null, input.assign.mode] },
    });
    return toLead((await findLiveLead(trx, input.id))!);
  });
  ctx.events.publish({ entity: 'lead', id: lead.id, op: 'update' });
  return lead;
}

export async function listAssignmentRules(ctx: UserContext): Promise<AssignmentRule[]> {
  const rows = await listRules(ctx.db);
  return rows.map((r) => ({ matchField: r.match_field, matchValue: r.match_value, userId: r.user_id, teamId: r.team_id }));
}

export async function saveAssignmentRules(ctx: UserContext, input: SaveRulesInput): Promise<AssignmentRule[]> {
  assertManager(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, rule] of input.rules.entries()) {
      if (rule.userId !== null) {
        await assertOwnerExists(trx, rule.userId).catch(() => {
          throw invalid({ [`rules.${i}.userId`]: 'invalidOwner' });
        });
      }
      if (rule.teamId !== null && !(await teamExists(trx, rule.teamId))) throw invalid({ [`rules.${i}.teamId`]: 'invalid' });
    }
    await replaceRules(trx, input.rules);
  });
  ctx.events.publish({ entity: 'settings', id: 0, op: 'update' });
  return listAssignmentRules(ctx);
}

export function listTeamOptions(ctx: UserContext): Promise<{ id: number; name: string }[]> {
  return listTeams(ctx.db);
}
