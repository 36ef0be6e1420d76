import type { NewContactRow } from '../tables/contact.table.js';
import type { CustomerSource, CustomerStage, CustomerTier, NewCustomerRow } from '../tables/customer.table.js';
import { nameColumns } from '../../electron/services/validation/name-stem.js';
import { company } from './companies.js';
import { birthday, email, title, wechatId } from './contact-details.js';
import { personName } from './names.js';
import { landlineFor, mobileFor } from './phones.js';
import { address, pickCity } from './places.js';
import { Random, recentBetween, zipfWeights } from './random.js';
import { office, type SeedOffice, type SeedUser } from './users.js';

/**
 * Pure generation: the same options give the same office and customers, row for row. Rows are in the
 * shape the app stores (name_key and name_stem via nameColumns, phones normalized by parsePhone, e-mails lower case);
 * ids and owners are filled in by the writer (seed.ts).
 */

export interface GenerateOptions {
  seed: number;
  customers: number;
  /** Total contacts, 1-5 per customer; default 3 × customers. */
  contacts?: number;
  /** The "present" of the data set: created_at spreads over the three years before it. */
  now?: Date;
}

/** A fixed present, so a seed means the same data on any day. */
export const DEFAULT_NOW = new Date('2026-11-01T00:00:00.000Z');
export const HISTORY_MS = 3 * 365 * 86_400_000;

export type SeedCustomerRow = Omit<NewCustomerRow, 'owner_id' | 'deleted_by'>;
export type SeedContactRow = Omit<NewContactRow, 'customer_id' | 'deleted_by'>;

export interface SeedCustomer {
  row: SeedCustomerRow;
  /** Username of the owner (null: unassigned); deleted records are deleted by their owner or the boss. */
  owner: string | null;
  tags: string[];
  /** The primary contact first. */
  contacts: SeedContactRow[];
}

const STAGES: [CustomerStage, number][] = [
  ['prospect', 35],
  ['interested', 20],
  ['customer', 25],
  ['repeat', 10],
  ['churned', 10],
];
const TIERS: [CustomerTier | null, number][] = [
  ['A', 10],
  ['B', 25],
  ['C', 35],
  ['D', 15],
  [null, 15],
];
const SOURCES: [CustomerSource | null, number][] = [
  ['website', 20],
  ['referral', 25],
  ['exhibition', 15],
  ['advertising', 8],
  ['phone', 12],
  ['social', 10],
  ['other', 5],
  [null, 5],
];
export const TAGS = ['VIP', '重点客户', '老客户', '展会', '代理商', '经销商', '转介绍', 'export', '政府', '学校', '价格敏感',
  '待回访', '年度合同', '潜力大', '大客户', '海外', '电商', '长期合作', '样品已寄', '需报价'];
const TAG_WEIGHTS = zipfWeights(TAGS, 0.8);
const NOTES = ['对价格比较敏感，需要申请折扣。', '年底有采购计划。', '老板亲自拍板，联系时找总经理。', '上次展会认识的，对新品感兴趣。',
  '已寄样品，等待反馈。', 'Prefers e-mail; English speaking.', '每季度回访一次。', '竞争对手也在跟进。'];

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** Customer owners: mostly sales reps, some managers, a few the boss, a few nobody yet. */
function ownerPicker(users: SeedUser[]) {
  const reps = users.filter((u) => u.role === 'sales').map((u) => u.username);
  const managers = users.filter((u) => u.role === 'manager').map((u) => u.username);
  const boss = users.find((u) => u.role === 'owner')!.username;
  return (random: Random): string | null =>
    random.weighted<() => string | null>([
      [() => random.pick(reps), 85],
      [() => random.pick(managers), 8],
      [() => boss, 3],
      [() => null, 4],
    ])();
}

/** How many contacts the next customer gets: 1-5, steering so the total comes out exactly. */
function contactCount(random: Random, contactsLeft: number, customersLeft: number): number {
  const target = contactsLeft / customersLeft;
  const drawn = Math.round(target + (random.next() + random.next() - 1) * 2.4);
  const min = Math.max(1, contactsLeft - 5 * (customersLeft - 1));
  const max = Math.min(5, contactsLeft - (customersLeft - 1));
  return Math.min(max, Math.max(min, drawn));
}

export interface GeneratedData {
  office: SeedOffice;
  /** Customers in creation order, yielded lazily so 100k need not be held at once. */
  customers: Iterable<SeedCustomer>;
}

