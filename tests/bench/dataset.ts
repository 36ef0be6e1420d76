import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flushFileToDisk } from '../../db/backup.js';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DEFAULT_NOW } from '../../db/seed/generate.js';
import { seedHistory } from '../../db/seed/history.js';
import { seedLeads } from '../../db/seed/leads.js';
import { seedDeals } from '../../db/seed/opportunities.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { seedTasks } from '../../db/seed/tasks.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { hashPassword } from '../../electron/services/password.js';

/**
 * The benchmark's data: a seeded database per scale, generated once into a cache folder and reused
 * while its description matches, and a fresh copy of it for each run (the run writes: customers,
 * an import, a backup), so every run starts from the same rows.
 */

export interface Scale {
  customers: number;
  contacts: number;
  interactions: number;
  /** A quarter of them open (db/seed/opportunities.ts). */
  deals: number;
  /** A quarter of the open ones in the public pool (db/seed/leads.ts). */
  leads: number;
  /** Follow-ups of customers, leads and deals, the next two months' open (db/seed/tasks.ts). */
  tasks: number;
  /** Average edits per customer in the change history (db/seed/history.ts). */
  editsPerCustomer: number;
  /** Rows in the generated CSV the import section imports. */
  importRows: number;
}

export const SCALES = {
  /** The smoke test's: seconds to seed, every section still meets real data. */
  small: { customers: 2_000, contacts: 6_000, interactions: 10_000, deals: 2_000, leads: 1_000, tasks: 4_000, editsPerCustomer: 3, importRows: 1_000 },
  /** The promise: an office with 100k customers and years of activity. */
  '100k': { customers: 100_000, contacts: 300_000, interactions: 1_000_000, deals: 200_000, leads: 50_000, tasks: 200_000, editsPerCustomer: 3, importRows: 100_000 },
  /** Ten times the customers (and their contacts), the same activity: where lists and search break elsewhere. */
  '1m': { customers: 1_000_000, contacts: 3_000_000, interactions: 1_000_000, deals: 200_000, leads: 50_000, tasks: 200_000, editsPerCustomer: 3, importRows: 100_000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

/** Every seeded user's password (the same as `npm run seed`'s default). */
export const SEED_PASSWORD = 'office-crm-demo';

/** What a cached database was generated from; a different description means generating anew. */
interface DatasetDescription extends Scale {
  scale: ScaleName;
  seed: number;
  now: string;
  /** Of the seeders' sources (db/seed): a changed generator makes its data anew, as changed settings do. */
  generator: string;
}

const SEED_SOURCES = fileURLToPath(new URL('../../db/seed/', import.meta.url));

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(SEED_SOURCES).sort()) hash.update(file).update(readFileSync(join(SEED_SOURCES, file)));
  return hash.digest('hex').slice(0, 16);
}

const DESCRIPTION_FILE = 'bench-dataset.json';

export interface Dataset {
  description: DatasetDescription;
  /** Seconds spent generating it in this run (0: reused from the cache). */
  seededSeconds: number;
  /** A data folder with a fresh copy of the database, for this run only. */
  workDir: string;
  removeWorkDir(): void;
}

function readDescription(dir: string): DatasetDescription | null {
  const file = join(dir, DESCRIPTION_FILE);
  if (!existsSync(file) || !existsSync(join(dir, DATABASE_FILE))) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetDescription;
}

const sameDescription = (a: DatasetDescription | null, b: DatasetDescription) => JSON.stringify(a) === JSON.stringify(b);

async function generate(dir: string, description: DatasetDescription, log: (line: string) => void): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const connection = openDatabase(join(dir, DATABASE_FILE));
  try {
    await migrateToLatest(connection.db);
    const now = new Date(description.now);
    log(
      `Seeding ${description.customers} customers, ${description.interactions} interactions, ${description.deals} deals, ` +
        `${description.leads} leads, ${description.tasks} tasks and their history into ${dir}…`,
    );
    await seedDatabase(connection, {
      seed: description.seed,
      customers: description.customers,
      contacts: description.contacts,
      interactions: description.interactions,
      now,
      passwordHash: await hashPassword(SEED_PASSWORD),
      onProgress: (done) => {
        if (done % 100_000 === 0) log(`  ${done} customers`);
      },
    });
    await seedDeals(connection, { seed: description.seed, deals: description.deals, now });
    await seedLeads(connection, { seed: description.seed, leads: description.leads, now });
    await seedTasks(connection, { seed: description.seed, tasks: description.tasks, now });
    await seedHistory(connection, { seed: description.seed, editsPerCustomer: description.editsPerCustomer });
  } finally {
    // Closing runs PRAGMA optimize, as the app does on every exit, so the planner has statistics, and
    // folds the WAL into the file, so a plain file copy is the whole database.
    await connection.close();
  }
  // Written last: a folder without it (an interrupted seed) is generated again.
  writeFileSync(join(dir, DESCRIPTION_FILE), JSON.stringify(description, null, 2));
}

/**
 * The database for `scale` in `cacheDir/dataset` (generated if missing or made from other settings),
 * copied to `cacheDir/work` for this run.
 */
export async function prepareDataset(
  cacheDir: string,
  scale: ScaleName,
  options: { seed: number; fresh?: boolean; log: (line: string) => void },
): Promise<Dataset> {
  const description: DatasetDescription = { scale, seed: options.seed, now: DEFAULT_NOW.toISOString(), ...SCALES[scale], generator: generatorHash() };
  const datasetDir = join(cacheDir, 'dataset');
  let seededSeconds = 0;
  if (options.fresh || !sameDescription(readDescription(datasetDir), description)) {
    const started = performance.now();
    await generate(datasetDir, description, options.log);
    seededSeconds = (performance.now() - started) / 1000;
    options.log(`Seeded in ${seededSeconds.toFixed(1)} s.`);
  } else {
    options.log(`Reusing the ${scale} database in ${datasetDir}.`);
  }
  const workDir = join(cacheDir, 'work');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const copy = join(workDir, DATABASE_FILE);
  copyFileSync(join(datasetDir, DATABASE_FILE), copy);
  // On disk before measuring: otherwise the OS writes the copy's hundreds of MB back during the
  // first sections, and their timings measure that.
  flushFileToDisk(copy);
  return { description, seededSeconds, workDir, removeWorkDir: () => rmSync(workDir, { recursive: true, force: true }) };
}
