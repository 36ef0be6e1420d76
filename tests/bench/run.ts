import { createHost } from '../../electron/host.js';
import { DEFAULT_NOW } from '../../db/seed/generate.js';
import type { Clock, SessionUser } from '../../electron/services/context.js';
import { writeLastRun } from '../../electron/services/backup/settings.js';
import { startServe, type ServeProcess } from '../e2e/serve-process.js';
import type { BenchContext, Section } from './context.js';
import { prepareDataset, SEED_PASSWORD, type ScaleName } from './dataset.js';
import { signInOverHttp } from './http-session.js';
import { RawQueries } from './raw-sql.js';
import { finishMachine, machineAtStart, type BenchRow, type Machine, type SectionName } from './report.js';
import { backupSection } from './sections/backup.js';
import { boardSection } from './sections/board.js';
import { browserSection } from './sections/browser.js';
import { httpSection } from './sections/http.js';
import { loadSection } from './sections/load.js';
import { importSection } from './sections/import.js';
import { leadsSection } from './sections/leads.js';
import { listSection, searchSection } from './sections/list.js';
import { pageSection } from './sections/page.js';
import { startupSection } from './sections/startup.js';
import { tasksSection } from './sections/tasks.js';
import { writesSection } from './sections/writes.js';
import { pickTerms } from './terms.js';

export interface BenchOptions {
  scale: ScaleName;
  /** Where the generated database is cached, and this run's copy made. */
  cacheDir: string;
  runs: number;
  /** In the order given by SECTIONS: reads first, then what writes (the import last: it adds customers). */
  sections: readonly SectionName[];
  seed: number;
  /** Generate the database even when a matching one is cached. */
  fresh: boolean;
  explain: boolean;
  log: (line: string) => void;
}

export interface BenchReport {
  at: string;
  machine: Machine;
  dataset: BenchContext['dataset']['description'] & { seededSeconds: number };
  runs: number;
  /** Wall time of each section, seconds. */
  sectionSeconds: Partial<Record<SectionName, number>>;
  rows: BenchRow[];
}

const SECTION_RUNNERS: Record<SectionName, Section> = {
  list: listSection,
  search: searchSection,
  page: pageSection,
  board: boardSection,
  leads: leadsSection,
  tasks: tasksSection,
  startup: startupSection,
  http: httpSection,
  load: loadSection,
  browser: browserSection,
  writes: writesSection,
  backup: backupSection,
  import: importSection,
};

/**
 * The seeded data's "present" (db/seed DEFAULT_NOW), moving on from there: the board's recent and idle
 * deals and new records' times then relate to the data as they did on the day it was generated,
 * whenever the benchmark runs.
 */
function datasetClock(): Clock {
  const started = Date.now();
  return { now: () => new Date(DEFAULT_NOW.getTime() + Date.now() - started) };
}

/**
 * The headless host started for the http and browser sections runs the daily backup schedule, whose
 * start-up catch-up would back up the database while they measure. The run's copy is therefore
 * marked as backed up just now; the backup section measures a backup on its own.
 */
async function markBackedUp(host: Awaited<ReturnType<typeof createHost>>): Promise<void> {
  const now = new Date().toISOString();
  await writeLastRun(host.services.db, {
    kind: 'manual',
    startedAt: now,
    finishedAt: now,
    ok: true,
    error: null,
    file: null,
    size: null,
    fellBack: false,
    lastSuccessAt: now,
  });
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const machine = machineAtStart();
  const at = new Date().toISOString();
  const dataset = await prepareDataset(options.cacheDir, options.scale, { seed: options.seed, fresh: options.fresh, log: options.log });
  const host = await createHost({ dataDir: dataset.workDir, backupSchedule: false, clock: datasetClock() });
  const raw = new RawQueries(host.databaseFile);
  // Started by the first section that needs it (a closure's assignment, hence the holder object).
  const serving: { started?: Promise<ServeProcess>; cookie?: Promise<string> } = {};
  try {
    await markBackedUp(host);
    const { db } = host.services;
    const sessionUser = async (username: string): Promise<SessionUser> => {
      const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
      return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, teamId: u.team_id };
    };
    const users = { owner: await sessionUser('boss'), manager: await sessionUser('manager1'), rep: await sessionUser('sales1') };
    const ctx: BenchContext = {
      host,
      dataset,
      runs: options.runs,
      users,
      as: (user) => ({ ...host.services, user }),
      terms: await pickTerms(db),
      raw,
      explain: options.explain,
      log: options.log,
      serve: async () => {
        serving.started ??= startServe([], { dataDir: dataset.workDir });
        const { url } = await serving.started;
        serving.cookie ??= signInOverHttp(url, users.owner.username, SEED_PASSWORD);
        return { url, cookie: await serving.cookie };
      },
    };
    const rows: BenchRow[] = [];
    const sectionSeconds: BenchReport['sectionSeconds'] = {};
    for (const section of options.sections) {
      const started = performance.now();
      rows.push(...(await SECTION_RUNNERS[section](ctx)));
      sectionSeconds[section] = Math.round(performance.now() - started) / 1000;
      options.log(`Measured ${section} in ${sectionSeconds[section]!.toFixed(1)} s.`);
    }
    return {
      at,
      machine: finishMachine(machine),
      dataset: { ...dataset.description, seededSeconds: dataset.seededSeconds },
      runs: options.runs,
      sectionSeconds,
      rows,
    };
  } finally {
    await (await serving.started?.catch(() => null))?.stop();
    raw.close();
    await host.close();
    dataset.removeWorkDir();
  }
}
