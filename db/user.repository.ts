import type { Db } from './connection.js';
import type { NewUserRow, UserRow, UserUpdate } from './tables/user.table.js';

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

/** Accounts with their team's name and when each was last active in a live session. */
function accounts(db: Db) {
  return (
    db
      .selectFrom('users as u')
      .leftJoin('teams as t', 't.id', 'u.team_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.team_id', 't.name as team_name', 'u.disabled_at', 'u.created_at'])
      // Sessions are deleted at sign-out and expiry, so this says "active lately", not a sign-in history.
      .select((eb) =>
        eb
          .selectFrom('sessions as s')
          .select((s) => s.fn.max('s.last_seen_at').as('m'))
          .whereRef('s.user_id', '=', 'u.id')
          .as('last_seen_at'),
      )
  );
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** Every account, disabled ones included, by name. */
export function listAccounts(db: Db) {
  return accounts(db).orderBy('u.display_name').orderBy('u.id').execute();
}

export function findAccount(db: Db, id: number) {
  return accounts(db).where('u.id', '=', id).executeTakeFirst();
}

/** Every username with its id, for the case-insensitive uniqueness check (an office has few accounts). */
export function listUsernames(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('users').select(['id', 'username as name']).execute();
}

export async function updateUser(db: Db, id: number, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function countActiveOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
