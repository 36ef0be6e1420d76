import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

const clock = new TestClock('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
/** An instant `hours` before the test clock's now. */
const hoursAgo = (hours: number) => new Date(clock.now().getTime() - hours * HOUR).toISOString();

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
});
afterAll(() => t.close());

let customerCount = 0;
async function newCustomer(client = api, extra: Record<string, unknown> = {}) {
  customerCount++;
  return client.customers.create.mutate({
    name: `时间线客户${customerCount}`,
    kind: 'company',
    stage: 'prospect',
    primaryContact: { name: `联系人${customerCount}` },
    ...extra,
  });
}

const call = (customerId: number, extra: Record<string, unknown> = {}) => ({
  customerId,
  type: 'call' as const,
  channel: 'mobile',
  direction: 'outbound' as const,
  occurredAt: hoursAgo(1),
  durationMinutes: 12,
  content: '电话沟通了报价，客户希望下周看样品。',
  outcome: '有兴趣',
  nextStep: '寄样品',
  ...extra,
});

const lastContacted = async (customerId: number) => (await api.customers.get.query({ id: customerId })).lastContactedAt;

describe('logging interactions', () => {
  it.each([
    ['call', { channel: 'phone', direction: 'inbound', durationMinutes: 5 }],
    ['email', { direction: 'outbound', content: 'Sent the quotation PDF.' }],
    ['meeting', { channel: 'video', durationMinutes: 45 }],
    ['visit', { channel: 'their_site', durationMinutes: 90 }],
    ['chat', { channel: 'wechat', content: '微信上确认了发货时间' }],
    ['social', { channel: 'xiaohongshu', direction: 'inbound' }],
    ['note', { content: '客户采购负责人下月换人。' }],
  ] as const)('logs a %s with its details, the logger as staff by default', async (type, details) => {
    const customer = await newCustomer();
    const contactId = customer.contacts[0]!.id;
    const { followUpTask, ...logged } = await api.interactions.log.mutate({
      customerId: customer.id,
      type,
      occurredAt: hoursAgo(2),
      outcome: '顺利',
      contactIds: [contactId],
      ...details,
    });
    expect(followUpTask).toBeNull();
    expect(logged).toMatchObject({ customerId: customer.id, type, version: 1, outcome: '顺利', ...details });
    expect(logged.staff).toEqual([{ id: logged.createdBy.id, name: '老板' }]);
    expect(logged.contacts).toEqual([{ id: contactId, name: customer.contacts[0]!.name }]);
    const { items } = await api.interactions.timeline.query({ customerId: customer.id });
    expect(items).toEqual([logged]);
  });

  it('stores the time in UTC whatever offset it was written with', async () => {
    const customer = await newCustomer();
    const logged = await api.interactions.log.mutate(call(customer.id, { occurredAt: '2026-03-02T10:30:00+08:00' }));
    expect(logged.occurredAt).toBe('2026-03-02T02:30:00.000Z');
  });

  it('names several colleagues and contacts', async () => {
    const colleague = await signInColleague(t, 'xiaoli', 'sales');
    const customer = await newCustomer();
    const second = await api.contacts.create.mutate({ customerId: customer.id, name: 'Amy Wang' });
    const logged = await api.interactions.log.mutate(
      call(customer.id, { staffIds: [colleague.id, customer.ownerId!], contactIds: [second.id, customer.contacts[0]!.id] }),
    );
    expect(logged.staff.map((s) => s.name).sort()).toEqual(['xiaoli', '老板']);
    expect(logged.contacts.map((c) => c.name).sort()).toEqual(['Amy Wang', customer.contacts[0]!.name].sort());
  });

  it('announces the interaction and the customer change after commit, and nothing for a refused one', async () => {
    const customer = await newCustomer();
    const events: unknown[] = [];
    const stop = t.host.events.subscribe((event) => events.push(event));
    try {
      const logged = await api.interactions.log.mutate(call(customer.id));
      // Refused inside the transaction (a time in the future): nothing to announce.
      await appErrorOf(api.interactions.log.mutate(call(customer.id, { occurredAt: '2030-01-01T00:00:00Z' })));
      expect(events).toEqual([
        { entity: 'interaction', id: logged.id, op: 'create' },
        { entity: 'customer', id: customer.id, op: 'update' },
      ]);
    } finally {
      stop();
    }
  });

  it('keeps the lead the customer came from and the deal it is about; a lead of another customer is refused', async () => {
    const lead = await api.leads.create.mutate({ fields: { companyName: '样品线索公司', personName: '孙' } });
    const { customerId } = await api.leads.convert.mutate({ id: lead.id, version: lead.version });
    const deal = await api.opportunities.create.mutate({ customerId, name: '样品单', amountMinor: 80_000 });
    const logged = await api.interactions.log.mutate(call(customerId, { leadId: lead.id, opportunityId: deal.id }));
    expect(logged).toMatchObject({ customerId, leadId: lead.id, opportunityId: deal.id });

    const other = await newCustomer();
    const refused = await appErrorOf(api.interactions.log.mutate(call(other.id, { leadId: lead.id })));
    expect(refused.fieldErrors).toEqual({ leadId: 'invalidLink' });
  });

  it('writes an audit entry for create, update and delete', async () => {
    const customer = await newCustomer();
    const logged = await api.interactions.log.mutate(call(customer.id));
    const edited = await api.interactions.update.mutate({ ...logged, ...editable(logged), outcome: '已成交' });
    await api.interactions.delete.mutate({ id: edited.id, version: edited.version });
    const entries = await t.host.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'interaction')
      .where('entity_id', '=', logged.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.op)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(entries[1]!.changes)).toEqual({ outcome: ['有兴趣', '已成交'] });
  });
});

