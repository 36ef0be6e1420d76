import type { Connection, Db } from '../connection.js';
import type { InteractionDirection, InteractionType } from '../tables/interaction.table.js';
import { interactionText } from './interaction-texts.js';
import { Random } from './random.js';

/**
 * Seeded interactions for the customers already in the database: a heavy-tailed spread (a few key
 * accounts with thousands of interactions, most customers with a handful), times rising from each
 * customer's creation to "now", and every live customer's last_contacted_at set from them as the app
 * would. Written with prepared statements in big transactions; the same seed and customers give the
 * same rows.
 */

export interface SeedInteractionOptions {
  seed: number;
  interactions: number;
  now: Date;
  /** Interactions per transaction. */
  batchSize?: number;
  onProgress?: (interactionsDone: number) => void;
}

export interface InteractionSeedSummary {
  interactions: number;
  staffLinks: number;
  contactLinks: number;
  /** Interactions of the busiest customer, and its id: the benchmark's timeline. */
  busiest: { customerId: number; interactions: number } | null;
}

const TYPES: [InteractionType, number][] = [
  ['call', 35],
  ['chat', 20],
  ['email', 15],
  ['note', 10],
  ['meeting', 8],
  ['visit', 7],
  ['social', 5],
];
const CHANNELS: Record<InteractionType, [string | null, number][]> = {
  call: [['mobile', 6], ['phone', 3], ['wechat', 2], [null, 1]],
  email: [[null, 1]],
  meeting: [['in_person', 5], ['video', 4], ['phone_conference', 1]],
  visit: [['their_site', 6], ['our_office', 3], ['exhibition', 1]],
  chat: [['wechat', 10], ['wecom', 3], ['qq', 1], ['dingtalk', 1], ['whatsapp', 1], ['sms', 1]],
  social: [['xiaohongshu', 3], ['douyin', 3], ['weibo', 2], ['linkedin', 1], ['other', 1]],
  note: [[null, 1]],
};
const DURATION: Partial<Record<InteractionType, [number, number]>> = {
  call: [1, 30],
  meeting: [15, 120],
  visit: [30, 180],
};
/** Zipf exponent of activity over customers: at 100k customers the busiest gets about 1% of all. */
const ACTIVITY_SKEW = 0.7;
const DAY_MS = 86_400_000;

const COLUMNS = ['customer_id', 'lead_id', 'opportunity_id', 'type', 'channel', 'direction', 'occurred_at',
  'duration_minutes', 'content', 'outcome', 'next_step', 'next_follow_up_on', 'created_by', 'created_at', 'updated_at',
  'deleted_at', 'deleted_by', 'version'] as const;

interface CustomerFacts {
  id: number;
  name: string;
  owner_id: number | null;
  created_at: string;
}

/** How many interactions each customer gets: N weighted draws over a shuffled Zipf ranking. */
function spread(random: Random, customers: number, total: number): Int32Array {
  const rank = Array.from({ length: customers }, (_, i) => i + 1);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cumulative = new Float64Array(customers);
  let sum = 0;
  for (let i = 0; i < customers; i++) cumulative[i] = sum += 1 / rank[i]! ** ACTIVITY_SKEW;
  const counts = new Int32Array(customers);
  for (let n = 0; n < total; n++) {
    const roll = random.next() * sum;
    let lo = 0;
    let hi = customers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]!++;
  }
  return counts;
}

