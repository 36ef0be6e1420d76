import { createHash, randomBytes } from 'node:crypto';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../../db/session.repository.js';
import { countUsers, findUserById, findUserByUsername, insertUser, listUsernames } from '../../db/user.repository.js';
import { fold } from './name-taken.js';
import type { ServiceContext, SessionUser } from './context.js';
import { nowIso } from './context.js';
import { AppError } from './errors.js';
import { hashPassword, verifyPassword } from './password.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewSession {
  token: string;
  user: SessionUser;
  expiresAt: string;
}

/** Sessions are stored by this hash of their token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function needsSetup(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/** First start: create the owner account. Refused once any user exists. */
export async function setupOwner(
  ctx: ServiceContext,
  input: { username: string; displayName: string; password: string },
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) throw new AppError('already_set_up', 'The owner account already exists');
    await insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: 'owner',
      team_id: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    });
  });
  return login(ctx, { username: input.username, password: input.password });
}

/** Usernames are unique ignoring case and full-width forms, so "Boss" and "ＢＯＳＳ" sign in as boss. */
async function findByFoldedName(ctx: ServiceContext, username: string) {
  const match = (await listUsernames(ctx.db)).find((user) => fold(user.name) === fold(username));
  return match ? findUserById(ctx.db, match.id) : undefined;
}

export async function login(ctx: ServiceContext, input: { username: string; password: string }): Promise<NewSession> {
  const user = await findUserByUsername(ctx.db, input.username).then((exact) => exact ?? findByFoldedName(ctx, input.username));
  // Verify against a dummy hash for unknown users too, so timing does not reveal which names exist.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok || user.disabled_at) {
    throw new AppError('bad_credentials', 'Wrong username or password');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
  await deleteExpiredSessions(ctx.db, now.toISOString());
  await insertSession(ctx.db, {
    token_hash: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      teamId: user.team_id,
    },
  };
}

/** The user behind a token, or null when the token is unknown, expired (idle or absolute) or disabled. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const row = await findSessionWithUser(ctx.db, tokenHash);
  if (!row || row.disabled_at) return null;
  const now = ctx.clock.now().getTime();
  const idleFor = now - Date.parse(row.last_seen_at);
  if (now >= Date.parse(row.expires_at) || idleFor >= SESSION_IDLE_MS) {
    await deleteSession(ctx.db, tokenHash);
    return null;
  }
  if (idleFor >= TOUCH_INTERVAL_MS) await touchSession(ctx.db, tokenHash, nowIso(ctx.clock));
  return {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
  };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
}

export async function logoutEverywhere(ctx: ServiceContext, userId: number): Promise<void> {
  await deleteSessionsOfUser(ctx.db, userId);
}

// A valid hash of a random password, computed on first need.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));