/** The fields an update sends back: people as ids. */
function editable(i: { staff: { id: number }[]; contacts: { id: number }[] }) {
  return { staffIds: i.staff.map((s) => s.id), contactIds: i.contacts.map((c) => c.id) };
}

describe("the customer's last contact and next follow-up", () => {
  it('is the latest interaction; an older one or a note does not move it back', async () => {
    const customer = await newCustomer();
    expect(customer.lastContactedAt).toBeNull();
    await api.interactions.log.mutate(call(customer.id, { occurredAt: hoursAgo(5) }));
    expect(await lastContacted(customer.id)).toBe(hoursAgo(5));
    await api.interactions.log.mutate(call(customer.id, { occurredAt: hoursAgo(48) }));
    expect(await lastContacted(customer.id)).toBe(hoursAgo(5));
    await api.interactions.log.mutate({ customerId: customer.id, type: 'note', occurredAt: hoursAgo(1), content: '内部备注' });
    expect(await lastContacted(customer.id)).toBe(hoursAgo(5));
  });

  it('is recomputed when the latest is deleted or moved, and cleared when none is left', async () => {
    const customer = await newCustomer();
    const older = await api.interactions.log.mutate(call(customer.id, { occurredAt: hoursAgo(30) }));
    const latest = await api.interactions.log.mutate(call(customer.id, { occurredAt: hoursAgo(3) }));
    expect(await lastContacted(customer.id)).toBe(hoursAgo(3));

    const moved = await api.interactions.update.mutate({ ...latest, ...editable(latest), occurredAt: hoursAgo(50) });
    expect(await lastContacted(customer.id)).toBe(hoursAgo(30));

    await api.interactions.delete.mutate({ id: older.id, version: older.version });
    expect(await lastContacted(customer.id)).toBe(hoursAgo(50));
    await api.interactions.delete.mutate({ id: moved.id, version: moved.version });
    expect(await lastContacted(customer.id)).toBeNull();
  });

  it('does not change the customer version (a colleague editing the customer is not refused)', async () => {
    const customer = await newCustomer();
    await api.interactions.log.mutate(call(customer.id));
    const after = await api.customers.get.query({ id: customer.id });
    expect(after.version).toBe(customer.version);
    await api.customers.update.mutate({ ...after, notes: '并发编辑' });
  });

  it('sets the next follow-up date agreed in the interaction, as an audited customer change', async () => {
    const customer = await newCustomer();
    await api.interactions.log.mutate(call(customer.id, { nextFollowUpOn: '2026-03-09', followUp: { timeZone: 'Asia/Shanghai' } }));
    const after = await api.customers.get.query({ id: customer.id });
    expect(after).toMatchObject({ nextFollowUpOn: '2026-03-09', version: customer.version + 1 });
    const audit = await t.host.services.db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity', '=', 'customer')
      .where('entity_id', '=', customer.id)
      .where('op', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toEqual({ nextFollowUpOn: [null, '2026-03-09'] });
  });
});

describe('the timeline', () => {
  it('pages newest first with a cursor, without gaps or repeats, even with equal times', async () => {
    const customer = await newCustomer();
    const types = ['call', 'email', 'meeting', 'chat', 'visit'] as const;
    for (let i = 0; i < 23; i++) {
      // Pairs of interactions share a time, so the id breaks the tie.
      const type = types[i % types.length]!;
      await api.interactions.log.mutate({
        customerId: customer.id,
        type,
        occurredAt: hoursAgo(100 - Math.floor(i / 2)),
        content: `第${i}次`,
      });
    }
    const seen: string[] = [];
    let cursor: { occurredAt: string; id: number } | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof api.interactions.timeline.query>> = await api.interactions.timeline.query({
        customerId: customer.id,
        limit: 10,
        cursor,
      });
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.content!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 3]);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `第${22 - i}次`));
  });

  it('filters by type', async () => {
    const customer = await newCustomer();
    await api.interactions.log.mutate(call(customer.id));
    await api.interactions.log.mutate({ customerId: customer.id, type: 'email', occurredAt: hoursAgo(2) });
    await api.interactions.log.mutate({ customerId: customer.id, type: 'visit', occurredAt: hoursAgo(3) });
    const { items } = await api.interactions.timeline.query({ customerId: customer.id, types: ['email', 'visit'] });
    expect(items.map((i) => i.type)).toEqual(['email', 'visit']);
  });

  it('leaves deleted interactions out', async () => {
    const customer = await newCustomer();
    const logged = await api.interactions.log.mutate(call(customer.id));
    await api.interactions.delete.mutate({ id: logged.id, version: 1 });
    expect((await api.interactions.timeline.query({ customerId: customer.id })).items).toEqual([]);
  });
});

