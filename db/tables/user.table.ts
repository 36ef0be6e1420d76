import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'owner' | 'admin' | 'manager' | 'sales' | 'service' | 'marketing' | 'finance';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** "scrypt$N$r$p$salt$hash", so parameters can be raised later without breaking old hashes. */
  password_hash: string;
  role: Role;
  team_id: number | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
