import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, importFile, uploadFile, waitForImport } from '../helpers/files-api.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestHost();
  api = t.api;
});
afterAll(() => t.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

const db = () => t.host.services.db;

async function customerNamed(name: string) {
  const { items } = await api.customers.list.query({ search: name });
  const item = items.find((c) => c.name === name);
  return item ? api.customers.get.query({ id: item.id }) : undefined;
}

describe('import: encodings and formats', () => {
  const csv = (suffix: string) =>
    [
      '客户名称,联系人,手机,邮箱,省份,城市,阶段,标签',
      `华东${suffix}贸易有限公司,陈${suffix}明,13900001${suffix === '甲' ? '001' : suffix === '乙' ? '002' : '003'},chen@${suffix === '甲' ? 'a' : suffix === '乙' ? 'b' : 'c'}.cn,上海,上海,意向客户,"VIP,华东"`,
    ].join('\r\n');

  it.each([
    ['UTF-8', 'utf8.csv', () => utf8(csv('甲')), '甲'],
    ['UTF-8 with BOM', 'bom.csv', () => withBom(csv('乙')), '乙'],
    ['GBK (Excel on Chinese Windows)', 'gbk.csv', () => gbk(csv('丙')), '丙'],
  ])('imports %s CSV with the contact, tags, search document and audit entry', async (_label, fileName, bytes, suffix) => {
    const result = await importFile(api, fileName, bytes());
    expect(result.status).toBe('done');
    expect(result.counts).toMatchObject({ created: 1, failed: 0, skipped: 0 });
    const customer = await customerNamed(`华东${suffix}贸易有限公司`);
    expect(customer).toMatchObject({ province: '上海', city: '上海', stage: 'interested', kind: 'company', ownerName: '老板', tags: ['VIP', '华东'] });
    expect(customer!.contacts).toEqual([expect.objectContaining({ name: `陈${suffix}明`, isPrimary: true })]);
    // Found by the contact's name through the search index, like any customer.
    expect((await api.customers.list.query({ search: `陈${suffix}明` })).items.map((c) => c.name)).toContain(`华东${suffix}贸易有限公司`);
    // The same audit entries the form's create writes: the customer's and its contact's, on the customer's timeline.
    const audit = await db().selectFrom('audit_log').selectAll().where('customer_id', '=', customer!.id).orderBy('id').execute();
    expect(audit.map((a) => [a.entity, a.entity_id, a.op])).toEqual([
      ['customer', customer!.id, 'create'],
      ['contact', customer!.contacts[0]!.id, 'create'],
    ]);
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({ name: [null, `华东${suffix}贸易有限公司`], stage: [null, 'interested'], tags: [null, ['VIP', '华东']] });
    expect(JSON.parse(audit[1]!.changes)).toMatchObject({ name: [null, `陈${suffix}明`], isPrimary: [null, true] });
  });

  it('reports the encoding it detected', async () => {
    const uploadId = await uploadFile(api, 'gbk.csv', gbk('客户名称\n测试'));
    expect(await api.imports.inspect.mutate({ uploadId })).toMatchObject({ encoding: 'gb18030', headers: ['客户名称'], rowCount: 1 });
  });

  it('imports a real XLSX file written by exceljs (numbers as phones, dates as dates)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['Company', 'Contact', 'Mobile', 'Email', 'Next follow-up', 'Stage']);
    sheet.addRow(['Acme Trading Co., Ltd.', 'John Smith', 13700001111, 'John@Acme.com', new Date(Date.UTC(2026, 11, 24)), 'Customer']);
    sheet.addRow(['Globex', 'Jane Roe', '+44 20 7946 0958', '', null, '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importFile(api, 'customers.xlsx', bytes);
    expect(result.counts).toMatchObject({ created: 2, failed: 0 });
    expect(await customerNamed('Acme Trading Co., Ltd.')).toMatchObject({
      stage: 'customer',
      nextFollowUpOn: '2026-12-24',
      contacts: [expect.objectContaining({ name: 'John Smith', mobile: '137 0000 1111', email: 'john@acme.com' })],
    });
    // "Mobile" holding a landline-looking international number is still a valid mobile number here.
    expect((await customerNamed('Globex'))?.contacts[0]).toMatchObject({ name: 'Jane Roe' });
  });

  it('refuses a file that is neither CSV text nor a readable XLSX', async () => {
    const uploadId = await uploadFile(api, 'broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await appErrorOf(api.imports.inspect.mutate({ uploadId }))).toMatchObject({ code: 'validation', fieldErrors: { file: 'unreadableFile' } });
  });
});

describe('import: bad rows', () => {
  const file = [
    '公司名称,联系人,手机,电子邮箱',
    '好客户一号,赵一,13811110001,zhao1@good.cn',
    '坏手机公司,钱二,1381111,qian@bad.cn',
    '坏邮箱公司,孙三,13811110003,not-an-email',
    ',李四,13811110004,li4@bad.cn',
    '"引号没关公司,周五,13811110005,zhou5@bad.cn',
    '好客户二号,吴六,13811110006,wu6@good.cn',
  ].join('\n');

  it('reports each bad row with its line and reason in the preview, and writes nothing', async () => {
    const before = await db().selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const uploadId = await uploadFile(api, 'bad.csv', utf8(file));
    const { mapping } = await api.imports.inspect.mutate({ uploadId });
    const preview = await api.imports.preview.mutate({ uploadId, mapping, policy: 'skip' });
    expect(preview.counts).toMatchObject({ total: 6, created: 2, failed: 4 });
    expect(preview.problems.map((p) => [p.line, p.kind, p.issues])).toEqual([
      [3, 'invalid', [{ field: 'mobile', message: 'invalidMobile' }]],
      [4, 'invalid', [{ field: 'email', message: 'invalidEmail' }]],
      [5, 'invalid', [{ field: 'name', message: 'required' }]],
      [6, 'broken', [{ field: 'row', message: 'unclosedQuote' }]],
    ]);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [7, 'create'],
    ]);
    const after = await db().selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await api.imports.discard.mutate({ uploadId });
  });

  it('imports the good rows only; nothing of a bad row (customer or contact) is written', async () => {
    const result = await importFile(api, 'bad.csv', utf8(file));
    expect(result.counts).toMatchObject({ total: 6, created: 2, failed: 4 });
    expect(await customerNamed('好客户一号')).toBeDefined();
    expect(await customerNamed('好客户二号')).toBeDefined();
    for (const name of ['坏手机公司', '坏邮箱公司', '引号没关公司']) {
      expect(await db().selectFrom('customers').select('id').where('name', 'like', `%${name}%`).execute()).toEqual([]);
    }
    for (const contact of ['钱二', '孙三', '李四', '周五']) {
      expect(await db().selectFrom('contacts').select('id').where('name', '=', contact).execute()).toEqual([]);
    }
    const problems = await api.imports.problems.query({ uploadId: result.uploadId });
    expect(problems.items.map((p) => p.line)).toEqual([3, 4, 5, 6]);
  });

  it('offers the bad rows as a CSV (with a BOM) with their lines, reasons and original cells', async () => {
    const result = await importFile(api, 'bad-again.csv', utf8(file), 'create');
    const ticket = await api.imports.errorReport.mutate({
      uploadId: result.uploadId,
      labels: {
        line: '行号',
        reason: '原因',
        texts: { 'kind.invalid': '数据有误', 'kind.broken': '无法读取', 'field.mobile': '手机', 'message.invalidMobile': '手机号格式不正确', 'message.unclosedQuote': '引号未闭合' },
      },
    });
    expect(ticket.fileName).toBe('bad-again-errors.csv');
    expect(result.counts).toMatchObject({ created: 2, failed: 4 });
    const bytes = await downloadFile(api, ticket.downloadId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('行号,原因,公司名称,联系人,手机,电子邮箱');
    expect(lines[1]).toBe('3,数据有误: 手机: 手机号格式不正确,坏手机公司,钱二,1381111,qian@bad.cn');
    expect(lines[4]).toBe('6,无法读取: 引号未闭合,"""引号没关公司,周五,13811110005,zhou5@bad.cn"');
    expect(lines).toHaveLength(5);
    // A download is read once, then its file is gone.
    expect((await appErrorOf(api.exports.download.query({ downloadId: ticket.downloadId, offset: 0 }))).code).toBe('not_found');
  });
});

describe('import: duplicate policies', () => {
  beforeAll(async () => {
    await api.customers.create.mutate({
      name: '深圳鹏程电子有限公司',
      kind: 'company',
      stage: 'prospect',
      industry: '电子',
      tags: ['老客户'],
      primaryContact: { name: '林鹏', mobile: '13600006666', email: 'lin@pengcheng.cn' },
    });
  });

  // Row 2 matches by mobile (written differently), row 3 by company name (without the legal suffix),
  // row 4 is new, row 5 repeats row 4's email inside the file.
  const file = [
    'Customer name,Contact,Mobile,Email,City,Tags',
    '鹏程电子(深圳),林鹏,+86 136-0000-6666,,深圳,华南',
    '深圳鹏程电子,黄河,,huang@pengcheng.cn,,',
    '全新客户公司,马新,13500005555,ma@new.cn,广州,',
    '全新客户公司二,马新二,,ma@new.cn,佛山,',
  ].join('\n');

  const count = async (name: string) =>
    (await db().selectFrom('customers').select('id').where('name', '=', name).where('deleted_at', 'is', null).execute()).length;

  it('skip: rows matching an existing record (or an earlier row) are skipped and reported', async () => {
    const result = await importFile(api, 'dups.csv', utf8(file), 'skip');
    expect(result.counts).toMatchObject({ created: 1, skipped: 3, updated: 0, failed: 0 });
    const problems = await api.imports.problems.query({ uploadId: result.uploadId });
    expect(problems.items.map((p) => [p.line, p.kind, p.duplicateOf])).toEqual([
      [2, 'duplicate', '深圳鹏程电子有限公司'],
      [3, 'duplicate', '深圳鹏程电子有限公司'],
      [5, 'duplicate', '全新客户公司'],
    ]);
    expect(await count('全新客户公司')).toBe(1);
    expect(await count('全新客户公司二')).toBe(0);
    expect((await customerNamed('深圳鹏程电子有限公司'))?.city).toBeNull();
  });

  it('update: the existing record takes the row’s non-blank fields and tags; its contact is updated or added', async () => {
    const result = await importFile(api, 'dups.csv', utf8(file), 'update');
    expect(result.counts).toMatchObject({ created: 0, updated: 4, skipped: 0, failed: 0 });
    const pengcheng = await customerNamed('深圳鹏程电子有限公司');
    expect(pengcheng).toMatchObject({ city: '深圳', industry: '电子', version: 2, tags: ['华南', '老客户'] });
    expect(pengcheng!.contacts.map((c) => [c.name, c.email])).toEqual([
      ['林鹏', 'lin@pengcheng.cn'],
      ['黄河', 'huang@pengcheng.cn'],
    ]);
    // The added contact is in the customer's search document.
    expect((await api.customers.list.query({ search: '黄河' })).items.map((c) => c.name)).toContain('深圳鹏程电子有限公司');
    expect(await count('全新客户公司')).toBe(1);
    expect(await count('全新客户公司二')).toBe(0);
    // Row 5 updated the customer row 4 created in the first import: by the email they share.
    expect(await customerNamed('全新客户公司')).toMatchObject({ city: '佛山', contacts: [expect.objectContaining({ name: '马新二' })] });
    const audit = await db().selectFrom('audit_log').selectAll().where('entity', '=', 'customer').where('entity_id', '=', pengcheng!.id).orderBy('id').execute();
    expect(audit.map((a) => a.op)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toMatchObject({ city: [null, '深圳'] });
  });

  it('update: two rows of one batch matching one customer (one by its contact, one by its name) both apply', async () => {
    await api.customers.create.mutate({
      name: '杭州西湖茶业有限公司',
      kind: 'company',
      stage: 'prospect',
      tags: [],
      primaryContact: { name: '龙井', mobile: '13700007777' },
    });
    const rows = ['Customer name,Contact,Mobile,City,Tags', '西湖茶叶铺,龙井,13700007777,杭州,', '杭州西湖茶业有限公司,,,,茶'].join('\n');
    const result = await importFile(api, 'same-customer.csv', utf8(rows), 'update');
    expect(result.counts).toMatchObject({ created: 0, updated: 2, failed: 0 });
    // The second row saw the first one's change: both saved, one after the other.
    expect(await customerNamed('杭州西湖茶业有限公司')).toMatchObject({ city: '杭州', tags: ['茶'], version: 3 });
  });

  it('create: every valid row becomes a new customer, duplicates or not', async () => {
    const result = await importFile(api, 'dups.csv', utf8(file), 'create');
    expect(result.counts).toMatchObject({ created: 4, updated: 0, skipped: 0 });
    expect(await count('全新客户公司')).toBe(2);
    expect(await count('全新客户公司二')).toBe(1);
  });
});

describe('import: column guessing', () => {
  it.each([
    [['客户名称', '联系人', '手机', '电话', '邮箱', '省份', '城市', '地址', '行业', '来源', '阶段', '标签', '微信', '职位', '备注']],
    [['Customer name', 'Contact', 'Mobile', 'Phone', 'E-mail', 'Province', 'City', 'Address', 'Industry', 'Source', 'Stage', 'Tags', 'WeChat', 'Title', 'Notes']],
  ])('guesses every field from %j', async (headers) => {
    const uploadId = await uploadFile(api, 'headers.csv', utf8(`${headers.join(',')}\n`));
    const { mapping } = await api.imports.inspect.mutate({ uploadId });
    expect(mapping).toEqual({
      name: 0,
      contactName: 1,
      mobile: 2,
      landline: 3,
      email: 4,
      province: 5,
      city: 6,
      address: 7,
      industry: 8,
      source: 9,
      stage: 10,
      tags: 11,
      wechatId: 12,
      title: 13,
      notes: 14,
    });
  });

  it('leaves unknown headers unmapped and needs a name column to run', async () => {
    const uploadId = await uploadFile(api, 'odd.csv', utf8('甲,乙\n1,2\n'));
    const { mapping } = await api.imports.inspect.mutate({ uploadId });
    expect(mapping).toEqual({});
    expect(await appErrorOf(api.imports.start.mutate({ uploadId, mapping, policy: 'skip' }))).toMatchObject({ fieldErrors: { name: 'required' } });
  });
});

describe('import: uploads', () => {
  it('joins a file sent in many chunks, and refuses a chunk out of order', async () => {
    const text = `客户名称,备注\n分块上传公司,${'很长的备注'.repeat(100)}\n`;
    const bytes = utf8(text);
    const uploadId = await uploadFile(api, 'chunks.csv', bytes, 97);
    await api.imports.start.mutate({ uploadId, mapping: { name: 0, notes: 1 }, policy: 'skip' });
    expect((await waitForImport(api, uploadId)).counts).toMatchObject({ created: 1 });
    expect((await customerNamed('分块上传公司'))?.notes).toBe('很长的备注'.repeat(100));

    const { uploadId: other } = await api.imports.begin.mutate({ fileName: 'x.csv', size: 10 });
    const error = await appErrorOf(api.imports.upload.mutate({ uploadId: other, offset: 5, data: 'AAAA' }));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { offset: 'invalid' } });
  });

  it('removes the uploaded file once the import has run', async () => {
    const { readdirSync } = await import('node:fs');
    const uploads = () => readdirSync(join(t.dir, 'work', 'imports'));
    const result = await importFile(api, 'cleanup.csv', utf8('客户名称\n清理测试公司\n'));
    expect(result.status).toBe('done');
    expect(uploads().filter((f) => f.startsWith(result.uploadId))).toEqual([]);
  });
});
