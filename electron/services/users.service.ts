import { createdRecord, diffRecords } from '../../db/audit.repository.js';
import type { Db } from '../../db/connection.js';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from '../../db/session.repository.js';
import { findTeam } from '../../db/team.repository.js';
import type { Role, UserRow } from '../../db/tables/user.table.js';
import {
  countActiveOwners,
  findAccount,
  findUserById,
  insertUser,
  listAccounts,
  listActiveUsers,
  listUsernames,
  updateUser,
  type AccountRow,
} from '../../db/user.repository.js';
import type { ChangeOwnPasswordInput, CreateUserInput, UpdateUserInput } from '../api/schemas/users.schema.js';
import { auditedChange, type AuditedChange } from './audited-change.js';
import type { UserContext } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { nameTaken } from './name-taken.js';
import { hashPassword, verifyPassword } from './password.js';
import { mayGrantRole, mayManageAccount, ROLES } from './permissions.js';
import { releaseManagement } from './teams.service.js';

export interface UserSummary {
  id: number;
  displayName: string;
  role: Role;
  teamId: number | null;
}

/** An account as administrators see it. */
export interface UserAccount extends UserSummary {
  username: string;
  teamName: string | null;
  disabledAt: string | null;
  createdAt: string;
  /** Last request in a session still open; null once signed out everywhere. */
  lastSeenAt: string | null;
}

/** Colleagues by name, for owner and assignee pickers. */
export async function listUsers(ctx: UserContext): Promise<UserSummary[]> {
  const rows = await listActiveUsers(ctx.db);
  return rows.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, teamId: u.team_id }));
}

const toAccount = (row: AccountRow): UserAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  teamId: row.team_id,
  teamName: row.team_name,
  disabledAt: row.disabled_at,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});

/** Every account, disabled ones included: the administrators' list, active ones first, by role, then by name. */
export async function listAllAccounts(ctx: UserContext): Promise<UserAccount[]> {
  const accounts = (await listAccounts(ctx.db)).map(toAccount);
  const rank = (a: UserAccount) => (a.disabledAt ? ROLES.length : 0) + ROLES.indexOf(a.role);
  return accounts.sort((a, b) => rank(a) - rank(b));
}

async function loadAccount(db: Db, id: number): Promise<UserAccount> {
  const row = await findAccount(db, id);
  if (!row) throw notFound('user', id);
  return toAccount(row);
}

/** What the audit log keeps of an account: never its password hash. */
const auditedUser = (user: Pick<UserRow, 'username' | 'display_name' | 'role' | 'team_id'>) => ({
  username: user.username,
  displayName: user.display_name,
  role: user.role,
  teamId: user.team_id,
});

/** The account, if the signed-in administrator may change it (admins cannot change the owner's or a peer's). */
async function loadManageable(db: Db, ctx: UserContext, id: number): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw notFound('user', id);
  if (!mayManageAccount(ctx.user, user)) throw new AppError('forbidden', "Only the owner may change an owner's or an administrator's account");
  return user;
}

function assertMayGrant(ctx: UserContext, role: Role): void {
  if (!mayGrantRole(ctx.user.role, role)) throw invalid({ role: 'roleOwnerOnly' });
}

async function assertUsernameFree(db: Db, username: string): Promise<void> {
  if (nameTaken(await listUsernames(db), username)) throw invalid({ username: 'usernameTaken' });
}

async function assertTeamExists(db: Db, teamId: number | null): Promise<void> {
  if (teamId !== null && !(await findTeam(db, teamId))) throw invalid({ teamId: 'unknownTeam' });
}

/** The office always keeps an active owner: nobody can be locked out of it. */
async function assertNotLastOwner(db: Db, user: UserRow, field: string): Promise<void> {
  if (user.role === 'owner' && !user.disabled_at && (await countActiveOwners(db)) <= 1) throw invalid({ [field]: 'lastOwner' });
}

export async function createUser(ctx: UserContext, input: CreateUserInput): Promise<UserAccount> {
  assertMayGrant(ctx, input.role);
  // Hashing takes a moment (that is its point): done before the transaction, which then stays short.
  const passwordHash = await hashPassword(input.password);
  return auditedChange(ctx, async (change) => {
    await assertUsernameFree(change.trx, input.username);
    await assertTeamExists(change.trx, input.teamId);
    const row = { username: input.username, display_name: input.displayName, role: input.role, team_id: input.teamId };
    const id = await insertUser(change.trx, {
      ...row,
      password_hash: passwordHash,
      disabled_at: null,
      created_at: change.now,
      updated_at: change.now,
    });
    await change.record({ entity: 'user', id, op: 'create', changes: createdRecord(auditedUser(row)) });
    return loadAccount(change.trx, id);
  });
}