export function generate(options: GenerateOptions): GeneratedData {
  const total = options.customers;
  const contactsTotal = options.contacts ?? total * 3;
  if (total < 0 || !Number.isInteger(total)) throw new Error('customers must be a whole number ≥ 0');
  if (total > 0 && (contactsTotal < total || contactsTotal > total * 5)) {
    throw new Error(`contacts must be between 1 and 5 per customer (${total}..${total * 5})`);
  }
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const root = new Random(options.seed);
  const theOffice = office(root.fork());
  const customerSeed = root.int(0, 0xffffffff);
  const pickOwner = ownerPicker(theOffice.users);

  function* customers(): Generator<SeedCustomer> {
    const random = new Random(customerSeed);
    let contactsLeft = contactsTotal;
    const start = now - HISTORY_MS;
    for (let i = 0; i < total; i++) {
      // Creation times rise with the id (as in a real database), the business growing over the years.
      const createdAt = Math.round(start + HISTORY_MS * Math.sqrt((i + random.next()) / total));
      const city = pickCity(random);
      const isPerson = random.chance(0.2);
      const firm = isPerson ? null : company(random, city);
      const chineseShare = firm && /^[A-Za-z]/.test(firm.name) ? 0.3 : city.country === 'CN' ? 0.8 : 0.4;
      const count = contactCount(random, contactsLeft, total - i);
      contactsLeft -= count;

      const contacts: SeedContactRow[] = [];
      let customerName = firm?.name ?? '';
      for (let k = 0; k < count; k++) {
        const person = personName(random, chineseShare);
        if (isPerson && k === 0) customerName = person.name;
        const contactCreated = k === 0 ? createdAt : recentBetween(random, createdAt, now);
        const edited = random.chance(0.6) ? contactCreated : recentBetween(random, contactCreated, now);
        // A few former contacts are in the trash (never the primary one); deleting is the last update.
        const contactDeleted = k > 0 && random.chance(0.01) ? recentBetween(random, edited, now) : null;
        const contactUpdated = contactDeleted ?? edited;
        contacts.push({
          name: person.name,
          title: isPerson && k === 0 ? null : title(random, person),
          mobile: random.chance(0.9) ? mobileFor(random, city).normalized : null,
          landline: random.chance(isPerson ? 0.1 : 0.35) ? landlineFor(random, city).normalized : null,
          email: random.chance(0.6) ? email(random, person, firm?.domain ?? null) : null,
          wechat_id: person.chinese && random.chance(0.5) ? wechatId(random, person) : null,
          birthday: random.chance(0.3) ? birthday(random, new Date(now)) : null,
          gender: random.chance(0.9) ? person.gender : null,
          is_primary: k === 0 ? 1 : 0,
          created_at: iso(contactCreated),
          updated_at: iso(contactUpdated),
          deleted_at: contactDeleted === null ? null : iso(contactDeleted),
          version: contactUpdated === contactCreated ? 1 : random.int(2, 6),
        });
      }

      const edited = random.chance(0.4) ? createdAt : recentBetween(random, createdAt, now);
      const deletedAt = random.chance(0.01) ? recentBetween(random, edited, now) : null;
      const updatedAt = deletedAt ?? edited;
      const lastContacted = random.chance(0.7) ? recentBetween(random, createdAt, now) : null;
      const followUp = random.chance(0.3) ? now + random.int(-30, 60) * 86_400_000 : null;
      const tagCount = random.weighted([
        [0, 45],
        [1, 30],
        [2, 17],
        [3, 8],
      ] as const);
      const tags = new Set<string>();
      while (tags.size < tagCount) tags.add(random.weighted(TAG_WEIGHTS));

      yield {
        owner: pickOwner(random),
        tags: [...tags],
        contacts,
        row: {
          name: customerName,
          ...nameColumns(customerName),
          kind: isPerson ? 'person' : 'company',
          industry: firm?.industry ?? null,
          province: city.province,
          city: city.city,
          address: random.chance(isPerson ? 0.3 : 0.85) ? address(random, city) : null,
          source: random.weighted(SOURCES),
          stage: random.weighted(STAGES),
          tier: random.weighted(TIERS),
          notes: random.chance(0.15) ? random.pick(NOTES) : null,
          last_contacted_at: lastContacted === null ? null : iso(lastContacted),
          next_follow_up_on: followUp === null ? null : day(followUp),
          created_at: iso(createdAt),
          updated_at: iso(updatedAt),
          deleted_at: deletedAt === null ? null : iso(deletedAt),
          version: updatedAt === createdAt ? 1 : random.int(2, 8),
        },
      };
    }
  }

  return { office: theOffice, customers: { [Symbol.iterator]: customers } };
}
