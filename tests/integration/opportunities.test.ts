import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../electron/events.js';
import { signInColleague } from '../helpers/test-users.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, OWNER, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let t: TestHost;
let api: ApiClient;
let clock: TestClock;
let stage: Record<'initialContact' | 'needsConfirmed' | 'proposal' | 'negotiation' | 'won' | 'lost', number>;
const events: ChangeEvent[] = [];

beforeAll(async () => {
  clock = new TestClock('2026-03-02T09:00:00.000Z');
  t = await startTestHost({ clock });
  api = t.api;
  t.host.events.subscribe((event) => events.push(event));
  const stages = await api.pipeline.stages.query();
  stage = Object.fromEntries(stages.map((s) => [s.labelKey, s.id])) as typeof stage;
});
afterAll(() => t.close());

/** Days pass; the owner signs in again (a session ends after 12 idle hours). */
async function later(ms: number) {
  clock.advance(ms);
  await api.auth.login.mutate(OWNER);
}

async function customer(name: string, api_ = api) {
  return api_.customers.create.mutate({ name, kind: 'company', stage: 'prospect', primaryContact: { name: `${name}联系人` } });
}

const deal = (customerId: number, extra: Record<string, unknown> = {}) => ({
  customerId,
  name: '年度采购',
  amountMinor: 1_250_000_00,
  ...extra,
});

describe('opportunities: create, move, win, lose', () => {
  it('creates a deal in the first open stage, recording where it started', async () => {
    const c = await customer('北京星河科技有限公司');
    const created = await api.opportunities.create.mutate(
      deal(c.id, {
        contactId: c.contacts[0]!.id,
        currency: 'USD',
        expectedCloseOn: '2026-06-30',
        products: ['ERP 标准版', 'ERP 标准版', '实施服务'],
        competitors: ['用友'],
      }),
    );
    expect(created).toMatchObject({
      name: '年度采购',
      customerName: '北京星河科技有限公司',
      contactName: '北京星河科技有限公司联系人',
      amountMinor: 1_250_000_00,
      currency: 'USD',
      expectedCloseOn: '2026-06-30',
      products: ['ERP 标准版', '实施服务'],
      competitors: ['用友'],
      stageId: stage.initialContact,
      ownerName: '老板',
      stageEnteredAt: clock.now().toISOString(),
      closedAt: null,
      idle: false,
      version: 1,
    });
    expect(created.stageChanges).toEqual([
      expect.objectContaining({ fromStageId: null, toStageId: stage.initialContact, at: clock.now().toISOString(), userName: '老板' }),
    ]);
    expect(await api.opportunities.get.query({ id: created.id })).toEqual(created);
    expect(events).toContainEqual({ entity: 'opportunity', id: created.id, op: 'create' });
  });

  it('records every stage change with its time, and winning closes the deal', async () => {
    const c = await customer('上海东方贸易');
    let d = await api.opportunities.create.mutate(deal(c.id));
    const startedAt = clock.now().toISOString();
    await later(2 * DAY);
    d = await api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.needsConfirmed });
    const confirmedAt = clock.now().toISOString();
    await later(5 * DAY);
    d = await api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.won });
    const wonAt = clock.now().toISOString();

    expect(d).toMatchObject({ stageId: stage.won, wonAt, closedAt: wonAt, lostAt: null, stageEnteredAt: wonAt, version: 3 });
    expect(d.stageChanges.map((s) => [s.fromStageId, s.toStageId, s.at])).toEqual([
      [null, stage.initialContact, startedAt],
      [stage.initialContact, stage.needsConfirmed, confirmedAt],
      [stage.needsConfirmed, stage.won, wonAt],
    ]);
  });

  it('refuses to lose a deal without a reason, and keeps the reason when given', async () => {
    const c = await customer('广州南方电器');
    const d = await api.opportunities.create.mutate(deal(c.id, { stageId: stage.proposal }));
    for (const lostReason of [undefined, null, '', '   ']) {
      const error = await appErrorOf(api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.lost, lostReason }));
      expect(error).toMatchObject({ code: 'validation', fieldErrors: { lostReason: 'required' } });
    }
    expect(await api.opportunities.get.query({ id: d.id })).toMatchObject({ stageId: stage.proposal, version: 1 });
    expect((await appErrorOf(api.opportunities.create.mutate(deal(c.id, { stageId: stage.lost })))).fieldErrors).toEqual({
      lostReason: 'required',
    });

    await later(HOUR);
    const lost = await api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.lost, lostReason: '价格高于竞品' });
    expect(lost).toMatchObject({ lostReason: '价格高于竞品', lostAt: clock.now().toISOString(), closedAt: clock.now().toISOString(), wonAt: null });

    // Reopened, it is open again and the reason goes.
    const reopened = await api.opportunities.move.mutate({ id: d.id, version: lost.version, stageId: stage.negotiation });
    expect(reopened).toMatchObject({ lostReason: null, lostAt: null, closedAt: null });
  });

  it('edits a deal with the version it read, and refuses a stale version with the current deal', async () => {
    const c = await customer('杭州西湖软件');
    const d = await api.opportunities.create.mutate(deal(c.id));
    const edited = await api.opportunities.update.mutate({ ...d, amountMinor: 99_00, competitors: ['金蝶'] });
    expect(edited).toMatchObject({ amountMinor: 99_00, competitors: ['金蝶'], version: 2 });

    const staleMove = await appErrorOf(api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.proposal }));
    expect(staleMove.code).toBe('conflict');
    expect(staleMove.data).toMatchObject({ id: d.id, amountMinor: 99_00, version: 2 });
    const staleEdit = await appErrorOf(api.opportunities.update.mutate({ ...d, name: '旧版本' }));
    expect(staleEdit.code).toBe('conflict');
    expect(await api.opportunities.get.query({ id: d.id })).toMatchObject({ name: '年度采购', stageId: stage.initialContact, version: 2 });
  });

  it('writes audit entries for create, edit, move and delete', async () => {
    const c = await customer('审计商机客户');
    const d = await api.opportunities.create.mutate(deal(c.id));
    const moved = await api.opportunities.move.mutate({ id: d.id, version: 1, stageId: stage.proposal });
    await api.opportunities.update.mutate({ ...moved, notes: '客户要求分期付款' });
    await api.opportunities.delete.mutate({ id: d.id });
    const entries = await t.host.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'opportunity')
      .where('entity_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.op)).toEqual(['create', 'update', 'update', 'delete']);
    expect(JSON.parse(entries[1]!.changes)).toMatchObject({ stage_id: [stage.initialContact, stage.proposal] });
    expect(JSON.parse(entries[2]!.changes)).toEqual({ notes: [null, '客户要求分期付款'] });
    expect((await appErrorOf(api.opportunities.get.query({ id: d.id }))).code).toBe('not_found');
  });
});