export function updateAccount(ctx: UserContext, input: UpdateUserInput): Promise<UserAccount> {
  return auditedChange(ctx, async (change) => {
    const before = await loadManageable(change.trx, ctx, input.id);
    if (input.role !== before.role) {
      assertMayGrant(ctx, input.role);
      await assertNotLastOwner(change.trx, before, 'role');
    }
    await assertTeamExists(change.trx, input.teamId);
    const after = { ...before, display_name: input.displayName, role: input.role, team_id: input.teamId };
    await updateUser(change.trx, before.id, { display_name: after.display_name, role: after.role, team_id: after.team_id, updated_at: change.now });
    await change.record({ entity: 'user', id: before.id, op: 'update', changes: diffRecords(auditedUser(before), auditedUser(after)) });
    // A manager who leaves their team no longer manages it.
    if (after.team_id !== before.team_id) await releaseManagement(change, before.id, after.team_id);
    return loadAccount(change.trx, before.id);
  });
}

/** Disabling ends the account's sessions at once and its management of a team; its records stay its own. */
export function disableAccount(ctx: UserContext, id: number): Promise<UserAccount> {
  return auditedChange(ctx, async (change) => {
    const user = await loadManageable(change.trx, ctx, id);
    await assertNotLastOwner(change.trx, user, 'id');
    if (user.id === ctx.user.id) throw invalid({ id: 'cannotDisableSelf' });
    if (!user.disabled_at) await setDisabledAt(change, user, change.now);
    await deleteSessionsOfUser(change.trx, id);
    await releaseManagement(change, id, null);
    return loadAccount(change.trx, id);
  });
}

export function enableAccount(ctx: UserContext, id: number): Promise<UserAccount> {
  return auditedChange(ctx, async (change) => {
    const user = await loadManageable(change.trx, ctx, id);
    if (user.disabled_at) await setDisabledAt(change, user, null);
    return loadAccount(change.trx, id);
  });
}

async function setDisabledAt(change: AuditedChange, user: UserRow, disabledAt: string | null): Promise<void> {
  await updateUser(change.trx, user.id, { disabled_at: disabledAt, updated_at: change.now });
  await change.record({ entity: 'user', id: user.id, op: 'update', changes: { disabledAt: [user.disabled_at, disabledAt] } });
}

/** The password's audit entry says that it changed, never what to. */
async function setPassword(change: AuditedChange, userId: number, passwordHash: string, how: 'reset' | 'changed'): Promise<void> {
  await updateUser(change.trx, userId, { password_hash: passwordHash, updated_at: change.now });
  await change.record({ entity: 'user', id: userId, op: 'update', changes: { password: [null, how] } });
}

/** An administrator sets a new password for someone who forgot theirs; every session of theirs ends. */
export async function resetPassword(ctx: UserContext, input: { id: number; password: string }): Promise<void> {
  // Your own password needs your current one (changeOwnPassword), even for an administrator.
  if (input.id === ctx.user.id) throw invalid({ id: 'ownPassword' });
  const passwordHash = await hashPassword(input.password);
  await auditedChange(ctx, async (change) => {
    await loadManageable(change.trx, ctx, input.id);
    await setPassword(change, input.id, passwordHash, 'reset');
    await deleteSessionsOfUser(change.trx, input.id);
  });
}

/** Anyone changes their own password with their current one; their other devices are signed out. */
export async function changeOwnPassword(ctx: UserContext, input: ChangeOwnPasswordInput, sessionTokenHash: string): Promise<void> {
  const me = await findUserById(ctx.db, ctx.user.id);
  if (!me || !(await verifyPassword(input.currentPassword, me.password_hash))) throw invalid({ currentPassword: 'wrongPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  await auditedChange(ctx, async (change) => {
    await setPassword(change, me.id, passwordHash, 'changed');
    await deleteOtherSessionsOfUser(change.trx, me.id, sessionTokenHash);
  });
}
