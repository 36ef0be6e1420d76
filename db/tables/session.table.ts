import type { Selectable } from 'kysely';

export interface SessionTable {
  /** SHA-256 of the token: a stolen database file does not hand out live sessions. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type SessionRow = Selectable<SessionTable>;
