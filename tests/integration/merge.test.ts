import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
});
afterAll(() => t.close());

const db = () => t.host.services.db;

async function twoRecords() {
  const survivor = await api.customers.create.mutate({
    name: '北京星辰科技有限公司',
    kind: 'company',
    stage: 'prospect',
    industry: '软件',
    city: '北京',
    tags: ['VIP', '展会'],
    primaryContact: { name: '张伟明', mobile: '13800138000' },
    confirmDuplicates: true,
  });
  const merged = await api.customers.create.mutate({
    name: '星辰科技',
    kind: 'company',
    stage: 'customer',
    industry: null,
    city: '北京',
    notes: '老客户，去年签约',
    tags: ['展会', '重点客户'],
    // The same person as the survivor's contact (same mobile), with an email the survivor lacks.
    primaryContact: { name: '张伟明', mobile: '138 0013 8000', email: 'zhangwm@xingchen.cn' },
    confirmDuplicates: true,
  });
  const other = await api.contacts.create.mutate({ customerId: merged.id, name: '王芳', landline: '010-62345678', confirmDuplicates: true });
  await api.customers.update.mutate({ ...merged, tags: merged.tags, notes: '老客户，去年签约。', version: merged.version });
  return { survivor, merged: await api.customers.get.query({ id: merged.id }), other };
}