describe('validation', () => {
  let customerId: number;
  beforeAll(async () => {
    customerId = (await customer('校验商机客户')).id;
  });

  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ amountMinor: -1 }, 'amountMinor', 'invalid'],
    [{ amountMinor: 1.5 }, 'amountMinor', 'invalid'],
    [{ currency: 'XXX' }, 'currency', 'invalid'],
    [{ expectedCloseOn: '2026-02-30' }, 'expectedCloseOn', 'invalidDate'],
    [{ products: ['x'.repeat(61)] }, 'products.0', 'tooLong'],
    [{ stageId: 9999 }, 'stageId', 'invalid'],
    [{ ownerId: 9999 }, 'ownerId', 'invalidOwner'],
  ])('%j → %s: %s', async (override, field, message) => {
    const error = await appErrorOf(api.opportunities.create.mutate({ ...deal(customerId), ...override } as never));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.[field]).toBe(message);
  });

  it("refuses a contact of another customer, and a customer that does not exist", async () => {
    const a = await customer('甲公司');
    const b = await customer('乙公司');
    const wrongContact = await appErrorOf(api.opportunities.create.mutate(deal(a.id, { contactId: b.contacts[0]!.id })));
    expect(wrongContact.fieldErrors).toEqual({ contactId: 'invalid' });
    const noCustomer = await appErrorOf(api.opportunities.create.mutate(deal(99_999)));
    expect(noCustomer.fieldErrors).toEqual({ customerId: 'invalidLink' });
  });
});