export async function seedInteractions(
  connection: Connection,
  options: SeedInteractionOptions,
): Promise<InteractionSeedSummary> {
  const { db, sqlite } = connection;
  const batchSize = options.batchSize ?? 20_000;
  const now = options.now.getTime();
  const customers: CustomerFacts[] = await db
    .selectFrom('customers')
    .select(['id', 'name', 'owner_id', 'created_at'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const contactsOf = new Map<number, number[]>();
  for (const c of await db
    .selectFrom('contacts')
    .select(['id', 'customer_id'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()) {
    contactsOf.set(c.customer_id, [...(contactsOf.get(c.customer_id) ?? []), c.id]);
  }
  const users = await db.selectFrom('users').select(['id', 'role']).where('disabled_at', 'is', null).orderBy('id').execute();
  const reps = users.filter((u) => u.role === 'sales' || u.role === 'manager').map((u) => u.id);
  const boss = users.find((u) => u.role === 'owner')?.id ?? users[0]!.id;

  const random = new Random(options.seed).fork();
  const counts = spread(random, customers.length, options.interactions);
  const insert = sqlite.prepare(
    `INSERT INTO interactions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertStaff = sqlite.prepare('INSERT INTO interaction_staff (interaction_id, user_id) VALUES (?, ?)');
  const insertContact = sqlite.prepare('INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, ?)');
  const setLastContacted = sqlite.prepare('UPDATE customers SET last_contacted_at = ? WHERE id = ?');

  const summary: InteractionSeedSummary = { interactions: 0, staffLinks: 0, contactLinks: 0, busiest: null };

  /** One customer's interactions, oldest first (ids rise with time, as in use); its last contact. */
  function writeCustomer(customer: CustomerFacts, count: number): void {
    const chinese = /[\u4e00-\u9fff]/.test(customer.name);
    const contacts = contactsOf.get(customer.id) ?? [];
    const owner = customer.owner_id ?? boss;
    const start = Date.parse(customer.created_at);
    // Denser towards now: recent activity is what a growing office has most of.
    const times = Array.from({ length: count }, () => Math.round(start + (now - start) * Math.sqrt(random.next()))).sort(
      (a, b) => a - b,
    );
    let lastContact: string | null = null;
    for (const time of times) {
      const type = random.weighted(TYPES);
      let channel = random.weighted(CHANNELS[type]);
      if (type === 'chat' && !chinese && channel !== 'whatsapp') channel = random.chance(0.7) ? 'whatsapp' : 'sms';
      const direction: InteractionDirection | null =
        type === 'note' ? null : random.chance(0.35) ? 'inbound' : 'outbound';
      const range = DURATION[type];
      const duration = range ? Math.round(range[0] + (range[1] - range[0]) * random.next() ** 2) : null;
      const text = interactionText(random, type, chinese);
      const followUp = type !== 'note' && random.chance(0.08) ? new Date(time + random.int(3, 30) * DAY_MS) : null;
      const createdBy = random.chance(0.85) || reps.length === 0 ? owner : random.pick(reps);
      const occurredAt = new Date(time).toISOString();
      const loggedAt = new Date(Math.min(now, time + random.int(1, 240) * 60_000)).toISOString();
      const id = Number(
        insert.run(
          customer.id, null, null, type, channel, direction, occurredAt, duration, text.content, text.outcome,
          text.nextStep, followUp?.toISOString().slice(0, 10) ?? null, createdBy, loggedAt, loggedAt, null, null, 1,
        ).lastInsertRowid,
      );
      insertStaff.run(id, createdBy);
      summary.staffLinks++;
      if (reps.length > 1 && random.chance(0.1)) {
        const colleague = random.pick(reps);
        if (colleague !== createdBy) {
          insertStaff.run(id, colleague);
          summary.staffLinks++;
        }
      }
      if (type !== 'note' && contacts.length > 0) {
        for (const contactId of random.sample(contacts, random.chance(0.15) ? 2 : 1)) {
          insertContact.run(id, contactId);
          summary.contactLinks++;
        }
      }
      if (type !== 'note') lastContact = occurredAt;
      summary.interactions++;
    }
    setLastContacted.run(lastContact, customer.id);
    if (count > (summary.busiest?.interactions ?? 0)) summary.busiest = { customerId: customer.id, interactions: count };
  }

  let next = 0;
  while (next < customers.length) {
    const target = summary.interactions + batchSize;
    sqlite.transaction(() => {
      while (next < customers.length && summary.interactions < target) {
        writeCustomer(customers[next]!, counts[next]!);
        next++;
      }
    })();
    options.onProgress?.(summary.interactions);
  }
  return summary;
}

/**
 * The live customer with the most live interactions (a key account): the benchmark's busiest customer
 * page, and the one the history seeder gives a long history.
 */
export async function busiestCustomerId(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('interactions as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select('i.customer_id')
    .where('i.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .groupBy('i.customer_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('i.customer_id')
    .limit(1)
    .executeTakeFirst();
  return row?.customer_id ?? undefined;
}
