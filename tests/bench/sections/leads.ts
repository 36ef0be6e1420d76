import { sql } from 'kysely';
import { listLeadsInput } from '../../../electron/api/schemas/leads.schema.js';
import { listPoolInput } from '../../../electron/api/schemas/pool.schema.js';
import type { UserContext } from '../../../electron/services/context.js';
import { listLeads } from '../../../electron/services/leads.service.js';
import { listPool } from '../../../electron/services/pool.service.js';
import type { BenchContext } from '../context.js';
import type { BenchRow } from '../report.js';
import { cycle } from '../scenarios.js';
import { roleContexts, timedRows } from '../timed-rows.js';
import { READ_P95_MS } from './list.js';

interface LeadTerms {
  /** Given names (the last two characters of 3-character Chinese names), of any leads and of the pool's. */
  names: string[];
  poolNames: string[];
  /** Last four digits of mainland mobiles. */
  digits: string[];
}

/** What the lead list and the pool are searched by, taken from the seeded leads across their ids. */
async function leadTerms(ctx: BenchContext): Promise<LeadTerms> {
  const { rows } = await sql<{ person_name: string | null; mobile: string | null; owner_id: number | null }>`
    SELECT person_name, mobile, owner_id FROM leads WHERE deleted_at IS NULL AND status != 'converted'
     ORDER BY id % 97, id LIMIT 400`.execute(ctx.host.services.db);
  const unique = (values: string[]) => [...new Set(values)].slice(0, 25);
  const givenNames = (of: typeof rows) =>
    unique(of.flatMap((r) => (r.person_name && /^[\u4e00-\u9fff]{3}$/.test(r.person_name) ? [r.person_name.slice(1)] : [])));
  return {
    names: givenNames(rows),
    poolNames: givenNames(rows.filter((r) => r.owner_id === null)),
    digits: unique(rows.flatMap((r) => (r.mobile && /^\+861\d{10}$/.test(r.mobile) ? [r.mobile.slice(-4)] : []))),
  };
}

/** The lead list as each role opens, filters and searches it, and the public pool's two lists (issue 4's screens). */
export async function leadsSection(ctx: BenchContext): Promise<BenchRow[]> {
  const { owner, manager, rep } = roleContexts(ctx);
  const terms = await leadTerms(ctx);
  const { rows, timed } = timedRows(ctx, 'leads', READ_P95_MS);
  const leads = (user: UserContext, input: (i: number) => object) => (i: number) => listLeads(user, listLeadsInput.parse(input(i)));
  const pool = (kind: 'customers' | 'leads', input: (i: number) => object) => (i: number) =>
    listPool(rep, listPoolInput.parse({ kind, ...input(i) }));
  const page = (r: { items: unknown[]; total: number }) => `${r.items.length} of ${r.total}`;
  const poolPage = (r: { customers: unknown[]; leads: unknown[]; total: number }) => `${r.customers.length + r.leads.length} of ${r.total}`;
  const name = cycle(terms.names);
  const poolName = cycle(terms.poolNames);
  const digits = cycle(terms.digits);

  await timed('leads: updated, newest first (owner: all)', leads(owner, () => ({})), page);
  await timed('leads as a manager (the team)', leads(manager, () => ({})), page);
  await timed('leads as a sales rep (own)', leads(rep, () => ({})), page);
  await timed('leads: status = new', leads(owner, () => ({ statuses: ['new'] })), page);
  await timed(`leads: search 2 Chinese characters (${terms.names[0]})`, leads(owner, (i) => ({ search: name(i) })), page);
  await timed('leads: search 1 Chinese character (王, the first keystroke)', leads(owner, () => ({ search: '王' })), page);
  await timed('leads: search 4 phone digits', leads(owner, (i) => ({ search: digits(i) })), page);
  await timed('public pool: customers (a rep)', pool('customers', () => ({})), poolPage);
  await timed('public pool: leads (a rep)', pool('leads', () => ({})), poolPage);
  await timed(`public pool: leads, search 2 Chinese characters (${terms.poolNames[0]})`, pool('leads', (i) => ({ search: poolName(i) })), poolPage);
  return rows;
}
