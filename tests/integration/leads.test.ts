import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
let teamId: number;
let reps: { id: number; api: ApiClient }[];
let outsider: { id: number; api: ApiClient };

async function addTeam(name: string): Promise<number> {
  const row = await t.host.services.db
    .insertInto('teams')
    .values({ name, manager_id: null, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const lead = (fields: Record<string, unknown> = {}) => ({ companyName: '星河贸易有限公司', personName: '王芳', mobile: '13812345678', source: 'website', ...fields });

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  teamId = await addTeam('华南销售部');
  reps = [
    await signInColleague(t, 'amy', 'sales', teamId),
    await signInColleague(t, 'ben', 'sales', teamId),
    await signInColleague(t, 'cat', 'sales', teamId),
  ];
  outsider = await signInColleague(t, 'dan', 'sales');
});
afterAll(() => t.close());

describe('leads', () => {
  it('creates, edits with a version check, and refuses bad fields with field errors', async () => {
    const created = await reps[0]!.api.leads.create.mutate({ fields: lead({ score: 40 }) });
    expect(created).toMatchObject({ companyName: '星河贸易有限公司', status: 'new', score: 40, ownerId: reps[0]!.id });

    const updated = await reps[0]!.api.leads.update.mutate({ id: created.id, version: created.version, fields: lead({ status: 'contacted', score: 55 }) });
    expect(updated).toMatchObject({ status: 'contacted', score: 55, version: created.version + 1 });
    const stale = await appErrorOf(reps[0]!.api.leads.update.mutate({ id: created.id, version: created.version, fields: lead() }));
    expect(stale.code).toBe('conflict');

    const bad = await appErrorOf(api.leads.create.mutate({ fields: { companyName: '', personName: '', score: 101, mobile: '123', source: 'carrier pigeon' } }));
    expect(bad.code).toBe('validation');
    expect(bad.fieldErrors).toMatchObject({ 'fields.companyName': 'required', 'fields.score': 'invalid', 'fields.mobile': 'invalidMobile' });
    const unknownSource = await appErrorOf(api.leads.create.mutate({ fields: lead({ source: 'carrier pigeon' }) }));
    expect(unknownSource.fieldErrors).toEqual({ source: 'invalid' });
  });

  it("edits a lead's source to another on the list, and refuses one not on it", async () => {
    const created = await api.leads.create.mutate({ fields: lead() });
    const moved = await api.leads.update.mutate({ id: created.id, version: created.version, fields: lead({ source: 'exhibition' }) });
    expect(moved).toMatchObject({ source: 'exhibition', version: created.version + 1 });
    const unknown = await appErrorOf(api.leads.update.mutate({ id: created.id, version: moved.version, fields: lead({ source: 'carrier pigeon' }) }));
    expect(unknown.fieldErrors).toEqual({ source: 'invalid' });
  });

  it('keeps the source list editable in settings, by the owner or a manager only', async () => {
    expect(await api.leads.sources.query()).toContain('exhibition');
    await api.leads.saveSources.mutate({ sources: ['website', 'referral', 'exhibition', 'advertising', 'phone', 'social', 'other', 'trade fair'] });
    const created = await api.leads.create.mutate({ fields: lead({ source: 'trade fair' }) });
    expect(created.source).toBe('trade fair');
    expect((await appErrorOf(reps[0]!.api.leads.saveSources.mutate({ sources: ['x'] }))).code).toBe('forbidden');
  });

  it('finds leads by a part of the company or person, by phone digits however typed, by e-mail; an edit re-indexes', async () => {
    const found = async (client: ApiClient, search: string) => (await client.leads.list.query({ search })).items.map((l) => l.id);
    const created = await reps[2]!.api.leads.create.mutate({
      fields: lead({ companyName: '杭州安思特科技有限公司', personName: '欧阳明轩', mobile: '13906781234', email: 'mingxuan@ansite.cn' }),
    });
    for (const search of ['安思', '安思特科技', '明轩', '欧', '1234', '139 0678', '+86 139-0678-1234', 'mingxuan@', '安思 明轩']) {
      expect(await found(reps[2]!.api, search), search).toEqual([created.id]);
    }
    expect(await found(reps[2]!.api, '安思 王芳')).toEqual([]);
    // Another rep's lead stays out of sight in a search as in the list.
    expect(await found(outsider.api, '安思')).toEqual([]);

    const renamed = await reps[2]!.api.leads.update.mutate({
      id: created.id,
      version: created.version,
      fields: lead({ companyName: '宁波远洋贸易有限公司', personName: '欧阳明轩', mobile: null, email: null }),
    });
    expect(await found(reps[2]!.api, '安思')).toEqual([]);
    expect(await found(reps[2]!.api, '1234')).toEqual([]);
    expect(await found(reps[2]!.api, '远洋')).toEqual([renamed.id]);
    const total = (await reps[2]!.api.leads.list.query({ search: '远洋', limit: 1 })).total;
    expect(total).toBe(1);

    // The pool's lead list searches the same index.
    const pooled = await api.leads.create.mutate({ fields: lead({ companyName: '公海里的星辰公司', mobile: '13577778888' }), assign: { mode: 'manual', ownerId: null } });
    expect((await reps[0]!.api.pool.list.query({ kind: 'leads', search: '7777 8888' })).leads.map((l) => l.id)).toEqual([pooled.id]);
    expect((await reps[0]!.api.pool.list.query({ kind: 'leads', search: '星辰' })).leads.map((l) => l.id)).toEqual([pooled.id]);
  });

  it("a sales rep cannot read or change another rep's lead", async () => {
    const mine = await reps[1]!.api.leads.create.mutate({ fields: lead({ companyName: '只属于本的公司' }) });
    expect((await appErrorOf(outsider.api.leads.get.query({ id: mine.id }))).code).toBe('not_found');
    expect((await appErrorOf(outsider.api.leads.update.mutate({ id: mine.id, version: mine.version, fields: lead() }))).code).toBe('not_found');
    expect((await appErrorOf(outsider.api.leads.delete.mutate({ id: mine.id }))).code).toBe('not_found');
    expect((await appErrorOf(outsider.api.leads.convert.mutate({ id: mine.id, version: mine.version }))).code).toBe('not_found');
    const list = await outsider.api.leads.list.query({});
    expect(list.items.map((l) => l.id)).not.toContain(mine.id);
    // Nor hand it to themselves.
    expect((await appErrorOf(outsider.api.leads.assign.mutate({ id: mine.id, version: mine.version, assign: { mode: 'manual', ownerId: outsider.id } }))).code).toBe('not_found');
    expect((await appErrorOf(outsider.api.leads.assign.mutate({ id: mine.id, version: mine.version, assign: { mode: 'roundRobin', teamId } }))).code).toBe('forbidden');
  });
});

describe('assignment', () => {
  it('round-robin is fair across a team: 30 leads over 3 reps gives 10 each, in a rotating order', async () => {
    const owners: number[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await api.leads.create.mutate({ fields: lead({ companyName: `轮询公司${i}` }), assign: { mode: 'roundRobin', teamId } });
      owners.push(created.ownerId!);
    }
    const counts = reps.map((r) => owners.filter((o) => o === r.id).length);
    expect(counts).toEqual([10, 10, 10]);
    // Every three consecutive leads go to three different reps, in the same turn each round.
    for (let i = 0; i < 30; i += 3) expect(new Set(owners.slice(i, i + 3)).size).toBe(3);
    expect(owners.slice(3, 6)).toEqual(owners.slice(0, 3));
  });

  it('a rep who joins the team catches up before the rotation moves on', async () => {
    const fresh = await startTestHost({ clock });
    try {
      const team = (await fresh.host.services.db.insertInto('teams').values({ name: 'T', manager_id: null, created_at: clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
      const a = await signInColleague(fresh, 'a1', 'sales', team);
      const b = await signInColleague(fresh, 'b1', 'sales', team);
      const assign = { mode: 'roundRobin' as const, teamId: team };
      const first = [];
      for (let i = 0; i < 4; i++) first.push((await fresh.api.leads.create.mutate({ fields: lead({ companyName: `先${i}` }), assign })).ownerId);
      expect(first.filter((o) => o === a.id)).toHaveLength(2);
      expect(first.filter((o) => o === b.id)).toHaveLength(2);
      const c = await signInColleague(fresh, 'c1', 'sales', team);
      const next = [];
      for (let i = 0; i < 2; i++) next.push((await fresh.api.leads.create.mutate({ fields: lead({ companyName: `后${i}` }), assign })).ownerId);
      expect(next).toEqual([c.id, c.id]);
      const empty = (await fresh.host.services.db.insertInto('teams').values({ name: 'E', manager_id: null, created_at: clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
      const error = await appErrorOf(fresh.api.leads.create.mutate({ fields: lead(), assign: { mode: 'roundRobin', teamId: empty } }));
      expect(error.fieldErrors).toEqual({ teamId: 'emptyTeam' });
    } finally {
      await fresh.close();
    }
  });

  it('by rule: source or region routes to a user or a team; no match leaves the lead in the pool', async () => {
    await api.leads.saveRules.mutate({
      rules: [
        { matchField: 'source', matchValue: 'exhibition', userId: outsider.id },
        { matchField: 'region', matchValue: '广东', teamId },
      ],
    });
    expect(await api.leads.rules.query()).toHaveLength(2);
    const byRule = { mode: 'rule' as const };
    const fromFair = await api.leads.create.mutate({ fields: lead({ source: 'exhibition', province: '广东' }), assign: byRule });
    expect(fromFair.ownerId).toBe(outsider.id);
    const fromRegion = await api.leads.create.mutate({ fields: lead({ source: 'website', province: '广东' }), assign: byRule });
    expect(reps.map((r) => r.id)).toContain(fromRegion.ownerId);
    const unmatched = await api.leads.create.mutate({ fields: lead({ source: 'phone', province: '四川' }), assign: byRule });
    expect(unmatched.ownerId).toBeNull();

    // Re-assigning later is in the lead's history.
    const moved = await api.leads.assign.mutate({ id: unmatched.id, version: unmatched.version, assign: { mode: 'manual', ownerId: reps[2]!.id } });
    expect(moved.ownerId).toBe(reps[2]!.id);
    const audit = await t.host.services.db.selectFrom('audit_log').selectAll().where('entity', '=', 'lead').where('entity_id', '=', unmatched.id).orderBy('id').execute();
    expect(audit.map((a) => a.op)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toEqual({ ownerId: [null, reps[2]!.id], assignment: [null, 'manual'] });

    const bad = await appErrorOf(api.leads.saveRules.mutate({ rules: [{ matchField: 'source', matchValue: 'web', userId: 9999 }] }));
    expect(bad.fieldErrors).toEqual({ 'rules.0.userId': 'invalidOwner' });
    expect((await appErrorOf(reps[0]!.api.leads.saveRules.mutate({ rules: [] }))).code).toBe('forbidden');
  });
});

describe('conversion', () => {
  it('makes a customer and contact (and a deal), and the lead history follows to the customer', async () => {
    const rep = reps[0]!;
    const created = await rep.api.leads.create.mutate({ fields: lead({ companyName: '蓝海科技有限公司', personName: '李雷', mobile: '13900001111', email: 'li@lanhai.cn' }) });
    const edited = await rep.api.leads.update.mutate({ id: created.id, version: created.version, fields: lead({ companyName: '蓝海科技有限公司', personName: '李雷', mobile: '13900001111', email: 'li@lanhai.cn', status: 'qualified', score: 80 }) });
    // A call logged against the lead, with its follow-up task.
    const logged = await rep.api.interactions.log.mutate({
      leadId: created.id,
      type: 'call',
      occurredAt: clock.now().toISOString(),
      durationMinutes: 5,
      content: '初次电话',
      nextFollowUpOn: '2026-03-04',
      followUp: { timeZone: 'Asia/Shanghai' },
    });
    expect(logged).toMatchObject({ customerId: null, leadId: created.id, followUpTask: { link: { type: 'lead', id: created.id }, customerId: null } });

    const result = await rep.api.leads.convert.mutate({ id: edited.id, version: edited.version, opportunity: { name: '蓝海首单', amountMinor: 50_000_00 } });
    expect(result.lead).toMatchObject({ status: 'converted', convertedCustomerId: result.customerId });
    const customer = await rep.api.customers.get.query({ id: result.customerId });
    expect(customer).toMatchObject({ name: '蓝海科技有限公司', kind: 'company', ownerId: rep.id, source: 'website' });
    expect(customer.contacts).toMatchObject([{ name: '李雷', email: 'li@lanhai.cn', isPrimary: true }]);
    const deal = await rep.api.opportunities.get.query({ id: result.opportunityId! });
    expect(deal).toMatchObject({ customerId: result.customerId, contactId: result.contactId, name: '蓝海首单' });

    const history = await rep.api.customers.history.query({ customerId: result.customerId, limit: 50 });
    const leadEntries = await t.host.services.db.selectFrom('audit_log').select(['id', 'customer_id']).where('entity', '=', 'lead').where('entity_id', '=', created.id).execute();
    expect(leadEntries).toHaveLength(3);
    expect(leadEntries.every((e) => e.customer_id === result.customerId)).toBe(true);
    expect(history.items.map((i) => i.id)).toEqual(expect.arrayContaining(leadEntries.map((e) => e.id)));
    const timeline = await rep.api.interactions.timeline.query({ customerId: result.customerId });
    expect(timeline.items).toMatchObject([{ id: logged.id, customerId: result.customerId, leadId: created.id }]);
    // The lead keeps showing its own timeline and history after conversion.
    expect((await rep.api.interactions.timeline.query({ leadId: created.id })).items.map((i) => i.id)).toEqual([logged.id]);
    expect((await rep.api.leads.history.query({ leadId: created.id })).total).toBe(3);
    expect(await rep.api.tasks.list.query({ customerId: result.customerId })).toMatchObject([{ id: logged.followUpTask!.id }]);

    // Converted once only.
    const again = await appErrorOf(rep.api.leads.convert.mutate({ id: created.id, version: result.lead.version, confirmDuplicates: true }));
    expect(again.fieldErrors).toEqual({ status: 'leadConverted' });
  });

  it('catches a duplicate customer: attach to it, or create anyway', async () => {
    const rep = reps[1]!;
    const existing = await rep.api.customers.create.mutate({ name: '华信电子有限公司', kind: 'company', stage: 'customer' });
    const first = await rep.api.leads.create.mutate({ fields: lead({ companyName: '华信电子', personName: '赵强', mobile: '13700002222' }) });
    const refused = await appErrorOf(rep.api.leads.convert.mutate({ id: first.id, version: first.version }));
    expect(refused.code).toBe('duplicate');
    expect(refused.data).toMatchObject([{ reason: 'name', customerId: existing.id, customerName: '华信电子有限公司' }]);
    // Nothing was written by the refused attempt.
    expect((await rep.api.leads.get.query({ id: first.id })).status).toBe('new');

    const attached = await rep.api.leads.convert.mutate({ id: first.id, version: first.version, attachToCustomerId: existing.id });
    expect(attached.customerId).toBe(existing.id);
    const customer = await rep.api.customers.get.query({ id: existing.id });
    expect(customer.contacts.map((c) => c.name)).toEqual(['赵强']);

    const second = await rep.api.leads.create.mutate({ fields: lead({ companyName: '华信电子', personName: '钱多', mobile: '13700003333' }) });
    const anyway = await rep.api.leads.convert.mutate({ id: second.id, version: second.version, confirmDuplicates: true });
    expect(anyway.customerId).not.toBe(existing.id);

    // Attaching to a customer the rep cannot see is refused.
    const hidden = await outsider.api.customers.create.mutate({ name: '别人家的客户', kind: 'company', stage: 'prospect' });
    const third = await rep.api.leads.create.mutate({ fields: lead({ companyName: '第三家', personName: '孙' }) });
    const refusedAttach = await appErrorOf(rep.api.leads.convert.mutate({ id: third.id, version: third.version, attachToCustomerId: hidden.id }));
    expect(refusedAttach.fieldErrors).toEqual({ attachToCustomerId: 'invalid' });
  });

  it('a converted and claimed customer can still be purged from the trash, with its deals and tasks', async () => {
    const created = await api.leads.create.mutate({ fields: lead({ companyName: '即将清除的公司', personName: '郑', mobile: '13600004444' }) });
    await api.tasks.create.mutate({ title: '线索任务', dueAt: '2026-03-05T01:00:00Z', link: { type: 'lead', id: created.id } });
    const { customerId, opportunityId } = await api.leads.convert.mutate({ id: created.id, version: created.version, confirmDuplicates: true, opportunity: { name: '将清除的商机' } });
    await api.tasks.create.mutate({ title: '商机任务', dueAt: '2026-03-05T01:00:00Z', link: { type: 'opportunity', id: opportunityId! } });
    const customer = await api.customers.get.query({ id: customerId });
    await api.pool.release.mutate({ kind: 'customer', id: customerId, version: customer.version, reason: '测试' });
    await reps[2]!.api.pool.claim.mutate({ kind: 'customer', id: customerId, version: customer.version + 1 });
    await api.customers.delete.mutate({ id: customerId });
    const { items } = await api.trash.list.query({ kind: 'customer' });
    const entry = items.find((i) => i.id === customerId)!;
    await api.trash.purge.mutate({ kind: 'customer', id: customerId, version: entry.version });
    expect(await t.host.services.db.selectFrom('customers').select('id').where('id', '=', customerId).execute()).toEqual([]);
    expect(await t.host.services.db.selectFrom('tasks').select('id').where('customer_id', '=', customerId).execute()).toEqual([]);
    expect(await t.host.services.db.selectFrom('opportunities').select('id').where('customer_id', '=', customerId).execute()).toEqual([]);
  });
});
