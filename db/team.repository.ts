import type { Db } from './connection.js';
import type { TeamRow } from './tables/team.table.js';

/** Teams by name with their manager's name and how many accounts (disabled ones included) belong to each. */
export function listTeamsWithMembers(db: Db) {
  return db
    .selectFrom('teams as t')
    .leftJoin('users as m', 'm.id', 't.manager_id')
    .select(['t.id', 't.name', 't.manager_id', 'm.display_name as manager_name', 't.created_at'])
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .select((u) => u.fn.countAll<number>().as('n'))
        .whereRef('u.team_id', '=', 't.id')
        .as('member_count'),
    )
    .orderBy('t.name')
    .orderBy('t.id')
    .execute();
}

export function findTeam(db: Db, id: number): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every team name with its id, for the case-insensitive uniqueness check. */
export function listTeamNames(db: Db): Promise<Pick<TeamRow, 'id' | 'name'>[]> {
  return db.selectFrom('teams').select(['id', 'name']).execute();
}

export async function insertTeam(db: Db, row: { name: string; created_at: string }): Promise<number> {
  const { id } = await db.insertInto('teams').values({ ...row, manager_id: null }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateTeam(db: Db, id: number, changes: Partial<Pick<TeamRow, 'name' | 'manager_id'>>): Promise<void> {
  await db.updateTable('teams').set(changes).where('id', '=', id).execute();
}

/** The teams a user manages (at most one once our rules hold; a list keeps older data honest). */
export function teamsManagedBy(db: Db, userId: number): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('manager_id', '=', userId).execute();
}

export async function countTeamMembers(db: Db, teamId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('team_id', '=', teamId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a lead assignment rule sends leads to the team (such a team cannot be deleted). */
export async function teamHasAssignmentRules(db: Db, teamId: number): Promise<boolean> {
  const row = await db.selectFrom('lead_assignment_rules').select('id').where('team_id', '=', teamId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Deletes an empty team and its round-robin bookkeeping (counts of former members, meaningless without it). */
export async function deleteTeam(db: Db, teamId: number): Promise<void> {
  await db.deleteFrom('lead_rotation').where('team_id', '=', teamId).execute();
  await db.deleteFrom('teams').where('id', '=', teamId).execute();
}
