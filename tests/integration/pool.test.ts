import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { signInAs } from '../helpers/colleagues.js';
import { apiClient, appErrorOf, OWNER, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

const DAY = 86_400_000;
const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
let rep: { id: number; api: ApiClient };
let other: { id: number; api: ApiClient };

let count = 0;
/** A customer in the pool: created by the owner with nobody as owner. */
async function poolCustomer(name = `公海客户${++count}`) {
  const created = await api.customers.create.mutate({ name, kind: 'company', stage: 'prospect', ownerId: null });
  // Creating without an owner means "me"; handing it to the pool is a release by the owner.
  await api.pool.release.mutate({ kind: 'customer', id: created.id, version: created.version, reason: '测试准备' });
  return api.customers.get.query({ id: created.id });
}

const historyOf = async (client: ApiClient, customerId: number) =>
  (await client.customers.history.query({ customerId, limit: 50 })).items.flatMap((i) => i.changes.filter((c) => c.field === 'poolMove').map((c) => c.after));

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  rep = await signInColleague(t, 'amy', 'sales');
  other = await signInColleague(t, 'ben', 'sales');
  await api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 3, recycleDays: 30, warnDays: 5 });
});
afterAll(() => t.close());

describe('the public pool', () => {
  it('shows unowned customers and leads to sales, through the pool only', async () => {
    const customer = await poolCustomer('无人跟进的客户');
    const lead = await api.leads.create.mutate({ fields: { companyName: '公海线索公司', personName: '周' }, assign: { mode: 'manual', ownerId: null } });
    const customers = await rep.api.pool.list.query({ kind: 'customers' });
    expect(customers.customers.map((c) => c.id)).toContain(customer.id);
    const leads = await rep.api.pool.list.query({ kind: 'leads' });
    expect(leads.leads.map((l) => l.id)).toContain(lead.id);
    // The general customer screens keep their rule: a pool customer is not in a rep's own list.
    expect((await rep.api.customers.list.query({})).items.map((c) => c.id)).not.toContain(customer.id);
    expect((await appErrorOf(rep.api.customers.get.query({ id: customer.id }))).code).toBe('not_found');
  });

  it('claims up to the limit and refuses beyond it with a clear code', async () => {
    const claimed = [];
    for (let i = 0; i < 3; i++) {
      const c = await poolCustomer();
      await rep.api.pool.claim.mutate({ kind: 'customer', id: c.id, version: c.version });
      claimed.push(c.id);
    }
    expect(await rep.api.pool.status.query()).toEqual({ held: 3, limit: 3 });
    const one = await poolCustomer();
    const refused = await appErrorOf(rep.api.pool.claim.mutate({ kind: 'customer', id: one.id, version: one.version }));
    expect(refused).toMatchObject({ code: 'pool_limit', data: { held: 3, limit: 3 } });
    expect((await rep.api.customers.get.query({ id: claimed[0]! })).ownerId).toBe(rep.id);
    expect(await historyOf(rep.api, claimed[0]!)).toContain('claim');

    // Someone else got there first: the record is no longer in the pool.
    await other.api.pool.claim.mutate({ kind: 'customer', id: one.id, version: one.version });
    const late = await appErrorOf(api.pool.claim.mutate({ kind: 'customer', id: one.id, version: one.version }));
    expect(late.fieldErrors).toEqual({ id: 'notInPool' });

    // Releasing needs a reason, and frees a place under the limit.
    const noReason = await appErrorOf(rep.api.pool.release.mutate({ kind: 'customer', id: claimed[0]!, version: 2, reason: '  ' }));
    expect(noReason.fieldErrors).toEqual({ reason: 'required' });
    const current = await rep.api.customers.get.query({ id: claimed[0]! });
    await rep.api.pool.release.mutate({ kind: 'customer', id: current.id, version: current.version, reason: '客户已转向竞争对手' });
    expect(await rep.api.pool.status.query()).toEqual({ held: 2, limit: 3 });
    const history = await api.customers.history.query({ customerId: current.id, limit: 50 });
    expect(history.items[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'ownerId', before: rep.id, after: null },
        { field: 'poolMove', before: null, after: 'release' },
        { field: 'reason', before: null, after: '客户已转向竞争对手' },
      ]),
    );
    // A rep cannot release another rep's customer.
    const theirs = await other.api.customers.get.query({ id: one.id });
    expect((await appErrorOf(rep.api.pool.release.mutate({ kind: 'customer', id: theirs.id, version: theirs.version, reason: '想要' }))).code).toBe('not_found');
  });

  it('claims and releases leads too', async () => {
    const lead = await api.leads.create.mutate({ fields: { personName: '吴' }, assign: { mode: 'manual', ownerId: null } });
    await rep.api.pool.claim.mutate({ kind: 'lead', id: lead.id, version: lead.version });
    const mine = await rep.api.leads.get.query({ id: lead.id });
    expect(mine.ownerId).toBe(rep.id);
    await rep.api.pool.release.mutate({ kind: 'lead', id: lead.id, version: mine.version, reason: '联系不上' });
    expect((await appErrorOf(rep.api.leads.get.query({ id: lead.id }))).code).toBe('not_found');
  });

  it('is for the roles that sell: a service colleague is refused every pool procedure, and their session says so', async () => {
    const service = await signInColleague(t, 'sam', 'service');
    const customer = await poolCustomer('服务人员看不到的客户');
    const calls = [
      service.api.pool.list.query({ kind: 'customers' }),
      service.api.pool.list.query({ kind: 'leads' }),
      service.api.pool.status.query(),
      service.api.pool.settings.query(),
      service.api.pool.claim.mutate({ kind: 'customer', id: customer.id, version: customer.version }),
      service.api.pool.release.mutate({ kind: 'customer', id: customer.id, version: customer.version, reason: '试试' }),
    ];
    for (const call of calls) expect((await appErrorOf(call)).code).toBe('forbidden');
    expect((await api.customers.get.query({ id: customer.id })).ownerId).toBeNull();

    expect((await service.api.auth.status.query()).user?.capabilities).toEqual([]);
    expect((await rep.api.auth.status.query()).user?.capabilities).toEqual(['pool']);
    expect((await api.auth.status.query()).user?.capabilities).toEqual(['administer', 'assign', 'pool']);
  });

  it('only the owner changes the pool settings, and the warning comes before the recycling', async () => {
    expect((await appErrorOf(rep.api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 99, recycleDays: 30, warnDays: 5 }))).code).toBe('forbidden');
    const bad = await appErrorOf(api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 0, recycleDays: 10, warnDays: 10, recycleTime: '24:00' }));
    expect(bad.fieldErrors).toEqual({ claimLimit: 'invalid', warnDays: 'warnBeforeRecycle', recycleTime: 'invalidTime' });
  });
});