describe('merge', () => {
  it('moves contacts, tags and history to the survivor, applies the field choices, trashes the merged record', async () => {
    const { survivor, merged, other } = await twoRecords();
    const result = await api.duplicates.merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      choices: { stage: 'merged', notes: 'merged', industry: 'survivor' },
    });

    expect(result).toMatchObject({
      id: survivor.id,
      name: '北京星辰科技有限公司',
      industry: '软件',
      stage: 'customer',
      notes: '老客户，去年签约。',
      tags: ['VIP', '展会', '重点客户'],
      version: survivor.version + 1,
    });
    // 王芳 moved; the duplicate 张伟明 was folded into the survivor's, which gained the email.
    expect(result.contacts.map((c) => [c.name, c.mobile, c.email, c.landline, c.isPrimary])).toEqual([
      ['张伟明', '138 0013 8000', 'zhangwm@xingchen.cn', null, true],
      ['王芳', null, null, '010-6234 5678', false],
    ]);
    expect(result.contacts[1]!.id).toBe(other.id);

    expect((await appErrorOf(api.customers.get.query({ id: merged.id }))).code).toBe('not_found');
    const trashed = await db().selectFrom('customers').selectAll().where('id', '=', merged.id).executeTakeFirstOrThrow();
    expect(trashed.deleted_at).not.toBeNull();
    expect(trashed.deleted_by).toBe(1);

    // Search finds the survivor by the moved contact, and no longer finds the merged record.
    const byLandline = await api.customers.list.query({ search: '6234 5678' });
    expect(byLandline.items.map((c) => c.id)).toEqual([survivor.id]);
    const byName = await api.customers.list.query({ search: '星辰科技' });
    expect(byName.items.map((c) => c.id)).toEqual([survivor.id]);
    const { rows } = await sql`SELECT rowid FROM customer_search WHERE rowid = ${merged.id}`.execute(db());
    expect(rows).toEqual([]);

    // History: the survivor's timeline now holds the merged record's entries (and its contacts'), then
    // what the merge did; each entry still names the record it was about.
    const twinId = survivor.contacts[0]!.id;
    const duplicateId = merged.contacts.find((c) => c.name === '张伟明')!.id;
    const history = (await api.customers.history.query({ customerId: survivor.id, limit: 100 })).items.reverse();
    const merging = history.filter((e) => e.at === history[history.length - 1]!.at);
    expect(history.filter((e) => e.entity === 'customer' && e.op !== 'merge').map((e) => [e.entityId, e.op])).toEqual([
      [survivor.id, 'create'],
      [merged.id, 'create'],
      [merged.id, 'update'],
    ]);
    expect(history.some((e) => e.entity === 'contact' && e.entityId === other.id && e.op === 'create')).toBe(true);
    const changesOf = (e: (typeof history)[number]) => Object.fromEntries(e.changes.map((c) => [c.field, [c.before, c.after]]));
    expect(merging.map((e) => [e.entity, e.entityId, e.op, changesOf(e)])).toEqual([
      ['contact', twinId, 'update', { email: [null, 'zhangwm@xingchen.cn'] }],
      ['contact', duplicateId, 'delete', {}],
      ['contact', other.id, 'merge', {}],
      [
        'customer',
        survivor.id,
        'merge',
        {
          mergedFrom: [null, `星辰科技 (#${merged.id})`],
          stage: ['prospect', 'customer'],
          notes: [null, '老客户，去年签约。'],
          tags: [['VIP', '展会'], ['VIP', '展会', '重点客户']],
        },
      ],
    ]);
    // The merged record's own timeline keeps its merge entry, should it come back from the trash.
    const own = await db().selectFrom('audit_log').select(['op', 'changes']).where('customer_id', '=', merged.id).execute();
    expect(own.map((e) => [e.op, JSON.parse(e.changes)])).toEqual([
      ['merge', { mergedInto: [null, `北京星辰科技有限公司 (#${survivor.id})`] }],
    ]);

    // The finder no longer offers the pair.
    const pairs = await api.duplicates.pairs.query({ limit: 100 });
    expect(pairs.items.filter((p) => [p.a.id, p.b.id].includes(merged.id))).toEqual([]);
  });

  it('two people on one number stay two contacts', async () => {
    const create = (name: string, contact: string) =>
      api.customers.create.mutate({ name, kind: 'company', stage: 'prospect', primaryContact: { name: contact, landline: '021-55556666' }, confirmDuplicates: true });
    const survivor = await create('前台总机公司', '前台');
    const merged = await create('前台总机', '王经理');
    const result = await api.duplicates.merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
    });
    expect(result.contacts.map((c) => c.name)).toEqual(['前台', '王经理']);
  });

  it('the merged record waits in the trash: it can be restored, or purged with its dismissed pairs', async () => {
    const first = await twoRecords();
    await api.duplicates.merge.mutate({
      survivorId: first.survivor.id,
      survivorVersion: first.survivor.version,
      mergedId: first.merged.id,
      mergedVersion: first.merged.version,
    });
    const trashed = (await api.trash.list.query({ kind: 'customer' })).items.find((i) => i.id === first.merged.id)!;
    await api.trash.restore.mutate({ kind: 'customer', id: trashed.id, version: trashed.version, confirmDuplicates: true });
    expect((await api.customers.get.query({ id: first.merged.id })).contacts).toEqual([]);

    const second = await twoRecords();
    await api.duplicates.dismiss.mutate({ customerIds: [second.merged.id, first.survivor.id] });
    await api.duplicates.merge.mutate({
      survivorId: second.survivor.id,
      survivorVersion: second.survivor.version,
      mergedId: second.merged.id,
      mergedVersion: second.merged.version,
    });
    const gone = (await api.trash.list.query({ kind: 'customer' })).items.find((i) => i.id === second.merged.id)!;
    await api.trash.purge.mutate({ kind: 'customer', id: gone.id, version: gone.version });
    expect(await db().selectFrom('duplicate_dismissals').selectAll().where('customer_b_id', '=', second.merged.id).execute()).toEqual([]);
  });

  it('can take the name from the merged record', async () => {
    const { survivor, merged } = await twoRecords();
    const result = await api.duplicates.merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      choices: { name: 'merged' },
    });
    expect(result.name).toBe('星辰科技');
    expect((await api.customers.list.query({ search: '星辰科技' })).items.map((c) => c.id)).toContain(survivor.id);
  });

  it('a stale version of either record is refused and nothing changes', async () => {
    const { survivor, merged } = await twoRecords();
    const snapshot = async () => ({
      survivor: await api.customers.get.query({ id: survivor.id }),
      merged: await api.customers.get.query({ id: merged.id }),
      audit: (await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await snapshot();
    const base = { survivorId: survivor.id, survivorVersion: survivor.version, mergedId: merged.id, mergedVersion: merged.version };

    const staleSurvivor = await appErrorOf(api.duplicates.merge.mutate({ ...base, survivorVersion: survivor.version + 5 }));
    expect(staleSurvivor.code).toBe('conflict');
    expect(staleSurvivor.data).toMatchObject({ id: survivor.id, version: survivor.version });
    const staleMerged = await appErrorOf(api.duplicates.merge.mutate({ ...base, mergedVersion: merged.version + 5 }));
    expect(staleMerged.code).toBe('conflict');
    expect(staleMerged.data).toMatchObject({ id: merged.id, version: merged.version });
    expect(await snapshot()).toEqual(before);
  });

  it('merging a record into itself is refused', async () => {
    const { survivor } = await twoRecords();
    const error = await appErrorOf(
      api.duplicates.merge.mutate({ survivorId: survivor.id, survivorVersion: 1, mergedId: survivor.id, mergedVersion: 1 }),
    );
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { mergedId: 'sameCustomer' } });
  });

  it('merging a deleted or unknown record is refused', async () => {
    const { survivor, merged } = await twoRecords();
    await api.customers.delete.mutate({ id: merged.id });
    const input = { survivorId: survivor.id, survivorVersion: survivor.version, mergedId: merged.id, mergedVersion: merged.version };
    expect((await appErrorOf(api.duplicates.merge.mutate(input))).code).toBe('not_found');
    expect((await appErrorOf(api.duplicates.merge.mutate({ ...input, mergedId: 999999 }))).code).toBe('not_found');
  });

  it('a sales rep cannot merge a colleague\'s record', async () => {
    const rep = await signInColleague(t, 'rep-merge', 'sales');
    const mine = await rep.api.customers.create.mutate({ name: '销售自己的客户', kind: 'company', stage: 'prospect' });
    const { survivor } = await twoRecords();
    const error = await appErrorOf(
      rep.api.duplicates.merge.mutate({ survivorId: mine.id, survivorVersion: mine.version, mergedId: survivor.id, mergedVersion: survivor.version }),
    );
    expect(error.code).toBe('not_found');
    expect((await api.customers.get.query({ id: survivor.id })).version).toBe(survivor.version);
  });
});

