import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLead } from '../../db/lead.repository.js';
import { dealExport } from '../../electron/services/export/deal-export.js';
import { leadExport } from '../../electron/services/export/lead-export.js';
import { columnsOf } from '../../electron/services/export/list-export.js';
import { poolCustomerExport, poolLeadExport } from '../../electron/services/export/pool-export.js';
import { trashExport } from '../../electron/services/export/trash-export.js';
import { keyHeaders, readCsvExport, readXlsxExport } from '../helpers/export-files.js';
import { TestClock } from '../helpers/test-clock.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { company } from '../helpers/test-records.js';
import { grant, signInColleague } from '../helpers/test-users.js';

/**
 * Every list's export against the list itself: the same rows in the same order for the same filter and
 * sort, only what the user may see, and the words and formats of the user's language.
 */

const clock = new TestClock('2026-03-02T09:00:00.000Z');
let t: TestHost;
let api: ApiClient;
let rep: { id: number; api: ApiClient };
let stage: Record<string, number>;

/** Each record a minute after the last, so "latest first" has an order to keep. */
const tick = () => clock.advance(60_000);

/** A UTC instant as the export writes it for Asia/Shanghai (UTC+8, no summer time). */
const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const options = { format: 'csv' as const, timeZone: 'Asia/Shanghai' };
const firstColumn = (rows: unknown[][]) => rows.map((row) => row[0]);

beforeAll(async () => {
  t = await startTestHost({ clock });
  api = t.api;
  rep = await signInColleague(t, 'xiaowang', 'sales');
  // Reps do not export by default; this office lets them, so what they may export can be tested.
  await grant(api, 'sales', { customers: ['export'], leads: ['export'], opportunities: ['export'] });
  stage = Object.fromEntries((await api.pipeline.stages.query()).map((s) => [s.labelKey, s.id]));
});
afterAll(() => t.close());

