import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../db/user.repository.js';
import { hashPassword } from '../../electron/services/password.js';
import { readCsvExport, readXlsxExport } from '../helpers/export-files.js';
import { downloadFile, importFile, uploadFile } from '../helpers/files-api.js';
import { apiClient, appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { grant } from '../helpers/test-users.js';

let t: TestHost;
let api: ApiClient;
let sales: ApiClient;

const HEADERS = {
  name: '客户名称',
  kind: '类型',
  stage: '阶段',
  tier: '等级',
  industry: '行业',
  source: '来源',
  contactName: '联系人',
  title: '职务',
  mobile: '手机号',
  landline: '座机',
  email: '邮箱',
  wechatId: '微信号',
  province: '省份',
  city: '城市',
  address: '地址',
  owner: '负责人',
  tags: '标签',
  notes: '备注',
  lastContactedAt: '最近联系',
  nextFollowUpOn: '下次跟进',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};
const VALUES = { 'kind.company': '公司', 'stage.prospect': '潜在客户', 'stage.customer': '成交客户', 'source.referral': '转介绍' };
const exportInput = (extra: Record<string, unknown> = {}) => ({ format: 'csv' as const, headers: HEADERS, values: VALUES, timeZone: 'Asia/Shanghai', ...extra });

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
  const now = new Date().toISOString();
  await insertUser(t.host.services.db, {
    username: 'xiaowang',
    display_name: '小王',
    password_hash: await hashPassword('sales password 1'),
    role: 'sales',
    team_id: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  sales = apiClient(t.host);
  await sales.auth.login.mutate({ username: 'xiaowang', password: 'sales password 1' });
  // Reps do not export by default; this office lets them, so what they may export can be tested.
  await grant(t.api, 'sales', { customers: ['export'] });
  for (const [name, stage, mobile] of [
    ['丙公司', 'customer', '13700000003'],
    ['甲公司', 'prospect', '13700000001'],
    ['乙公司', 'customer', '13700000002'],
  ] as const) {
    await api.customers.create.mutate({
      name,
      kind: 'company',
      stage,
      source: 'referral',
      province: '浙江',
      city: '杭州',
      address: '西湖区文三路 1 号',
      tags: ['重点', '华东'],
      primaryContact: { name: `${name}联系人`, mobile, landline: '0571-88886666', email: `${mobile}@example.cn`, title: '经理' },
      confirmDuplicates: true,
    });
  }
  await sales.customers.create.mutate({ name: '小王的客户', kind: 'company', stage: 'customer' });
});
afterAll(() => t.close());

async function exportCsv(client: ApiClient, extra: Record<string, unknown> = {}) {
  const ticket = await client.exports.customers.mutate(exportInput(extra));
  return { ticket, ...(await readCsvExport(client, ticket)) };
}

const names = (rows: string[][]) => rows.map((row) => row[0]);

describe('export customers', () => {
  it('writes CSV in UTF-8 with a BOM, translated headers, and Chinese that survives the trip', async () => {
    // readCsvExport checks the BOM, then csv-parse reads the file back.
    const { ticket, header, rows } = await exportCsv(api, { sort: 'name', direction: 'asc' });
    expect(ticket.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(header).toEqual(Object.values(HEADERS));
    const first = rows.find((row) => row[0] === '丙公司')!;
    expect(first.slice(0, 15)).toEqual([
      '丙公司', '公司', '成交客户', '', '', '转介绍', '丙公司联系人', '经理', '137 0000 0003', '0571-8888 6666', '13700000003@example.cn', '', '浙江', '杭州', '西湖区文三路 1 号',
    ]);
    expect(first[15]).toBe('老板');
    expect(first[16]!.split(', ').sort()).toEqual(['华东', '重点'].sort());
  });

  it('keeps the list’s filter and sort', async () => {
    const filter = { stages: ['customer' as const], sort: 'name' as const, direction: 'desc' as const };
    const { rows } = await exportCsv(api, filter);
    expect(names(rows)).toEqual(['小王的客户', '乙公司', '丙公司']);
    expect(names(rows)).toEqual((await api.customers.list.query(filter)).items.map((c) => c.name));
    const { rows: searched } = await exportCsv(api, { search: '甲公司' });
    expect(names(searched)).toEqual(['甲公司']);
  });

  it('shows a sales rep only their own customers, as the list does', async () => {
    const { rows } = await exportCsv(sales);
    expect(names(rows)).toEqual(['小王的客户']);
    // Asking for a colleague's customers by owner finds nothing more.
    const { rows: asked } = await exportCsv(sales, { ownerIds: [1] });
    expect(asked).toEqual([]);
  });

  it('refuses a bad filter or missing headers with field errors, as the list does', async () => {
    const badStage = await appErrorOf(api.exports.customers.mutate(exportInput({ stages: ['vip'] })));
    expect(badStage.code).toBe('validation');
    expect(Object.keys(badStage.fieldErrors!)).toEqual(['stages.0']);
    const { email: _email, ...missing } = HEADERS;
    const noHeader = await appErrorOf(api.exports.customers.mutate(exportInput({ headers: missing })));
    expect(noHeader).toMatchObject({ code: 'validation', fieldErrors: { 'headers.email': 'invalid' } });
    const badZone = await appErrorOf(api.exports.customers.mutate(exportInput({ timeZone: 'Mars/Olympus' })));
    expect(badZone).toMatchObject({ code: 'validation', fieldErrors: { timeZone: 'invalid' } });
  });

  it('writes an XLSX file that exceljs opens, with the same rows', async () => {
    const ticket = await api.exports.customers.mutate(exportInput({ format: 'xlsx', sort: 'name', direction: 'asc', title: '客户' }));
    expect(ticket.fileName).toMatch(/^客户-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { sheet, header, rows } = await readXlsxExport(api, ticket);
    expect(sheet).toBe('客户');
    expect(header[0]).toBe('客户名称');
    const { items } = await api.customers.list.query({ sort: 'name', direction: 'asc' });
    expect(rows.map((row) => row[0])).toEqual(items.map((c) => c.name));
  });

  it('exports a file the import reads back as the same customers (skipped as duplicates)', async () => {
    const { bytes } = await exportCsv(api);
    const result = await importFile(api, 'round-trip.csv', bytes, 'skip');
    expect(result.counts).toMatchObject({ total: 4, created: 0, skipped: 4, failed: 0 });
    expect(result.mapping).toMatchObject({ name: 0, kind: 1, stage: 2, contactName: 6, mobile: 8, landline: 9, email: 10, address: 14, tags: 16 });
  });

  it('hands a download or an upload to the user who made it, and to no one else', async () => {
    const ticket = await api.exports.customers.mutate(exportInput());
    expect((await appErrorOf(sales.exports.download.query({ downloadId: ticket.downloadId, offset: 0 }))).code).toBe('not_found');
    expect((await appErrorOf(apiClient(t.host).exports.download.query({ downloadId: ticket.downloadId, offset: 0 }))).code).toBe('unauthenticated');
    expect((await downloadFile(api, ticket.downloadId)).length).toBe(ticket.size);

    const uploadId = await uploadFile(api, 'mine.csv', new TextEncoder().encode('客户名称\n甲\n'));
    expect((await appErrorOf(sales.imports.inspect.mutate({ uploadId }))).code).toBe('not_found');
  });
});