describe('merge and the sales records', () => {
  it('moves the merged customer\'s interactions, deals and tasks to the survivor', async () => {
    const { survivor, merged } = await twoRecords();
    const call = await api.interactions.log.mutate({
      customerId: merged.id,
      type: 'call',
      direction: 'outbound',
      occurredAt: '2026-01-05T02:00:00.000Z',
      content: '确认续约意向',
    });
    const deal = await api.opportunities.create.mutate({ customerId: merged.id, name: '续约 2026', amountMinor: 5_000_000 });
    const task = await api.tasks.create.mutate({
      title: '寄送合同',
      dueAt: '2026-01-10T01:00:00.000Z',
      link: { type: 'customer', id: merged.id },
    });
    const current = await api.customers.get.query({ id: merged.id });

    await api.duplicates.merge.mutate({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: current.version,
      choices: {},
    });

    const timeline = await api.interactions.timeline.query({ customerId: survivor.id });
    expect(timeline.items.map((i) => i.id)).toContain(call.id);
    const movedDeal = await api.opportunities.get.query({ id: deal.id });
    expect(movedDeal.customerId).toBe(survivor.id);
    expect(movedDeal.version).toBe(deal.version + 1);
    const movedTask = await api.tasks.get.query({ id: task.id });
    expect(movedTask.link).toEqual({ type: 'customer', id: survivor.id });
  });
});
