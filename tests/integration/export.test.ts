import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../db/user.repository.js';
import { hashPassword } from '../../electron/services/password.js';
import { downloadFile, importFile, uploadFile } from '../helpers/files-api.js';
import { apiClient, appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

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
  const bytes = await downloadFile(client, ticket.downloadId);
  return { ticket, bytes, lines: bytes.subarray(3).toString('utf8').trim().split('\r\n') };
}

describe('export customers', () => {
  it('writes CSV in UTF-8 with a BOM, translated headers, and Chinese that survives the trip', async () => {
    const { ticket, bytes, lines } = await exportCsv(api, { sort: 'name', direction: 'asc' });
    expect(ticket.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(Object.values(HEADERS).join(','));
    const first = lines.find((line) => line.startsWith('丙公司'))!.split(',');
    expect(first.slice(0, 15)).toEqual([
      '丙公司', '公司', '成交客户', '', '', '转介绍', '丙公司联系人', '经理', '137 0000 0003', '0571-8888 6666', '13700000003@example.cn', '', '浙江', '杭州', '西湖区文三路 1 号',
    ]);
    expect(first[15]).toBe('老板');
  });

  it('keeps the list’s filter and sort', async () => {
    const { lines } = await exportCsv(api, { stages: ['customer'], sort: 'name', direction: 'desc' });
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['小王的客户', '乙公司', '丙公司']);
    const { lines: searched } = await exportCsv(api, { search: '甲公司' });
    expect(searched.slice(1).map((line) => line.split(',')[0])).toEqual(['甲公司']);
  });

  it('shows a sales rep only their own customers, as the list does', async () => {
    const { lines } = await exportCsv(sales);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['小王的客户']);
  });

  it('writes an XLSX file that exceljs opens, with the same rows', async () => {
    const ticket = await api.exports.customers.mutate(exportInput({ format: 'xlsx', sort: 'name', direction: 'asc', values: { ...VALUES, 'sheet.customers': '客户' } }));
    expect(ticket.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = await downloadFile(api, ticket.downloadId);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const sheet = workbook.getWorksheet('客户')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('客户名称');
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toEqual(['丙公司', '乙公司', '小王的客户', '甲公司'].sort((a, b) => (a < b ? -1 : 1)));
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