describe('the trash', () => {
  it("purging a customer removes its interactions; its other customers' are untouched", async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    await api.interactions.log.mutate(call(customer.id, { contactIds: [customer.contacts[0]!.id] }));
    await api.interactions.log.mutate(call(other.id));
    await api.customers.delete.mutate({ id: customer.id });
    const { db } = t.host.services;
    const deleted = await db.selectFrom('customers').select('version').where('id', '=', customer.id).executeTakeFirstOrThrow();
    await api.trash.purge.mutate({ kind: 'customer', id: customer.id, version: deleted.version });

    const left = await db
      .selectFrom('interactions')
      .select('customer_id')
      .where('customer_id', 'in', [customer.id, other.id])
      .execute();
    expect(left).toEqual([{ customer_id: other.id }]);
  });

  it('a customer in the trash has no timeline to read or log to', async () => {
    const customer = await newCustomer();
    await api.customers.delete.mutate({ id: customer.id });
    expect((await appErrorOf(api.interactions.timeline.query({ customerId: customer.id }))).code).toBe('not_found');
    expect((await appErrorOf(api.interactions.log.mutate(call(customer.id)))).code).toBe('not_found');
  });
});

describe('conflicts', () => {
  it('refuses an update or delete of a stale version, with the current record', async () => {
    const customer = await newCustomer();
    const logged = await api.interactions.log.mutate(call(customer.id));
    const edited = await api.interactions.update.mutate({ ...logged, ...editable(logged), outcome: '第一次修改' });
    expect(edited.version).toBe(2);

    const stale = await appErrorOf(api.interactions.update.mutate({ ...logged, ...editable(logged), outcome: '过期修改' }));
    expect(stale).toMatchObject({ code: 'conflict', data: { id: logged.id, outcome: '第一次修改', version: 2 } });
    expect((await appErrorOf(api.interactions.delete.mutate({ id: logged.id, version: 1 }))).code).toBe('conflict');
    expect((await api.interactions.timeline.query({ customerId: customer.id })).items[0]).toMatchObject({
      outcome: '第一次修改',
      version: 2,
    });
  });
});

describe('bad input is refused with field errors, and nothing is written', () => {
  let customer: Awaited<ReturnType<typeof newCustomer>>;
  let otherContactId: number;
  beforeAll(async () => {
    customer = await newCustomer();
    otherContactId = (await newCustomer()).contacts[0]!.id;
  });

  it.each([
    [{ durationMinutes: -5 }, 'durationMinutes', 'invalidDuration'],
    [{ durationMinutes: 100_000 }, 'durationMinutes', 'invalidDuration'],
    [{ durationMinutes: 1.5 }, 'durationMinutes', 'invalid'],
    [{ type: 'telegram' }, 'type', 'required'],
    [{ channel: 'weibo' }, 'channel', 'invalid'],
    [{ direction: 'sideways' }, 'direction', 'invalid'],
    [{ occurredAt: 'yesterday' }, 'occurredAt', 'invalidDate'],
    [{ occurredAt: '2026-03-05T09:00:00Z' }, 'occurredAt', 'inFuture'],
    [{ nextFollowUpOn: '2026-02-30' }, 'nextFollowUpOn', 'invalidDate'],
    [{ content: 'x'.repeat(10_001) }, 'content', 'tooLong'],
    [{ type: 'note', channel: null, direction: null, content: '  ' }, 'content', 'required'],
    [{ staffIds: [9999] }, 'staffIds', 'invalidStaff'],
  ])('%j → %s: %s', async (override, field, message) => {
    const error = await appErrorOf(api.interactions.log.mutate({ ...call(customer.id), ...override } as never));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.[field]).toBe(message);
    expect((await api.interactions.timeline.query({ customerId: customer.id })).items).toEqual([]);
  });

  it('refuses a contact of another customer', async () => {
    const error = await appErrorOf(api.interactions.log.mutate(call(customer.id, { contactIds: [otherContactId] })));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { contactIds: 'contactNotOfCustomer' } });
    expect(await lastContacted(customer.id)).toBeNull();
  });

  it('refuses a customer that does not exist', async () => {
    expect((await appErrorOf(api.interactions.log.mutate(call(987_654)))).code).toBe('not_found');
  });
});

