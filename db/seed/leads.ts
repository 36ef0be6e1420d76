import { defaultLeadSources } from '../../electron/api/schemas/leads.schema.js';
import { leadSearchDocument } from '../../electron/services/lead-search.js';
import type { Connection } from '../connection.js';
import { rowInserter } from '../row-inserter.js';
import { leadSearch, searchDocumentInserter } from '../search.js';
import type { LeadStatus, NewLeadRow } from '../tables/lead.table.js';
import { company } from './companies.js';
import { email, title, wechatId } from './contact-details.js';
import { DEFAULT_NOW } from './generate.js';
import { personName } from './names.js';
import { landlineFor, mobileFor } from './phones.js';
import { pickCity } from './places.js';
import { Random, recentBetween } from './random.js';
import { officeStaff, seedBatches } from './seed-rows.js';

/**
 * Seeded leads for the lead list, the public pool and their benchmark: two years of them, most worked
 * by the reps, a quarter of the open ones in the pool, some converted into the customers already there;
 * each with its search document, as the app writes it.
 */

export interface SeedLeadsOptions {
  seed: number;
  leads: number;
  now?: Date;
}

export interface SeedLeadsSummary {
  leads: number;
  /** Open leads nobody owns. */
  pool: number;
  converted: number;
  ms: number;
}

const DAY = 86_400_000;
const HISTORY_MS = 2 * 365 * DAY;
const NOTES = ['展会上留的名片。', '官网表单咨询报价。', '朋友介绍，有采购意向。', '电话里说下个月再联系。', 'Asked for a demo.'];
const STATUSES: [LeadStatus, number][] = [
  ['new', 30],
  ['contacted', 25],
  ['qualified', 15],
  ['unqualified', 15],
  ['converted', 15],
];

const COLUMNS = ['company_name', 'person_name', 'title', 'mobile', 'landline', 'email', 'wechat_id', 'province', 'city', 'notes',
  'source', 'status', 'score', 'owner_id', 'converted_customer_id', 'converted_at', 'created_by', 'created_at', 'updated_at',
  'deleted_at', 'deleted_by', 'version'] as const satisfies readonly (keyof NewLeadRow)[];

const iso = (ms: number) => new Date(ms).toISOString();

export async function seedLeads(connection: Connection, options: SeedLeadsOptions): Promise<SeedLeadsSummary> {
  const started = performance.now();
  const { db, sqlite } = connection;
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const random = new Random(options.seed ^ 0x1ead_5eed);
  const { boss, sellers } = await officeStaff(db);
  const customers = (await db.selectFrom('customers').select('id').where('deleted_at', 'is', null).orderBy('id').execute()).map((c) => c.id);
  const insert = rowInserter<NewLeadRow>(sqlite, 'leads', COLUMNS);
  const insertDocument = searchDocumentInserter(sqlite, leadSearch);
  const summary: SeedLeadsSummary = { leads: 0, pool: 0, converted: 0, ms: 0 };

  const writeOne = () => {
    const createdAt = recentBetween(random, now - HISTORY_MS, now);
    const city = pickCity(random);
    const firm = random.chance(0.75) ? company(random, city) : null;
    const person = personName(random, city.country === 'CN' ? 0.85 : 0.4);
    const status = customers.length > 0 ? random.weighted(STATUSES) : 'new';
    const converted = status === 'converted';
    const inPool = !converted && random.chance(0.25);
    const updatedAt = random.chance(0.3) ? createdAt : recentBetween(random, createdAt, now);
    const deletedAt = random.chance(0.01) ? updatedAt : null;
    const row: NewLeadRow = {
      company_name: firm?.name ?? null,
      person_name: firm && random.chance(0.1) ? null : person.name,
      title: title(random, person),
      mobile: random.chance(0.85) ? mobileFor(random, city).normalized : null,
      landline: random.chance(0.2) ? landlineFor(random, city).normalized : null,
      email: random.chance(0.5) ? email(random, person, firm?.domain ?? null) : null,
      wechat_id: person.chinese && random.chance(0.3) ? wechatId(random, person) : null,
      province: city.province,
      city: city.city,
      notes: random.chance(0.1) ? random.pick(NOTES) : null,
      source: random.pick(defaultLeadSources),
      status,
      score: random.int(0, 100),
      owner_id: inPool ? null : random.pick(sellers),
      converted_customer_id: converted ? random.pick(customers) : null,
      converted_at: converted ? iso(updatedAt) : null,
      created_by: random.chance(0.7) ? random.pick(sellers) : boss,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
      deleted_at: deletedAt === null ? null : iso(deletedAt),
      deleted_by: deletedAt === null ? null : boss,
      version: updatedAt === createdAt ? 1 : random.int(2, 5),
    };
    insertDocument(insert(row), leadSearchDocument(row));
    summary.leads++;
    if (inPool && deletedAt === null) summary.pool++;
    if (converted) summary.converted++;
  };

  seedBatches(sqlite, options.leads, writeOne);
  summary.ms = performance.now() - started;
  return summary;
}
