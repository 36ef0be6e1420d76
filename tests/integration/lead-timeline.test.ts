import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, type Colleague } from '../helpers/colleagues.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

const clock = new TestClock('2026-03-02T09:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000).toISOString();

let t: TestHost;
let api: ApiClient;
let amy: Colleague;
let ben: Colleague;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  amy = await addColleague(t.host, { username: 'amy.leads', displayName: 'Amy', role: 'sales' });
  ben = await addColleague(t.host, { username: 'ben.leads', displayName: 'Ben', role: 'sales' });
});
afterAll(() => t.close());

let count = 0;
const newLead = (client: ApiClient) => client.leads.create.mutate({ fields: { companyName: `线索公司${++count}`, personName: '周' } });
const call = (leadId: number, extra: Record<string, unknown> = {}) => ({
  leadId,
  type: 'call' as const,
  direction: 'outbound' as const,
  occurredAt: minutesAgo(30),
  content: '第一次电话，介绍了产品。',
  ...extra,
});

describe("a lead's interactions", () => {
  it("are logged against the lead alone and read on the lead's timeline, newest first", async () => {
    const lead = await newLead(amy.api);
    const first = await amy.api.interactions.log.mutate(call(lead.id, { occurredAt: minutesAgo(90) }));
    const second = await amy.api.interactions.log.mutate(call(lead.id, { type: 'chat', channel: 'wechat', content: '加了微信' }));
    expect(first).toMatchObject({ customerId: null, leadId: lead.id, staff: [{ id: amy.id, name: 'Amy' }] });
    const { items } = await amy.api.interactions.timeline.query({ leadId: lead.id });
    expect(items.map((i) => i.id)).toEqual([second.id, first.id]);
    const calls = await amy.api.interactions.timeline.query({ leadId: lead.id, types: ['call'] });
    expect(calls.items.map((i) => i.id)).toEqual([first.id]);
  });

  it('are edited and deleted like a customer\'s, and stay with their lead', async () => {
    const lead = await newLead(amy.api);
    const other = await newLead(amy.api);
    const { followUpTask: _, ...logged } = await amy.api.interactions.log.mutate(call(lead.id));
    const edited = await amy.api.interactions.update.mutate({ ...logged, staffIds: [amy.id], contactIds: [], outcome: '约了演示' });
    expect(edited).toMatchObject({ outcome: '约了演示', version: 2, leadId: lead.id });
    const moved = await appErrorOf(amy.api.interactions.update.mutate({ ...edited, staffIds: [], contactIds: [], leadId: other.id }));
    expect(moved.fieldErrors).toEqual({ leadId: 'invalidLink' });
    await amy.api.interactions.delete.mutate({ id: edited.id, version: edited.version });
    expect((await amy.api.interactions.timeline.query({ leadId: lead.id })).items).toEqual([]);
  });

  it('refuse what only a customer has: contacts and deals; and need a customer or a lead', async () => {
    const lead = await newLead(api);
    const customer = await api.customers.create.mutate({ name: '有联系人的客户', kind: 'company', stage: 'prospect', primaryContact: { name: '陈' } });
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '别的商机', amountMinor: 1_000_00 });
    const refused = await appErrorOf(api.interactions.log.mutate(call(lead.id, { contactIds: [customer.contacts[0]!.id], opportunityId: deal.id })));
    expect(refused.fieldErrors).toEqual({ contactIds: 'contactNotOfCustomer', opportunityId: 'invalidLink' });
    const nobody = await appErrorOf(api.interactions.log.mutate({ type: 'call', occurredAt: minutesAgo(5) }));
    expect(nobody.fieldErrors).toEqual({ customerId: 'required' });
    const both = await appErrorOf(api.interactions.timeline.query({ customerId: customer.id, leadId: lead.id }));
    expect(both.fieldErrors).toEqual({ customerId: 'required' });
  });

  it('are logged on the customer once the lead is converted', async () => {
    const lead = await newLead(api);
    const { customerId } = await api.leads.convert.mutate({ id: lead.id, version: lead.version, confirmDuplicates: true });
    const refused = await appErrorOf(api.interactions.log.mutate(call(lead.id)));
    expect(refused.fieldErrors).toEqual({ leadId: 'leadConverted' });
    const onCustomer = await api.interactions.log.mutate(call(lead.id, { customerId }));
    expect((await api.interactions.timeline.query({ leadId: lead.id })).items.map((i) => i.id)).toEqual([onCustomer.id]);
  });

  it("are out of reach for a rep who cannot see the lead", async () => {
    const lead = await newLead(amy.api);
    const { followUpTask: _, ...logged } = await amy.api.interactions.log.mutate(call(lead.id));
    expect((await appErrorOf(ben.api.interactions.log.mutate(call(lead.id)))).code).toBe('not_found');
    expect((await appErrorOf(ben.api.interactions.timeline.query({ leadId: lead.id }))).code).toBe('not_found');
    const edit = { ...logged, staffIds: [], contactIds: [], outcome: '篡改' };
    expect((await appErrorOf(ben.api.interactions.update.mutate(edit))).code).toBe('not_found');
    expect((await appErrorOf(ben.api.interactions.delete.mutate({ id: logged.id, version: 1 }))).code).toBe('not_found');
  });
});

describe("a lead's history", () => {
  it('lists its own changes newest first, with the owners named, for those who may see the lead', async () => {
    const lead = await newLead(api);
    const edited = await api.leads.update.mutate({ id: lead.id, version: lead.version, fields: { companyName: lead.companyName, personName: '周', status: 'contacted', score: 40 } });
    await api.leads.assign.mutate({ id: lead.id, version: edited.version, assign: { mode: 'manual', ownerId: amy.id } });
    const history = await amy.api.leads.history.query({ leadId: lead.id });
    expect(history.total).toBe(3);
    expect(history.items.map((e) => [e.entity, e.op])).toEqual([
      ['lead', 'update'],
      ['lead', 'update'],
      ['lead', 'create'],
    ]);
    expect(history.items[0]!.changes).toEqual(expect.arrayContaining([{ field: 'ownerId', before: expect.any(Number), after: amy.id }]));
    expect(history.userNames[amy.id]).toBe('Amy');
    expect(history.items[1]!.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'new', after: 'contacted' }]));
    expect((await appErrorOf(ben.api.leads.history.query({ leadId: lead.id }))).code).toBe('not_found');
  });
});
