import { customerStages, customerTiers } from '../../electron/api/schemas/customers.schema.js';
import { auditedContact, auditedCustomer, auditedInteraction } from '../../electron/services/audit-trail.js';
import { toContact, toCustomer } from '../../electron/services/customers.mappers.js';
import { toInteraction } from '../../electron/services/interactions.mappers.js';
import { auditInserter, createdRecord, type AuditEntry, type FieldChanges } from '../audit.repository.js';
import type { Connection } from '../connection.js';
import type { ContactRow } from '../tables/contact.table.js';
import type { CustomerRow } from '../tables/customer.table.js';
import { busiestCustomerId } from './interactions.js';
import { Random } from './random.js';
import { officeStaff } from './seed-rows.js';

/**
 * Seeded change history: the audit entries years of use leave, so the history tab and a backup meet a
 * real log. Each customer's and contact's creation and a few edits per customer (stage moves, tier,
 * handovers between reps, notes, follow-up dates) walked back from the customer as it is now, so every
 * entry's "before" is the previous one's "after"; the deletion of those in the trash; the busiest
 * customer (most interactions) a long history to page through; and each interaction's creation, the
 * bulk of a real log. Entries are made as the app makes them (its mappers and audited fields), except
 * that an interaction's entry names no participants. Seed customers, contacts and interactions first.
 */

export interface SeedHistoryOptions {
  seed: number;
  /** Average edits per customer (the busiest gets BUSIEST_EDITS). */
  editsPerCustomer: number;
}

export interface SeedHistorySummary {
  entries: number;
  /** The customer with the long history, and its entries. */
  busiest: { customerId: number; entries: number } | null;
  ms: number;
}

const BUSIEST_EDITS = 1_000;
const MAX_EDITS = 40;
const CHUNK = 2_000;
const DAY = 86_400_000;
const NOTES = ['年底有扩产计划，关注设备需求。', '对价格敏感，报价前先问经理。', '采购流程需要三家比价。', '老板姓陈，周三上午方便联系。',
  'Prefers e-mail; decisions at the end of each quarter.', null];

/** A customer as the walk back through its edits leaves it: the fields the edits touch. */
type EditedFields = Pick<CustomerRow, 'stage' | 'tier' | 'owner_id' | 'notes' | 'next_follow_up_on'>;
type EditedField = keyof EditedFields;

const FIELD_NAMES: Record<EditedField, string> = {
  stage: 'stage',
  tier: 'tier',
  owner_id: 'ownerId',
  notes: 'notes',
  next_follow_up_on: 'nextFollowUpOn',
};
const EDITS: [EditedField, number][] = [
  ['stage', 30],
  ['next_follow_up_on', 30],
  ['notes', 15],
  ['tier', 15],
  ['owner_id', 10],
];

