import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS } from '../../electron/services/permissions.js';
import { leadExport } from '../../electron/services/export/lead-export.js';
import { columnsOf } from '../../electron/services/export/list-export.js';
import { keyHeaders } from '../helpers/export-files.js';
import { appErrorOf, startTestHost, type TestHost } from '../helpers/test-host.js';
import { company } from '../helpers/test-records.js';
import { grant, signInColleague } from '../helpers/test-users.js';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t.close());

const exportLeads = { format: 'csv' as const, headers: keyHeaders(columnsOf(leadExport)), values: {}, title: 'leads', timeZone: 'Asia/Shanghai' };

describe('the module permission matrix', () => {
  it('applies the office defaults: reps do not export, finance does not create customers, service has no leads', async () => {
    const rep = await signInColleague(t, 'rep', 'sales');
    const finance = await signInColleague(t, 'money', 'finance');
    const service = await signInColleague(t, 'help', 'service');
    const marketing = await signInColleague(t, 'ads', 'marketing');
    expect((await appErrorOf(rep.api.exports.leads.mutate(exportLeads))).code).toBe('forbidden');
    expect((await appErrorOf(finance.api.customers.create.mutate(company('财务建的客户')))).code).toBe('forbidden');
    expect((await appErrorOf(service.api.leads.list.query({}))).code).toBe('forbidden');
    await expect(marketing.api.exports.leads.mutate(exportLeads)).resolves.toMatchObject({ fileName: expect.stringMatching(/\.csv$/) });
    // The session tells the screens the same.
    expect((await rep.api.auth.status.query()).user?.modules.customers).toEqual(['view', 'create', 'edit', 'delete']);
    expect((await service.api.auth.status.query()).user?.modules.leads).toEqual([]);
  });

  it('is changed by an admin, takes effect at once, and is audited; managers and reps may not change it', async () => {
    const admin = await signInColleague(t, 'admin', 'admin');
    const rep = await signInColleague(t, 'rep2', 'sales');
    const manager = await signInColleague(t, 'boss2', 'manager');
    const mine = await rep.api.customers.create.mutate(company('代表的客户'));

    await grant(admin.api, 'sales', { leads: ['export'] });
    await expect(rep.api.exports.leads.mutate(exportLeads)).resolves.toBeTruthy();
    const { matrix } = await admin.api.permissions.matrix.query();
    await admin.api.permissions.save.mutate({ ...matrix, sales: { ...matrix.sales, customers: ['view', 'create', 'edit'] } });
    expect((await appErrorOf(rep.api.customers.delete.mutate({ id: mine.id }))).code).toBe('forbidden');
    expect((await rep.api.auth.status.query()).user?.modules.customers).toEqual(['view', 'create', 'edit']);

    expect((await appErrorOf(manager.api.permissions.save.mutate(matrix))).code).toBe('forbidden');
    expect((await appErrorOf(rep.api.permissions.matrix.query())).code).toBe('forbidden');

    const audit = await t.host.services.db.selectFrom('audit_log').selectAll().where('entity', '=', 'permissions').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toEqual({ 'sales.customers': [['view', 'create', 'edit', 'delete'], ['view', 'create', 'edit']] });
    expect(audit.user_id).toBe(admin.id);
  });

  it('never locks the owner out, and refuses a malformed matrix', async () => {
    const { matrix } = await t.api.permissions.matrix.query();
    const saved = await t.api.permissions.save.mutate({ ...matrix, owner: { customers: [] } });
    expect(saved.owner).toEqual(DEFAULT_PERMISSIONS.owner);
    await expect(t.api.customers.create.mutate(company('老板的客户'))).resolves.toBeTruthy();

    const bad = await appErrorOf(t.api.permissions.save.mutate({ ...matrix, sales: { customers: ['view', 'fly'] } } as never));
    expect(bad.code).toBe('validation');
  });
});
