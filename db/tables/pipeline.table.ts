import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type StageOutcome = 'open' | 'won' | 'lost';

export interface PipelineStageTable {
  id: Generated<number>;
  /** A default stage's translation key (initialContact, ..., lost); null once a user names the stage. */
  label_key: string | null;
  /** The user's own text; null while the stage carries a translation key. */
  name: string | null;
  position: number;
  /** Win probability, 0-100. */
  probability: number;
  outcome: StageOutcome;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type PipelineStageRow = Selectable<PipelineStageTable>;
export type NewPipelineStageRow = Insertable<PipelineStageTable>;
export type PipelineStageUpdate = Updateable<PipelineStageTable>;

export interface PipelineSettingsTable {
  /** Always 1: one row. */
  id: number;
  /** An open deal with no stage change or activity for this many days is flagged idle. */
  idle_days: number;
  updated_at: string;
}