const iso = (ms: number) => new Date(ms).toISOString();

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export async function seedHistory(connection: Connection, options: SeedHistoryOptions): Promise<SeedHistorySummary> {
  const started = performance.now();
  const { db, sqlite } = connection;
  const random = new Random(options.seed ^ 0x41d1_7ed5);
  const { boss, sellers } = await officeStaff(db);
  const write = auditInserter(sqlite);
  const summary: SeedHistorySummary = { entries: 0, busiest: null, ms: 0 };
  const busiestId = await busiestCustomerId(db);

  /** A value the field had before `current`. */
  const earlierValue = (field: EditedField, current: EditedFields, at: number): EditedFields[EditedField] => {
    switch (field) {
      case 'stage':
        return random.pick(customerStages.filter((s) => s !== current.stage));
      case 'tier':
        return random.pick([...customerTiers, null].filter((t) => t !== current.tier));
      case 'owner_id':
        return random.pick(sellers.filter((s) => s !== current.owner_id));
      case 'notes':
        return random.pick(NOTES.filter((n) => n !== current.notes));
      case 'next_follow_up_on':
        return random.chance(0.2) ? null : iso(at + random.int(1, 30) * DAY).slice(0, 10);
    }
  };

  /** The customer's edits, newest first, each undone on `state`, which ends as the customer was created. */
  const editsOf = (customer: CustomerRow, state: EditedFields, count: number): AuditEntry[] => {
    const from = Date.parse(customer.created_at);
    const to = Date.parse(customer.deleted_at ?? customer.updated_at);
    const times = Array.from({ length: count }, () => random.int(from + 60_000, Math.max(from + 60_000, to))).sort((a, b) => b - a);
    return times.map((at) => {
      const field = random.weighted(EDITS);
      const before = earlierValue(field, state, at);
      const changes: FieldChanges = { [FIELD_NAMES[field]]: [before, state[field]] };
      const user = random.chance(0.15) ? boss : (state.owner_id ?? boss);
      (state as Record<EditedField, unknown>)[field] = before;
      return { entity: 'customer', entityId: customer.id, customerId: customer.id, op: 'update', userId: user, at: iso(at), changes };
    });
  };

  // Exponentially spread around the average: most customers have a few edits, some many.
  const editCount = (customer: CustomerRow) =>
    customer.id === busiestId ? BUSIEST_EDITS : Math.min(MAX_EDITS, Math.round(-options.editsPerCustomer * Math.log(1 - random.next())));

  const customerEntries = (customer: CustomerRow, contacts: ContactRow[], tags: string[]): AuditEntry[] => {
    const state: EditedFields = { ...customer };
    const entries = editsOf(customer, state, editCount(customer)).reverse();
    const creator = state.owner_id ?? boss;
    const created = toCustomer({ ...customer, ...state, owner_name: null }, tags);
    const id = customer.id;
    const creation = createdRecord(auditedCustomer(created));
    entries.unshift({ entity: 'customer', entityId: id, customerId: id, op: 'create', userId: creator, at: customer.created_at, changes: creation });
    for (const contact of contacts) {
      const changes = createdRecord(auditedContact(toContact(contact)));
      const at = contact.created_at > customer.created_at ? contact.created_at : customer.created_at;
      entries.push({ entity: 'contact', entityId: contact.id, customerId: id, op: 'create', userId: creator, at, changes });
    }
    const deletion = { customerId: id, op: 'delete', userId: boss, changes: {} } as const;
    if (customer.deleted_at) entries.push({ ...deletion, entity: 'customer', entityId: id, at: customer.deleted_at });
    for (const contact of contacts) if (contact.deleted_at) entries.push({ ...deletion, entity: 'contact', entityId: contact.id, at: contact.deleted_at });
    // In time order, as the app appends them (the history lists by id); the creation first at a tie.
    const ordered = entries.map((entry, order) => ({ entry, order }));
    ordered.sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.order - b.order);
    return ordered.map((e) => e.entry);
  };

  const writeAll = sqlite.transaction((entries: AuditEntry[]) => {
    for (const entry of entries) write(entry);
    summary.entries += entries.length;
  });

  for (let after = 0; ; ) {
    const customers = await db.selectFrom('customers').selectAll().where('id', '>', after).orderBy('id').limit(CHUNK).execute();
    if (customers.length === 0) break;
    const [first, last] = [customers[0]!.id, customers.at(-1)!.id];
    const contacts = await db.selectFrom('contacts').selectAll().where('customer_id', '>=', first).where('customer_id', '<=', last).orderBy('id').execute();
    const tags = await db.selectFrom('customer_tags').select(['customer_id', 'tag']).where('customer_id', '>=', first).where('customer_id', '<=', last).execute();
    const contactsOf = groupBy(contacts, (k) => k.customer_id);
    const tagsOf = groupBy(tags, (t) => t.customer_id);
    const entries = customers.flatMap((customer) => {
      const own = customerEntries(customer, contactsOf.get(customer.id) ?? [], (tagsOf.get(customer.id) ?? []).map((t) => t.tag));
      if (customer.id === busiestId) summary.busiest = { customerId: customer.id, entries: own.length };
      return own;
    });
    writeAll(entries);
    after = last;
  }

  for (let after = 0; ; ) {
    const interactions = await db
      .selectFrom('interactions as i')
      .leftJoin('users as u', 'u.id', 'i.created_by')
      .selectAll('i')
      .select('u.display_name as created_by_name')
      .where('i.id', '>', after)
      .orderBy('i.id')
      .limit(CHUNK * 5)
      .execute();
    if (interactions.length === 0) break;
    writeAll(
      interactions.map((row) => ({
        entity: 'interaction',
        entityId: row.id,
        customerId: null,
        op: 'create',
        userId: row.created_by,
        at: row.created_at,
        changes: createdRecord(auditedInteraction(toInteraction(row, { staff: [], contacts: [] }))),
      })),
    );
    after = interactions.at(-1)!.id;
  }
  summary.ms = performance.now() - started;
  return summary;
}