describe('the board', () => {
  it('shows per stage the count, the total and weighted total per currency, and the newest cards first', async () => {
    const fresh = await startTestHost({ clock: new TestClock('2026-05-01T08:00:00.000Z') });
    try {
      const c = await customer('看板客户', fresh.api);
      const add = (stageId: number, amountMinor: number, currency = 'CNY', lostReason?: string) =>
        fresh.api.opportunities.create.mutate(deal(c.id, { stageId, amountMinor, currency, lostReason }));
      await add(stage.initialContact, 100_00);
      await add(stage.initialContact, 300_00);
      await add(stage.proposal, 1_000_00);
      await add(stage.proposal, 50_00, 'USD');
      await add(stage.won, 2_000_00);
      await add(stage.lost, 700_00, 'CNY', '预算取消');
      const board = await fresh.api.opportunities.board.query({ limit: 20 });
      const column = (id: number) => board.columns.find((col) => col.stageId === id)!;

      expect(board.columns.map((col) => col.stageId)).toEqual(Object.values(stage));
      expect(column(stage.initialContact)).toMatchObject({
        count: 2,
        totals: [{ currency: 'CNY', amountMinor: 400_00, weightedMinor: 40_00 }],
      });
      expect(column(stage.initialContact).cards.map((card) => card.amountMinor)).toEqual([300_00, 100_00]);
      expect(column(stage.proposal)).toMatchObject({
        count: 2,
        totals: [
          { currency: 'CNY', amountMinor: 1_000_00, weightedMinor: 500_00 },
          { currency: 'USD', amountMinor: 50_00, weightedMinor: 25_00 },
        ],
      });
      expect(column(stage.needsConfirmed)).toMatchObject({ count: 0, totals: [], cards: [] });
      expect(column(stage.won).totals).toEqual([{ currency: 'CNY', amountMinor: 2_000_00, weightedMinor: 2_000_00 }]);
      expect(column(stage.lost).totals).toEqual([{ currency: 'CNY', amountMinor: 700_00, weightedMinor: 0 }]);
    } finally {
      await fresh.close();
    }
  });

  it('pages a column with "load more" after the last card shown', async () => {
    const fresh = await startTestHost({ clock });
    try {
      const c = await customer('翻页客户', fresh.api);
      for (let i = 1; i <= 5; i++) {
        await fresh.api.opportunities.create.mutate(deal(c.id, { name: `商机 ${i}` }));
        clock.advance(1000);
      }
      const first = (await fresh.api.opportunities.board.query({ limit: 2 })).columns[0]!;
      expect(first.count).toBe(5);
      expect(first.cards.map((card) => card.name)).toEqual(['商机 5', '商机 4']);
      const last = first.cards.at(-1)!;
      const more = await fresh.api.opportunities.column.query({
        stageId: first.stageId,
        after: { stageEnteredAt: last.stageEnteredAt, id: last.id },
        limit: 2,
      });
      expect(more.map((card) => card.name)).toEqual(['商机 3', '商机 2']);
    } finally {
      await fresh.close();
    }
  });

  it('flags open deals idle for longer than the idle days, counted per column', async () => {
    const c = await customer('冷却客户');
    const d = await api.opportunities.create.mutate(deal(c.id, { stageId: stage.negotiation }));
    const idleIn = async () => (await api.opportunities.board.query({ limit: 100 })).columns.find((col) => col.stageId === stage.negotiation)!;
    const flagged = async () => (await idleIn()).cards.find((card) => card.id === d.id)!.idle;

    await later(13 * DAY);
    expect(await flagged()).toBe(false);
    await later(2 * DAY);
    expect(await flagged()).toBe(true);
    expect((await idleIn()).idle).toBeGreaterThanOrEqual(1);
    expect((await api.opportunities.get.query({ id: d.id })).idle).toBe(true);

    // A longer setting lifts the flag; moving the deal resets the clock.
    await api.pipeline.updateSettings.mutate({ idleDays: 30 });
    expect(await flagged()).toBe(false);
    await api.pipeline.updateSettings.mutate({ idleDays: 14 });
    expect(await flagged()).toBe(true);
    const moved = await api.opportunities.move.mutate({ id: d.id, version: d.version, stageId: stage.proposal });
    expect(moved.idle).toBe(false);
  });

  it('leaves out deleted deals and the deals of deleted customers', async () => {
    const c = await customer('将被删除的客户');
    const d = await api.opportunities.create.mutate(deal(c.id, { name: '随客户删除的商机' }));
    const names = async () => (await api.opportunities.list.query({ search: '随客户删除' })).items.map((i) => i.name);
    expect(await names()).toEqual(['随客户删除的商机']);
    await api.customers.delete.mutate({ id: c.id });
    expect(await names()).toEqual([]);
    expect((await appErrorOf(api.opportunities.move.mutate({ id: d.id, version: 1, stageId: stage.won }))).code).toBe('not_found');
  });
});