describe('export deals', () => {
  const HEADERS = {
    name: '商机名称',
    customer: '客户',
    stage: '阶段',
    amount: '金额',
    currency: '币种',
    expectedCloseOn: '预计成交',
    owner: '负责人',
    stageEnteredAt: '进入阶段',
    lastActivityAt: '最近活动',
    closedAt: '关闭时间',
    updatedAt: '更新时间',
  };
  const VALUES = { 'stage.initialContact': '初步接触', 'stage.proposal': '方案报价' };
  const exportDeals = (client: ApiClient, extra: Record<string, unknown> = {}) =>
    client.exports.deals.mutate({ ...options, headers: HEADERS, values: VALUES, ...extra });

  beforeAll(async () => {
    const east = await api.customers.create.mutate(company('华东贸易有限公司'));
    const north = await api.customers.create.mutate(company('华北科技有限公司'));
    const own = await rep.api.customers.create.mutate(company('小王的客户'));
    const deals = [
      [api, east.id, 'ERP 一期', 1_250_000_50, 'CNY', '2026-06-30'],
      [api, north.id, 'CRM 升级', 30_000_00, 'USD', null],
      [api, east.id, '小单', 5_000_00, 'CNY', null],
      [api, north.id, '日元订单', 800_000, 'JPY', '2026-04-01'],
      [rep.api, own.id, '小王的单子', 20_000_00, 'CNY', null],
    ] as const;
    for (const [client, customerId, name, amountMinor, currency, expectedCloseOn] of deals) {
      tick();
      await client.opportunities.create.mutate({ customerId, name, amountMinor, currency, expectedCloseOn });
    }
    const crm = (await api.opportunities.list.query({ search: 'CRM' })).items[0]!;
    tick();
    await api.opportunities.move.mutate({ id: crm.id, version: crm.version, stageId: stage.proposal! });
  });

  it('gives the list’s rows in the list’s order for a filter and a sort, with translated headers and stages', async () => {
    const filter = { amountMin: 1_000_000, sort: 'amount' as const, direction: 'desc' as const };
    const ticket = await exportDeals(api, { ...filter, title: '商机' });
    expect(ticket.fileName).toBe('商机-2026-03-02.csv');
    const { header, rows } = await readCsvExport(api, ticket);
    expect(header).toEqual(Object.values(HEADERS));
    const list = await api.opportunities.list.query(filter);
    expect(firstColumn(rows)).toEqual(list.items.map((d) => d.name));
    expect(firstColumn(rows)).toEqual(['ERP 一期', 'CRM 升级', '小王的单子']);

    const erp = list.items[0]!;
    // Money in major units beside its currency; dates in the user's time zone; stages in their words.
    expect(rows[0]).toEqual(['ERP 一期', '华东贸易有限公司', '初步接触', '1250000.5', 'CNY', '2026-06-30', '老板', shanghai(erp.stageEnteredAt), '', '', shanghai(erp.updatedAt)]);
    expect(rows[1]!.slice(2, 5)).toEqual(['方案报价', '30000', 'USD']);
  });

  it('keeps a stage filter, a search and an ascending sort', async () => {
    const filter = { stageIds: [stage.initialContact!], search: '单', sort: 'name' as const, direction: 'asc' as const };
    const { rows } = await readCsvExport(api, await exportDeals(api, filter));
    const list = await api.opportunities.list.query(filter);
    expect(firstColumn(rows)).toEqual(list.items.map((d) => d.name));
    expect(rows).toHaveLength(3);
  });

  it('writes an XLSX workbook whose amounts are numbers a spreadsheet adds up', async () => {
    const ticket = await exportDeals(api, { format: 'xlsx', title: '商机', sort: 'expectedCloseOn', direction: 'asc', closeFrom: '2026-01-01' });
    expect(ticket.fileName).toBe('商机-2026-03-02.xlsx');
    const { sheet, header, rows } = await readXlsxExport(api, ticket);
    expect(sheet).toBe('商机');
    expect(header).toEqual(Object.values(HEADERS));
    expect(rows.map((row) => [row[0], row[3], row[4]])).toEqual([
      ['日元订单', 800_000, 'JPY'],
      ['ERP 一期', 1_250_000.5, 'CNY'],
    ]);
  });

  it('gives a sales rep only the deals of their own customers, whatever they ask for', async () => {
    const { rows } = await readCsvExport(rep.api, await exportDeals(rep.api));
    expect(firstColumn(rows)).toEqual(['小王的单子']);
    const { rows: searched } = await readCsvExport(rep.api, await exportDeals(rep.api, { search: 'ERP', ownerIds: [1] }));
    expect(searched).toEqual([]);
  });

  it('refuses a bad filter with the list’s field errors', async () => {
    expect(await appErrorOf(exportDeals(api, { amountMin: -1 }))).toMatchObject({ code: 'validation', fieldErrors: { amountMin: 'invalid' } });
    expect(await appErrorOf(exportDeals(api, { closeFrom: '2026-02-30' }))).toMatchObject({ code: 'validation', fieldErrors: { closeFrom: 'invalidDate' } });
    expect((await appErrorOf(exportDeals(api, { sort: 'probability' }))).fieldErrors).toHaveProperty('sort');
    expect((await appErrorOf(exportDeals(api, { format: 'pdf' }))).fieldErrors).toHaveProperty('format');
  });
});

