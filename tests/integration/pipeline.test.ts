import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInColleague } from '../helpers/test-users.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;
let customerId: number;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
  customerId = (await api.customers.create.mutate({ name: '管道测试客户', kind: 'company', stage: 'prospect' })).id;
});
afterAll(() => t.close());

const active = async () => (await api.pipeline.stages.query()).filter((s) => !s.archived);
const byKey = async (labelKey: string) => (await api.pipeline.stages.query()).find((s) => s.labelKey === labelKey)!;
const column = async (stageId: number) => (await api.opportunities.board.query({ limit: 50 })).columns.find((c) => c.stageId === stageId);

describe('the default pipeline', () => {
  it('has six stages with translation keys, win probabilities and outcomes, in order', async () => {
    expect((await active()).map((s) => [s.labelKey, s.name, s.probability, s.outcome])).toEqual([
      ['initialContact', null, 10, 'open'],
      ['needsConfirmed', null, 30, 'open'],
      ['proposal', null, 50, 'open'],
      ['negotiation', null, 80, 'open'],
      ['won', null, 100, 'won'],
      ['lost', null, 0, 'lost'],
    ]);
    expect(await api.pipeline.settings.query()).toEqual({ idleDays: 14 });
  });
});

describe('editing the pipeline (owner)', () => {
  it('renames a stage (its own text replaces the translation) and changes its probability; weighted totals follow', async () => {
    const proposal = await byKey('proposal');
    await api.opportunities.create.mutate({ customerId, name: '报价中的商机', amountMinor: 1_000_00, stageId: proposal.id });
    const renamed = await api.pipeline.updateStage.mutate({ id: proposal.id, version: proposal.version, name: '方案与报价', probability: 60 });
    expect(renamed).toMatchObject({ labelKey: null, name: '方案与报价', probability: 60, version: proposal.version + 1 });
    expect((await column(proposal.id))!.totals).toEqual([{ currency: 'CNY', amountMinor: 1_000_00, weightedMinor: 600_00 }]);

    const stale = await appErrorOf(api.pipeline.updateStage.mutate({ id: proposal.id, version: proposal.version, probability: 5 }));
    expect(stale.code).toBe('conflict');
    expect((await appErrorOf(api.pipeline.updateStage.mutate({ id: proposal.id, version: renamed.version, probability: 101 }))).fieldErrors).toEqual({
      probability: 'invalid',
    });
  });

  it('adds an open stage before the won and lost stages, and a closed one at the end', async () => {
    const added = await api.pipeline.createStage.mutate({ name: '样品测试', probability: 65 });
    const lostAgain = await api.pipeline.createStage.mutate({ name: '客户取消', probability: 0, outcome: 'lost' });
    const order = (await active()).map((s) => s.name ?? s.labelKey);
    expect(order).toEqual(['initialContact', 'needsConfirmed', '方案与报价', 'negotiation', '样品测试', 'won', 'lost', '客户取消']);
    expect(added).toMatchObject({ outcome: 'open', probability: 65, labelKey: null });
    expect(lostAgain.outcome).toBe('lost');
    expect((await api.opportunities.board.query({ limit: 5 })).columns.map((c) => c.stageId)).toEqual((await active()).map((s) => s.id));
  });

  it('reorders the active stages, and refuses an order that leaves one out', async () => {
    const ids = (await active()).map((s) => s.id);
    const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
    await api.pipeline.reorderStages.mutate({ ids: swapped });
    expect((await active()).map((s) => s.id)).toEqual(swapped);
    expect((await appErrorOf(api.pipeline.reorderStages.mutate({ ids: swapped.slice(1) }))).fieldErrors).toEqual({ ids: 'invalid' });
    expect((await appErrorOf(api.pipeline.reorderStages.mutate({ ids: [...swapped.slice(1), swapped[1]!] }))).fieldErrors).toEqual({
      ids: 'invalid',
    });
    await api.pipeline.reorderStages.mutate({ ids });
  });

  it('refuses to archive a stage that still has deals until they are moved, then moves them with history', async () => {
    const sample = (await active()).find((s) => s.name === '样品测试')!;
    const negotiation = await byKey('negotiation');
    const d = await api.opportunities.create.mutate({ customerId, name: '样品阶段的商机', amountMinor: 10_00, stageId: sample.id });

    const refused = await appErrorOf(api.pipeline.archiveStage.mutate({ id: sample.id, version: sample.version }));
    expect(refused).toMatchObject({ code: 'validation', fieldErrors: { moveDealsTo: 'stageHasDeals' }, data: { deals: 1 } });
    const toWon = await appErrorOf(
      api.pipeline.archiveStage.mutate({ id: sample.id, version: sample.version, moveDealsTo: (await byKey('won')).id }),
    );
    expect(toWon.fieldErrors).toEqual({ moveDealsTo: 'invalidTargetStage' });
    expect((await api.pipeline.stages.query()).find((s) => s.id === sample.id)!.archived).toBe(false);

    const archived = await api.pipeline.archiveStage.mutate({ id: sample.id, version: sample.version, moveDealsTo: negotiation.id });
    expect(archived.archived).toBe(true);
    const moved = await api.opportunities.get.query({ id: d.id });
    expect(moved.stageId).toBe(negotiation.id);
    expect(moved.stageChanges.at(-1)).toMatchObject({ fromStageId: sample.id, toStageId: negotiation.id });
    expect(await column(sample.id)).toBeUndefined();
    // Archived stages stay listed (old history names them) but cannot take deals.
    const intoArchived = await appErrorOf(api.opportunities.move.mutate({ id: d.id, version: moved.version, stageId: sample.id }));
    expect(intoArchived.fieldErrors).toEqual({ stageId: 'invalid' });
  });

  it('keeps the last stage of each outcome', async () => {
    const won = await byKey('won');
    expect((await appErrorOf(api.pipeline.archiveStage.mutate({ id: won.id, version: won.version }))).fieldErrors).toEqual({
      id: 'lastStageOfOutcome',
    });
    const extraLost = (await active()).find((s) => s.name === '客户取消')!;
    expect((await api.pipeline.archiveStage.mutate({ id: extraLost.id, version: extraLost.version })).archived).toBe(true);
    const lost = await byKey('lost');
    expect((await appErrorOf(api.pipeline.archiveStage.mutate({ id: lost.id, version: lost.version }))).fieldErrors).toEqual({
      id: 'lastStageOfOutcome',
    });
  });

  it('sets the idle days within 1-365', async () => {
    expect(await api.pipeline.updateSettings.mutate({ idleDays: 21 })).toEqual({ idleDays: 21 });
    expect(await api.pipeline.settings.query()).toEqual({ idleDays: 21 });
    for (const idleDays of [0, 366, 2.5]) {
      expect((await appErrorOf(api.pipeline.updateSettings.mutate({ idleDays }))).fieldErrors).toEqual({ idleDays: 'invalid' });
    }
  });

  it('writes audit entries for pipeline changes', async () => {
    const entries = await t.host.services.db
      .selectFrom('audit_log')
      .select(['entity', 'op'])
      .where('entity', 'in', ['pipeline', 'pipeline_stage'])
      .orderBy('id')
      .execute();
    expect(entries.map((e) => `${e.entity}:${e.op}`)).toEqual([
      'pipeline_stage:update',
      'pipeline_stage:create',
      'pipeline_stage:create',
      'pipeline:update',
      'pipeline:update',
      'pipeline_stage:delete',
      'pipeline_stage:delete',
      'pipeline:update',
    ]);
  });
});

describe('who may edit the pipeline', () => {
  it('refuses every pipeline edit to anyone but the owner, who all may read it', async () => {
    const rep = await signInColleague(t, 'rep', 'sales');
    const manager = await signInColleague(t, 'mgr', 'manager');
    const stage = (await active())[0]!;
    for (const client of [rep.api, manager.api]) {
      expect((await client.pipeline.stages.query()).length).toBeGreaterThan(0);
      const calls = [
        client.pipeline.createStage.mutate({ name: '偷偷加的', probability: 20 }),
        client.pipeline.updateStage.mutate({ id: stage.id, version: stage.version, name: '改名', probability: 20 }),
        client.pipeline.reorderStages.mutate({ ids: (await active()).map((s) => s.id).reverse() }),
        client.pipeline.archiveStage.mutate({ id: stage.id, version: stage.version }),
        client.pipeline.updateSettings.mutate({ idleDays: 3 }),
      ];
      for (const call of calls) expect((await appErrorOf(call)).code).toBe('forbidden');
    }
    expect((await active())[0]).toEqual(stage);
  });
});