/** A host of its own with a clock the test moves, recycling on (30 days, warned 5 before) unless told otherwise. */
async function recyclingHost(recycleEnabled = true) {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const fresh = await startTestHost({ clock });
  if (recycleEnabled) await fresh.api.pool.saveSettings.mutate({ recycleEnabled, claimLimit: 10, recycleDays: 30, warnDays: 5 });
  return { fresh, clock };
}

/** The owner signed in again (sessions expire while the clock jumps by weeks). */
async function ownerOf(fresh: TestHost): Promise<ApiClient> {
  const owner = apiClient(fresh.host);
  await owner.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
  return owner;
}

describe('automatic recycling', () => {
  it('is off until the owner turns it on', async () => {
    const { fresh, clock: freshClock } = await recyclingHost(false);
    try {
      const created = await fresh.api.customers.create.mutate({ name: '老客户', kind: 'company', stage: 'customer' });
      freshClock.advance(400 * DAY);
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [], warned: [] });
      expect((await (await ownerOf(fresh)).customers.get.query({ id: created.id })).ownerId).not.toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('a new owner given on the customer form starts a new cycle', async () => {
    const { fresh, clock: freshClock } = await recyclingHost();
    try {
      const amy = await signInColleague(fresh, 'amy', 'sales');
      const created = await fresh.api.customers.create.mutate({ name: '换人跟进公司', kind: 'company', stage: 'prospect' });
      freshClock.advance(20 * DAY);
      const owner = await ownerOf(fresh);
      await owner.customers.update.mutate({ ...created, id: created.id, version: created.version, ownerId: amy.id });
      freshClock.advance(20 * DAY);
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [], warned: [] });
    } finally {
      await fresh.close();
    }
  });

  it('warns the owner K days before, once, then returns the customer to the pool after N days without follow-up', async () => {
    const { fresh, clock: freshClock } = await recyclingHost();
    try {
      await signInColleague(fresh, 'amy', 'sales');
      // Sessions expire while the clock jumps by weeks: each step signs in again.
      const amy = { api: await signInAs(fresh.host, 'amy') };
      const advance = async (days: number) => {
        freshClock.advance(days * DAY);
        amy.api = await signInAs(fresh.host, 'amy');
        owner = await ownerOf(fresh);
      };
      let owner = fresh.api;
      const idle = await amy.api.customers.create.mutate({ name: '久未跟进公司', kind: 'company', stage: 'prospect' });
      const followed = await amy.api.customers.create.mutate({ name: '常联系公司', kind: 'company', stage: 'prospect' });

      await advance(24);
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [], warned: [] });

      // Day 25: K = 5 days before N = 30. A follow-up on one of them restarts its clock.
      await advance(1);
      await amy.api.interactions.log.mutate({ customerId: followed.id, type: 'call', occurredAt: freshClock.now().toISOString(), content: '回访' });
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [], warned: [idle.id] });
      const warnings = (await amy.api.notifications.list.query({})).items.filter((n) => n.kind === 'pool_recycle_warning');
      expect(warnings).toMatchObject([{ title: '久未跟进公司', data: { customerId: idle.id, recycleAt: '2026-04-01T09:00:00.000Z' } }]);

      // Written once per cycle, however often the check runs.
      await advance(2);
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [], warned: [] });

      await advance(3);
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [idle.id], warned: [] });
      const pool = await amy.api.pool.list.query({ kind: 'customers' });
      expect(pool.customers.map((c) => c.id)).toEqual([idle.id]);
      expect(await historyOf(owner, idle.id)).toEqual(['recycle']);
      expect((await amy.api.notifications.list.query({})).items.filter((n) => n.kind === 'pool_recycle_warning')).toHaveLength(1);

      // Claimed again, a new cycle starts: a new warning comes in due time.
      const back = await owner.customers.get.query({ id: idle.id });
      await amy.api.pool.claim.mutate({ kind: 'customer', id: idle.id, version: back.version });
      await advance(26);
      // (The other customer's follow-up was 31 days ago by now: it goes to the pool.)
      expect(await fresh.host.poolRecycling.check()).toEqual({ recycled: [followed.id], warned: [idle.id] });
    } finally {
      await fresh.close();
    }
  });
});