describe('export leads', () => {
  const VALUES = { 'status.new': '新线索', 'status.contacted': '已联系', 'source.website': '官网', 'source.referral': '转介绍' };
  const exportLeads = (client: ApiClient, extra: Record<string, unknown> = {}) =>
    client.exports.leads.mutate({ ...options, headers: keyHeaders(columnsOf(leadExport)), values: VALUES, ...extra });
  const column = (name: keyof typeof leadExport.columns) => columnsOf(leadExport).indexOf(name);

  beforeAll(async () => {
    const leads = [
      [api, { companyName: '杭州甲线索', status: 'new', source: 'website' }],
      [api, { companyName: '杭州乙线索', status: 'contacted', source: 'referral', mobile: '13800138000' }],
      [api, { companyName: '宁波丙线索', status: 'qualified', source: 'website' }],
      [api, { personName: '只有姓名', status: 'unqualified' }],
      [rep.api, { companyName: '小王的线索', status: 'new', source: 'website' }],
    ] as const;
    for (const [client, fields] of leads) {
      tick();
      await client.leads.create.mutate({ fields });
    }
    tick();
    await api.leads.create.mutate({ fields: { companyName: '公海线索公司', status: 'new', source: 'website' }, assign: { mode: 'manual', ownerId: null } });
  });

  it('gives the list’s rows in its order (latest first) for a status and source filter', async () => {
    const filter = { statuses: ['new' as const, 'contacted' as const], sources: ['website', 'referral'] };
    const { rows } = await readCsvExport(api, await exportLeads(api, filter));
    const list = await api.leads.list.query(filter);
    expect(firstColumn(rows)).toEqual(list.items.map((l) => l.companyName));
    expect(firstColumn(rows)).toEqual(['公海线索公司', '小王的线索', '杭州乙线索', '杭州甲线索']);
    const second = rows[2]!;
    expect([second[column('mobile')], second[column('source')], second[column('status')], second[column('owner')]]).toEqual(['13800138000', '转介绍', '已联系', '老板']);
  });

  it('gives a sales rep only their own leads (not a colleague’s, not the pool’s)', async () => {
    const { rows } = await readCsvExport(rep.api, await exportLeads(rep.api));
    expect(firstColumn(rows)).toEqual(['小王的线索']);
    expect(firstColumn(rows)).toEqual((await rep.api.leads.list.query({})).items.map((l) => l.companyName));
  });

  it('refuses an unknown status', async () => {
    const error = await appErrorOf(exportLeads(api, { statuses: ['hot'] }));
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fieldErrors!)).toEqual(['statuses.0']);
  });
});

describe('export the public pool', () => {
  const VALUES = { 'stage.prospect': '潜在客户', 'status.new': '新线索' };
  const exportPoolCustomers = (client: ApiClient, extra: Record<string, unknown> = {}) =>
    client.exports.poolCustomers.mutate({ ...options, headers: keyHeaders(columnsOf(poolCustomerExport)), values: VALUES, ...extra });
  const exportPoolLeads = (client: ApiClient) =>
    client.exports.poolLeads.mutate({ ...options, headers: keyHeaders(columnsOf(poolLeadExport)), values: VALUES });

  beforeAll(async () => {
    for (const name of ['公海甲公司', '公海乙公司']) {
      tick();
      const created = await api.customers.create.mutate(company(name, { province: '浙江' }));
      tick();
      await api.pool.release.mutate({ kind: 'customer', id: created.id, version: created.version, reason: '无人跟进' });
    }
  });

  it('gives a sales rep the pool’s customers as the pool list shows them, searched', async () => {
    const { rows } = await readCsvExport(rep.api, await exportPoolCustomers(rep.api));
    const list = await rep.api.pool.list.query({ kind: 'customers' });
    expect(firstColumn(rows)).toEqual(list.customers.map((c) => c.name));
    expect(firstColumn(rows)).toEqual(['公海乙公司', '公海甲公司']);
    expect(rows[0]!.slice(1, 3)).toEqual(['潜在客户', '浙江']);

    const { rows: searched } = await readCsvExport(rep.api, await exportPoolCustomers(rep.api, { search: '甲' }));
    expect(firstColumn(searched)).toEqual(['公海甲公司']);
  });

  it('gives the pool’s leads as the pool list shows them', async () => {
    const { rows } = await readCsvExport(rep.api, await exportPoolLeads(rep.api));
    expect(firstColumn(rows)).toEqual((await rep.api.pool.list.query({ kind: 'leads' })).leads.map((l) => l.companyName));
    expect(rows[0]!.slice(0, 4)).toEqual(['公海线索公司', '', 'website', '新线索']);
  });

  it('refuses a search longer than the list takes', async () => {
    expect(await appErrorOf(exportPoolCustomers(api, { search: '公'.repeat(101) }))).toMatchObject({ code: 'validation', fieldErrors: { search: 'tooLong' } });
  });
});

