import type { Host } from '../../electron/host.js';
import type { SessionUser, UserContext } from '../../electron/services/context.js';
import type { Dataset } from './dataset.js';
import type { RawQueries } from './raw-sql.js';
import type { BenchRow } from './report.js';
import type { BenchUsers } from './scenarios.js';
import type { BenchTerms } from './terms.js';

/** What every section gets: the host on this run's copy of the data, its users, inputs and the raw baseline. */
export interface BenchContext {
  host: Host;
  dataset: Dataset;
  /** Timed runs per scenario. */
  runs: number;
  users: BenchUsers;
  /** The service context a user's API call gets. */
  as(user: SessionUser): UserContext;
  terms: BenchTerms;
  raw: RawQueries;
  /** Also attach the SQL and query plans of the list and search queries to their rows. */
  explain: boolean;
  log(line: string): void;
  /**
   * The headless host (`serve`) on the same data folder, started on first use and stopped at the end,
   * with the owner's session cookie ("name=value") for it.
   */
  serve(): Promise<{ url: string; cookie: string }>;
}

export type Section = (ctx: BenchContext) => Promise<BenchRow[]>;
