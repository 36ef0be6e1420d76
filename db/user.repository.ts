import type { Db } from './connection.js';
import type { NewUserRow, UserRow } from './tables/user.table.js';

export function countUsers(db: Db): Promise<number> {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: NewUserRow): Promise<number> {
  const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Users other features may show by name (owners, assignees). */
export function listActiveUsers(db: Db): Promise<Pick<UserRow, 'id' | 'display_name' | 'role' | 'team_id'>[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'team_id'])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}

/** Display names by id, for showing people named in stored data (disabled users included). */
export async function findUserNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