describe('the list view', () => {
  it("counts, for those who see every customer, the live deals less those of customers in the trash", async () => {
    const fresh = await startTestHost({ clock });
    try {
      const rep = await signInColleague(fresh, 'count-rep', 'sales');
      const kept = await customer('保留的客户', fresh.api);
      const trashed = await customer('进回收站的客户', fresh.api);
      const add = (customerId: number, name: string, extra: Record<string, unknown> = {}) =>
        fresh.api.opportunities.create.mutate(deal(customerId, { name, ...extra }));
      await add(kept.id, '甲');
      await add(kept.id, '乙', { ownerId: rep.id });
      const gone = await add(kept.id, '丙');
      await add(trashed.id, '丁');
      await add(trashed.id, '戊');
      await fresh.api.opportunities.delete.mutate({ id: gone.id });
      await fresh.api.customers.delete.mutate({ id: trashed.id });
      const total = async (filter: object = {}) => (await fresh.api.opportunities.list.query({ sort: 'name', direction: 'asc', ...filter })).total;

      expect(await total()).toBe(2);
      // The same answer through the general count, which a filter takes.
      expect(await total({ amountMin: 0 })).toBe(2);
      expect(await total({ ownerIds: [rep.id] })).toBe(1);
      const inTrash = (await fresh.api.trash.list.query({ kind: 'customer' })).items.find((item) => item.id === trashed.id)!;
      await fresh.api.trash.restore.mutate({ kind: 'customer', id: trashed.id, version: inTrash.version });
      expect(await total()).toBe(4);
    } finally {
      await fresh.close();
    }
  });

  it('filters by stage, owner, expected close dates and amount, and sorts', async () => {
    const fresh = await startTestHost({ clock });
    try {
      const rep = await signInColleague(fresh, 'list-rep', 'sales');
      const c = await customer('列表客户', fresh.api);
      const add = (name: string, extra: Record<string, unknown>) =>
        fresh.api.opportunities.create.mutate(deal(c.id, { name, ...extra }));
      await add('A', { amountMinor: 100_00, expectedCloseOn: '2026-04-01' });
      await add('B', { amountMinor: 500_00, expectedCloseOn: '2026-05-15', stageId: stage.proposal });
      await add('C', { amountMinor: 900_00, expectedCloseOn: '2026-07-01', ownerId: rep.id });
      const names = async (filter: object) =>
        (await fresh.api.opportunities.list.query({ sort: 'name', direction: 'asc', ...filter })).items.map((i) => i.name);

      expect(await names({})).toEqual(['A', 'B', 'C']);
      expect(await names({ stageIds: [stage.proposal] })).toEqual(['B']);
      expect(await names({ ownerIds: [rep.id] })).toEqual(['C']);
      expect(await names({ closeFrom: '2026-04-02', closeTo: '2026-07-01' })).toEqual(['B', 'C']);
      expect(await names({ amountMin: 100_00, amountMax: 500_00 })).toEqual(['A', 'B']);
      expect(await names({ search: '列表' })).toEqual(['A', 'B', 'C']);
      const byAmount = await fresh.api.opportunities.list.query({ sort: 'amount', direction: 'desc' });
      expect(byAmount.items.map((i) => i.name)).toEqual(['C', 'B', 'A']);
      expect(byAmount.total).toBe(3);
      expect((await appErrorOf(fresh.api.opportunities.list.query({ closeFrom: '2026-13-01' }))).fieldErrors).toEqual({
        closeFrom: 'invalidDate',
      });
    } finally {
      await fresh.close();
    }
  });

  it('adds open deals and their total to each customer list row', async () => {
    const c = await customer('开放商机统计客户');
    await api.opportunities.create.mutate(deal(c.id, { amountMinor: 100_00 }));
    await api.opportunities.create.mutate(deal(c.id, { amountMinor: 250_00 }));
    await api.opportunities.create.mutate(deal(c.id, { amountMinor: 40_00, currency: 'USD' }));
    await api.opportunities.create.mutate(deal(c.id, { amountMinor: 999_00, stageId: stage.won }));
    const none = await customer('没有商机的客户');
    const { items } = await api.customers.list.query({ search: '商机' });
    const row = (id: number) => items.find((i) => i.id === id)!;
    expect(row(c.id).openDeals.count).toBe(3);
    expect(row(c.id).openDeals.totals).toEqual(
      expect.arrayContaining([
        { currency: 'CNY', amountMinor: 350_00 },
        { currency: 'USD', amountMinor: 40_00 },
      ]),
    );
    expect(row(none.id).openDeals).toEqual({ count: 0, totals: [] });
  });
});

