import type { Generated, Selectable } from 'kysely';

export interface TeamTable {
  id: Generated<number>;
  name: string;
  manager_id: number | null;
  created_at: string;
}

export type TeamRow = Selectable<TeamTable>;