describe('visibility', () => {
  it("a sales rep can neither log to nor read another rep's customer's timeline", async () => {
    const rep1 = await signInColleague(t, 'rep1', 'sales');
    const rep2 = await signInColleague(t, 'rep2', 'sales');
    const customer = await newCustomer(rep1.api);
    const { followUpTask: _, ...logged } = await rep1.api.interactions.log.mutate(call(customer.id));

    expect((await appErrorOf(rep2.api.interactions.log.mutate(call(customer.id)))).code).toBe('not_found');
    expect((await appErrorOf(rep2.api.interactions.timeline.query({ customerId: customer.id }))).code).toBe('not_found');
    const edit = { ...logged, ...editable(logged), outcome: '篡改' };
    expect((await appErrorOf(rep2.api.interactions.update.mutate(edit))).code).toBe('not_found');
    expect((await appErrorOf(rep2.api.interactions.delete.mutate({ id: logged.id, version: 1 }))).code).toBe('not_found');

    // The rep's own view and the owner's are intact.
    expect((await rep1.api.interactions.timeline.query({ customerId: customer.id })).items).toEqual([logged]);
    expect((await api.interactions.timeline.query({ customerId: customer.id })).items).toHaveLength(1);
  });
});

describe('customer list: contact recency filters', () => {
  it('filters on last contacted, not contacted for a while, and next follow-up', async () => {
    const tag = 'recency-test';
    const recent = await newCustomer(api, { tags: [tag], name: '最近联系', nextFollowUpOn: '2026-03-05' });
    const stale = await newCustomer(api, { tags: [tag], name: '很久没联系', nextFollowUpOn: '2026-02-20' });
    await newCustomer(api, { tags: [tag], name: '从未联系' });
    await api.interactions.log.mutate(call(recent.id, { occurredAt: hoursAgo(24) }));
    await api.interactions.log.mutate(call(stale.id, { occurredAt: hoursAgo(24 * 40) }));

    // With a tag too, so the count cannot take the tag-only shortcut and must apply these filters.
    const names = async (filter: Record<string, string>) => {
      const { items, total } = await api.customers.list.query({ tag, sort: 'name', direction: 'asc', ...filter });
      expect(total).toBe(items.length);
      return items.map((c) => c.name).sort();
    };
    expect(await names({ lastContactedFrom: hoursAgo(24 * 7) })).toEqual(['最近联系']);
    expect(await names({ lastContactedTo: hoursAgo(24 * 7) })).toEqual(['很久没联系']);
    expect(await names({ notContactedSince: hoursAgo(24 * 30) })).toEqual(['从未联系', '很久没联系'].sort());
    // Overdue (to yesterday) and within the next 7 days (today to today + 7).
    expect(await names({ nextFollowUpTo: '2026-03-01' })).toEqual(['很久没联系']);
    expect(await names({ nextFollowUpFrom: '2026-03-02', nextFollowUpTo: '2026-03-09' })).toEqual(['最近联系']);
  });

  it('refuses a malformed date filter with a field error', async () => {
    const error = await appErrorOf(api.customers.list.query({ nextFollowUpTo: '2026-13-01' }));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { nextFollowUpTo: 'invalidDate' } });
  });
});

describe('interactions on a deal', () => {
  it('count as the deal\'s activity, without changing its version; a deal of another customer is refused', async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '年度维保', amountMinor: 1_200_000 });
    const foreign = await api.opportunities.create.mutate({ customerId: other.id, name: '别家的单子', amountMinor: 100 });

    await api.interactions.log.mutate(call(customer.id, { opportunityId: deal.id, occurredAt: hoursAgo(2) }));
    const after = await api.opportunities.get.query({ id: deal.id });
    expect(after.lastActivityAt).toBe(hoursAgo(2));
    expect(after.version).toBe(deal.version);

    // An older interaction logged later does not move the activity back.
    await api.interactions.log.mutate(call(customer.id, { opportunityId: deal.id, occurredAt: hoursAgo(30) }));
    expect((await api.opportunities.get.query({ id: deal.id })).lastActivityAt).toBe(hoursAgo(2));

    const error = await appErrorOf(api.interactions.log.mutate(call(customer.id, { opportunityId: foreign.id })));
    expect(error?.fieldErrors).toEqual({ opportunityId: 'invalidLink' });
  });
});
