import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, OWNER, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
/** A colleague who may see and edit everything the owner makes. */
let li: ApiClient;

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  li = (await signInColleague(t, '李雷', 'admin')).api;
});
afterAll(() => t.close());

const newCustomer = (name: string) =>
  api.customers.create.mutate({ name, kind: 'company', stage: 'prospect', primaryContact: { name: `${name}联系人` } });

/**
 * The owner's save from the version both started from, after the colleague saved: refused, carrying the
 * record exactly as its form reads it now (`current`) and the colleague's name.
 */
async function expectRefused(save: Promise<unknown>, current: unknown, updatedByName = '李雷') {
  const refused = await appErrorOf(save);
  expect(refused.code).toBe('conflict');
  expect(refused.data).toEqual({ ...(current as object), updatedByName });
}

describe('no lost edits: a stale save is refused with the record as it is now and who saved it', () => {
  it('a deal edited by a colleague', async () => {
    const customer = await newCustomer('并发商机客户');
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '年度采购', amountMinor: 100_000_00 });
    await li.opportunities.update.mutate({ ...deal, name: '年度采购（二期）' });
    // An hour on, the deal is still far from idle, in the refusal as on its page.
    clock.advance(3_600_000);

    const current = await api.opportunities.get.query({ id: deal.id });
    await expectRefused(api.opportunities.update.mutate({ ...deal, amountMinor: 150_000_00 }), current);
    expect(current).toMatchObject({ name: '年度采购（二期）', amountMinor: 100_000_00, version: deal.version + 1 });
  });

  it('a deal a colleague moved on the board', async () => {
    const customer = await newCustomer('拖动商机客户');
    const deal = await api.opportunities.create.mutate({ customerId: customer.id, name: '样品采购', amountMinor: 5_000_00 });
    const stages = await api.pipeline.stages.query();
    const proposal = stages.find((s) => s.labelKey === 'proposal')!;
    await li.opportunities.move.mutate({ id: deal.id, version: deal.version, stageId: proposal.id, lostReason: null });

    const current = await api.opportunities.get.query({ id: deal.id });
    await expectRefused(api.opportunities.update.mutate({ ...deal, notes: '客户要先看样品' }), current);
    expect(current.stageId).toBe(proposal.id);
  });

  it('a task a colleague edited, and one they marked done', async () => {
    const task = await api.tasks.create.mutate({ title: '准备合同', dueAt: '2026-03-05T02:00:00Z' });
    await li.tasks.update.mutate({ ...task, title: '准备合同（第二版）' });
    const current = await api.tasks.get.query({ id: task.id });
    await expectRefused(api.tasks.update.mutate({ ...task, priority: 'high' }), current);
    expect(current).toMatchObject({ title: '准备合同（第二版）', priority: 'normal' });

    await li.tasks.setStatus.mutate({ id: task.id, version: current.version, status: 'done' });
    const done = await api.tasks.get.query({ id: task.id });
    await expectRefused(api.tasks.update.mutate({ ...current, notes: '带上公章' }), done);
    expect(done.status).toBe('done');
  });

  it('a lead', async () => {
    const fields = { companyName: '星河贸易有限公司', personName: '王芳', mobile: '13812345678', source: 'website' };
    const lead = await api.leads.create.mutate({ fields });
    await li.leads.update.mutate({ id: lead.id, version: lead.version, fields: { ...fields, city: '深圳' } });

    const current = await api.leads.get.query({ id: lead.id });
    await expectRefused(api.leads.update.mutate({ id: lead.id, version: lead.version, fields: { ...fields, score: 80 } }), current);
    expect(current).toMatchObject({ city: '深圳', score: 0 });
  });

  it('a contact', async () => {
    const customer = await newCustomer('并发联系人客户');
    const contact = customer.contacts[0]!;
    await li.contacts.update.mutate({ ...contact, title: '采购经理' });

    const current = (await api.customers.get.query({ id: customer.id })).contacts[0]!;
    await expectRefused(api.contacts.update.mutate({ ...contact, email: 'buyer@example.com' }), current);
    expect(current).toMatchObject({ title: '采购经理', email: null });
  });

  it('an interaction', async () => {
    const customer = await newCustomer('并发跟进客户');
    const logged = await api.interactions.log.mutate({ customerId: customer.id, type: 'note', occurredAt: clock.now().toISOString(), content: '客户下月换采购负责人。' });
    const fields = { ...logged, staffIds: logged.staff.map((s) => s.id), contactIds: [] };
    await li.interactions.update.mutate({ ...fields, outcome: '已确认' });

    const [current] = (await api.interactions.timeline.query({ customerId: customer.id })).items;
    await expectRefused(api.interactions.update.mutate({ ...fields, nextStep: '拜访新负责人' }), current);
    expect(current).toMatchObject({ outcome: '已确认', nextStep: null });
  });

  it("names whoever saved the record itself last, not who changed one of its contacts", async () => {
    const customer = await newCustomer('编辑人客户');
    const fields = { ...customer, ownerId: customer.ownerId };
    const saved = await li.customers.update.mutate({ ...fields, city: '杭州' });
    await api.contacts.update.mutate({ ...customer.contacts[0]!, title: '总经理' });

    const current = await api.customers.get.query({ id: customer.id });
    await expectRefused(api.customers.update.mutate({ ...fields, industry: '制造' }), current);

    // Once the owner saves it, the owner is its last editor.
    await api.customers.update.mutate({ ...fields, version: saved.version, industry: '制造' });
    const latest = await api.customers.get.query({ id: customer.id });
    await expectRefused(li.customers.update.mutate({ ...fields, version: saved.version, tier: 'A' }), latest, OWNER.displayName);
  });
});
