import type { Selectable } from 'kysely';

export interface SettingTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export type SettingRow = Selectable<SettingTable>;
