import { createdRecord, diffRecords } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import {
  countTeamMembers,
  deleteTeam as deleteTeamRow,
  findTeam,
  insertTeam,
  listTeamNames,
  listTeamsWithMembers,
  teamHasAssignmentRules,
  teamsManagedBy,
  updateTeam,
} from '../../db/team.repository.js';
import type { TeamRow } from '../../db/tables/team.table.js';
import { findUserById, updateUser } from '../../db/user.repository.js';
import type { SetTeamManagerInput } from '../api/schemas/users.schema.js';
import { auditedChange, type AuditedChange } from './audited-change.js';
import type { UserContext } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { nameTaken } from './name-taken.js';
import { mayManageAccount } from './permissions.js';

export interface TeamSummary {
  id: number;
  name: string;
  managerId: number | null;
  managerName: string | null;
  /** Accounts in the team, disabled ones included (a team is empty only without any). */
  memberCount: number;
  createdAt: string;
}

type TeamChanges = Partial<Pick<TeamRow, 'name' | 'manager_id'>>;

/** What the audit log keeps of a team. */
const auditedTeam = (team: Pick<TeamRow, 'name' | 'manager_id'>) => ({ name: team.name, managerId: team.manager_id });

export async function listTeams(ctx: UserContext): Promise<TeamSummary[]> {
  const rows = await listTeamsWithMembers(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    memberCount: Number(r.member_count ?? 0),
    createdAt: r.created_at,
  }));
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  if (nameTaken(await listTeamNames(db), name, exceptId)) throw invalid({ name: 'teamNameTaken' });
}

async function loadTeam(db: Db, id: number): Promise<TeamRow> {
  const team = await findTeam(db, id);
  if (!team) throw notFound('team', id);
  return team;
}

async function changeTeam(change: AuditedChange, before: TeamRow, changes: TeamChanges): Promise<void> {
  await updateTeam(change.trx, before.id, changes);
  const diff = diffRecords(auditedTeam(before), auditedTeam({ ...before, ...changes }));
  await change.record({ entity: 'team', id: before.id, op: 'update', changes: diff });
}

export function createTeam(ctx: UserContext, input: { name: string }): Promise<{ id: number }> {
  return auditedChange(ctx, async (change) => {
    await assertNameFree(change.trx, input.name);
    const id = await insertTeam(change.trx, { name: input.name, created_at: change.now });
    await change.record({ entity: 'team', id, op: 'create', changes: createdRecord({ name: input.name }) });
    return { id };
  });
}

export function renameTeam(ctx: UserContext, input: { id: number; name: string }): Promise<void> {
  return auditedChange(ctx, async (change) => {
    const before = await loadTeam(change.trx, input.id);
    await assertNameFree(change.trx, input.name, input.id);
    await changeTeam(change, before, { name: input.name });
  });
}

/**
 * Gives a team its manager (any active colleague; the manager role fits best) or none. The manager
 * joins the team, since a manager sees the customers of the team they belong to, and stops managing
 * any other team.
 */
export function setTeamManager(ctx: UserContext, input: SetTeamManagerInput): Promise<void> {
  return auditedChange(ctx, async (change) => {
    const team = await loadTeam(change.trx, input.id);
    if (input.managerId !== null) {
      const manager = await findUserById(change.trx, input.managerId);
      if (!manager || manager.disabled_at) throw invalid({ managerId: 'inactiveUser' });
      if (manager.team_id !== team.id) {
        if (!mayManageAccount(ctx.user, manager)) throw new AppError('forbidden', "Only the owner may change this person's team");
        await updateUser(change.trx, manager.id, { team_id: team.id, updated_at: change.now });
        await change.record({ entity: 'user', id: manager.id, op: 'update', changes: { teamId: [manager.team_id, team.id] } });
      }
      await releaseManagement(change, manager.id, team.id);
    }
    if (team.manager_id !== input.managerId) await changeTeam(change, team, { manager_id: input.managerId });
  });
}

/** Clears the user as manager of every team but `keepTeamId` (they left the team, were disabled, or lead another). */
export async function releaseManagement(change: AuditedChange, userId: number, keepTeamId: number | null): Promise<void> {
  for (const team of await teamsManagedBy(change.trx, userId)) {
    if (team.id !== keepTeamId) await changeTeam(change, team, { manager_id: null });
  }
}

/** Deletes a team nobody belongs to and no lead assignment rule uses; the audit log keeps its name. */
export function deleteTeam(ctx: UserContext, id: number): Promise<void> {
  return auditedChange(ctx, async (change) => {
    const team = await loadTeam(change.trx, id);
    if ((await countTeamMembers(change.trx, id)) > 0) throw invalid({ id: 'teamNotEmpty' });
    if (await teamHasAssignmentRules(change.trx, id)) throw invalid({ id: 'teamHasRules' });
    await deleteTeamRow(change.trx, id);
    await change.record({ entity: 'team', id, op: 'delete', changes: { name: [team.name, null] } });
  });
}