describe('export the trash', () => {
  const exportTrash = (client: ApiClient, extra: Record<string, unknown> = {}) =>
    client.exports.trash.mutate({ ...options, headers: keyHeaders(columnsOf(trashExport)), values: { 'kind.customer': '客户', 'kind.contact': '联系人' }, ...extra });

  beforeAll(async () => {
    tick();
    const first = await api.customers.create.mutate(company('回收甲公司', { primaryContact: { name: '甲联系人' } }));
    const second = await api.customers.create.mutate(company('回收乙公司', { primaryContact: { name: '乙联系人' } }));
    const extra = await api.contacts.create.mutate({ customerId: second.id, name: '乙的同事', confirmDuplicates: true });
    const own = await rep.api.customers.create.mutate(company('小王回收客户'));
    tick();
    await api.customers.delete.mutate({ id: first.id });
    tick();
    await api.contacts.delete.mutate({ id: extra.id });
    tick();
    await rep.api.customers.delete.mutate({ id: own.id });
  });

  it('gives the trash’s entries in its order (latest deleted first), filtered by kind and search', async () => {
    const { rows } = await readCsvExport(api, await exportTrash(api, { search: '回收' }));
    const list = await api.trash.list.query({ search: '回收' });
    expect(rows.map((row) => row[1])).toEqual(list.items.map((i) => i.name));
    expect(firstColumn(rows)).toEqual(['客户', '联系人', '客户']);
    expect(rows[1]).toEqual(['联系人', '乙的同事', '回收乙公司', '', '老板', shanghai(list.items[1]!.deletedAt)]);
    expect(rows[2]!.slice(1, 4)).toEqual(['回收甲公司', '', '1']);

    const { rows: customers } = await readCsvExport(api, await exportTrash(api, { kind: 'customer', search: '回收' }));
    expect(customers.map((row) => row[1])).toEqual(['小王回收客户', '回收甲公司']);
    expect(customers[1]![3]).toBe('1');
  });

  it('gives a sales rep only what they deleted of their own customers', async () => {
    const { rows } = await readCsvExport(rep.api, await exportTrash(rep.api));
    expect(rows.map((row) => row[1])).toEqual(['小王回收客户']);
  });

  it('refuses a kind the trash does not hold', async () => {
    expect((await appErrorOf(exportTrash(api, { kind: 'deal' }))).fieldErrors).toHaveProperty('kind');
  });
});

describe('a long list', () => {
  it('is written a page at a time, every row once and in the list’s order', async () => {
    const { user } = await api.auth.status.query();
    const now = clock.now().getTime();
    const count = 2_345;
    await t.host.services.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++) {
        // Several leads share each instant: the list orders ties by id, and so must every page.
        const at = new Date(now + Math.floor(i / 7) * 1000).toISOString();
        await insertLead(trx, {
          company_name: `批量线索${String(i).padStart(4, '0')}`, person_name: null, title: null, mobile: null, landline: null, email: null,
          wechat_id: null, province: null, city: null, notes: null, source: 'exhibition', status: 'new', score: i % 100, owner_id: user!.id,
          converted_customer_id: null, converted_at: null, created_by: user!.id, created_at: at, updated_at: at, deleted_at: null, deleted_by: null, version: 1,
        });
      }
    });
    const filter = { sources: ['exhibition'] };
    const listed: { companyName: string | null; score: number }[] = [];
    for (let offset = 0; offset < count; offset += 200) listed.push(...(await api.leads.list.query({ ...filter, offset, limit: 200 })).items);
    const ticket = await api.exports.leads.mutate({ ...options, format: 'xlsx', headers: keyHeaders(columnsOf(leadExport)), values: {}, ...filter });
    const { rows } = await readXlsxExport(api, ticket);
    expect(rows).toHaveLength(count);
    expect(firstColumn(rows)).toEqual(listed.map((l) => l.companyName));
    // Scores stay numbers in the workbook.
    const score = columnsOf(leadExport).indexOf('score');
    expect(rows.map((row) => row[score])).toEqual(listed.map((l) => l.score));
  });
});