describe('visibility', () => {
  it("a sales rep neither sees nor moves another rep's deal", async () => {
    const fresh = await startTestHost({ clock });
    try {
      const alice = await signInColleague(fresh, 'alice', 'sales');
      const bob = await signInColleague(fresh, 'bob', 'sales');
      const aliceCustomer = await customer('爱丽丝的客户', alice.api);
      const bobCustomer = await customer('鲍勃的客户', bob.api);
      const aliceDeal = await alice.api.opportunities.create.mutate(deal(aliceCustomer.id, { name: '爱丽丝的商机' }));
      const bobDeal = await bob.api.opportunities.create.mutate(deal(bobCustomer.id, { name: '鲍勃的商机' }));

      const boardNames = async (client: ApiClient) =>
        (await client.opportunities.board.query({ limit: 20 })).columns.flatMap((col) => col.cards.map((card) => card.name));
      expect(await boardNames(alice.api)).toEqual(['爱丽丝的商机']);
      expect((await alice.api.opportunities.board.query({ limit: 20 })).columns[0]!.count).toBe(1);
      expect((await alice.api.opportunities.list.query({})).items.map((i) => i.name)).toEqual(['爱丽丝的商机']);
      expect(new Set(await boardNames(fresh.api))).toEqual(new Set(['爱丽丝的商机', '鲍勃的商机']));

      expect((await appErrorOf(alice.api.opportunities.get.query({ id: bobDeal.id }))).code).toBe('not_found');
      const move = await appErrorOf(alice.api.opportunities.move.mutate({ id: bobDeal.id, version: 1, stageId: stage.won }));
      expect(move.code).toBe('not_found');
      expect((await appErrorOf(alice.api.opportunities.update.mutate({ ...bobDeal, name: '抢单' }))).code).toBe('not_found');
      expect((await appErrorOf(alice.api.opportunities.delete.mutate({ id: bobDeal.id }))).code).toBe('not_found');
      // Nor can she open a deal on his customer.
      const onHisCustomer = await appErrorOf(alice.api.opportunities.create.mutate(deal(bobCustomer.id)));
      expect(onHisCustomer.fieldErrors).toEqual({ customerId: 'invalidLink' });
      expect(await bob.api.opportunities.get.query({ id: bobDeal.id })).toMatchObject({ stageId: stage.initialContact, version: 1 });
      expect(aliceDeal.ownerId).toBe(alice.id);
    } finally {
      await fresh.close();
    }
  });

  it("a manager sees the deals of the team's customers, and only those", async () => {
    const fresh = await startTestHost({ clock });
    try {
      const teamId = (
        await fresh.host.services.db
          .insertInto('teams')
          .values({ name: '华东销售部', manager_id: null, created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const manager = await signInColleague(fresh, 'manager', 'manager', teamId);
      const inTeam = await signInColleague(fresh, 'carol', 'sales', teamId);
      const outside = await signInColleague(fresh, 'dave', 'sales');
      const teamCustomer = await customer('团队的客户', inTeam.api);
      const otherCustomer = await customer('外部的客户', outside.api);
      await inTeam.api.opportunities.create.mutate(deal(teamCustomer.id, { name: '团队商机' }));
      const other = await outside.api.opportunities.create.mutate(deal(otherCustomer.id, { name: '外部商机' }));

      const board = await manager.api.opportunities.board.query({ limit: 20 });
      expect(board.columns.flatMap((c) => c.cards.map((card) => card.name))).toEqual(['团队商机']);
      expect(board.columns[0]!.totals).toEqual([{ currency: 'CNY', amountMinor: 1_250_000_00, weightedMinor: 125_000_00 }]);
      expect((await manager.api.opportunities.list.query({})).total).toBe(1);
      expect((await appErrorOf(manager.api.opportunities.get.query({ id: other.id }))).code).toBe('not_found');
    } finally {
      await fresh.close();
    }
  });
});
