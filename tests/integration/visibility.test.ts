import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../electron/api/router.js';
import { insertNotification } from '../../db/notification.repository.js';
import { leadExport } from '../../electron/services/export/lead-export.js';
import { columnsOf } from '../../electron/services/export/list-export.js';
import { keyHeaders } from '../helpers/export-files.js';
import { company } from '../helpers/test-records.js';
import { appErrorOf, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';
import { grant, signInColleague } from '../helpers/test-users.js';

/**
 * No insecure direct object references: rep B asks for, and tries to change, rep A's records through
 * every procedure of the API, with A's real ids and valid inputs. Every procedure must be listed below
 * (a new one fails the first test until it is), and none may answer with A's data or change it.
 */

let t: TestHost;
let a: { id: number; api: ApiClient };
let b: { id: number; api: ApiClient };
const SECRET = '甲的机密';
const at = '2026-03-02T09:00:00.000Z';

interface Records {
  customer: Awaited<ReturnType<ApiClient['customers']['get']['query']>>;
  contactId: number;
  contactVersion: number;
  deleted: { id: number; version: number };
  interaction: { id: number; version: number };
  deal: Awaited<ReturnType<ApiClient['opportunities']['get']['query']>>;
  task: { id: number; version: number };
  lead: { id: number; version: number };
  uploadId: string;
  downloadId: string;
  notificationId: number;
  bCustomer: { id: number; version: number };
}
let r: Records;

beforeAll(async () => {
  t = await startTestHost();
  a = await signInColleague(t, 'rep-a', 'sales');
  b = await signInColleague(t, 'rep-b', 'sales');
  // Both may export, so the export procedures are tested on visibility, not on the permission.
  await grant(t.api, 'sales', { customers: ['export'], leads: ['export'], opportunities: ['export'] });

  const created = await a.api.customers.create.mutate(
    company(`${SECRET}客户有限公司`, { tags: [`${SECRET}标签`], primaryContact: { name: `${SECRET}联系人`, mobile: '13900001111' } }),
  );
  const contact = (await a.api.customers.get.query({ id: created.id })).contacts[0]!;
  const gone = await a.api.customers.create.mutate(company(`${SECRET}已删除公司`));
  await a.api.customers.delete.mutate({ id: gone.id });
  const { followUpTask: _none, ...interaction } = await a.api.interactions.log.mutate({
    customerId: created.id,
    type: 'call',
    occurredAt: at,
    content: `${SECRET}通话内容`,
  });
  const deal = await a.api.opportunities.create.mutate({ customerId: created.id, name: `${SECRET}商机`, amountMinor: 100_00 });
  const task = await a.api.tasks.create.mutate({ title: `${SECRET}任务`, dueAt: '2026-03-03T10:00:00Z', link: { type: 'customer', id: created.id } });
  const lead = await a.api.leads.create.mutate({ fields: { companyName: `${SECRET}线索公司`, personName: '甲', mobile: '13800002222', source: 'website' } });
  const { uploadId } = await a.api.imports.begin.mutate({ fileName: `${SECRET}.csv`, size: 10 });
  const { downloadId } = await a.api.exports.leads.mutate({
    format: 'csv',
    headers: keyHeaders(columnsOf(leadExport)),
    values: {},
    title: 'leads',
    timeZone: 'Asia/Shanghai',
  });
  const notificationId = await insertNotification(t.host.services.db, {
    user_id: a.id,
    kind: 'task_reminder',
    title: `${SECRET}提醒`,
    data: JSON.stringify({ taskId: task.id }),
    link: null,
    created_at: at,
    read_at: null,
  });
  const bCustomer = await b.api.customers.create.mutate(company('乙的客户'));
  // As it stands after all of A's work on it: nothing B tries may change it.
  const customer = await a.api.customers.get.query({ id: created.id });
  r = {
    customer,
    contactId: contact.id,
    contactVersion: contact.version,
    deleted: { id: gone.id, version: gone.version + 1 },
    interaction: { id: interaction.id, version: interaction.version },
    deal,
    task: { id: task.id, version: task.version },
    lead: { id: lead.id, version: lead.version },
    uploadId,
    downloadId,
    notificationId,
    bCustomer: { id: bCustomer.id, version: bCustomer.version },
  };
});
afterAll(() => t.close());

type Call = (api: ApiClient) => Promise<unknown>;

/** Procedures that name one of A's records: B must be refused (not found, or forbidden). */
const targeted: Record<string, Call> = {
  'customers.get': (api) => api.customers.get.query({ id: r.customer.id }),
  'customers.update': (api) =>
    api.customers.update.mutate({ ...company('改名'), tags: [], ownerId: b.id, id: r.customer.id, version: r.customer.version }),
  'customers.delete': (api) => api.customers.delete.mutate({ id: r.customer.id }),
  'customers.history': (api) => api.customers.history.query({ customerId: r.customer.id }),
  'contacts.create': (api) => api.contacts.create.mutate({ customerId: r.customer.id, name: '乙加的联系人', isPrimary: false } as never),
  'contacts.update': (api) => api.contacts.update.mutate({ id: r.contactId, version: r.contactVersion, name: '改名', isPrimary: true } as never),
  'contacts.delete': (api) => api.contacts.delete.mutate({ id: r.contactId } as never),
  'interactions.timeline': (api) => api.interactions.timeline.query({ customerId: r.customer.id }),
  'interactions.log': (api) => api.interactions.log.mutate({ customerId: r.customer.id, type: 'note', occurredAt: at, content: '乙' }),
  'interactions.update': (api) =>
    api.interactions.update.mutate({ id: r.interaction.id, version: r.interaction.version, customerId: r.customer.id, type: 'note', occurredAt: at, content: '乙' } as never),
  'interactions.delete': (api) => api.interactions.delete.mutate({ id: r.interaction.id, version: r.interaction.version }),
  'tasks.get': (api) => api.tasks.get.query({ id: r.task.id }),
  'tasks.create': (api) => api.tasks.create.mutate({ title: '乙', dueAt: '2026-03-03T10:00:00Z', link: { type: 'customer', id: r.customer.id } }),
  'tasks.update': (api) =>
    api.tasks.update.mutate({ id: r.task.id, version: r.task.version, title: '乙', dueAt: '2026-03-03T10:00:00Z', link: { type: 'customer', id: r.bCustomer.id } } as never),
  'tasks.reschedule': (api) => api.tasks.reschedule.mutate({ id: r.task.id, version: r.task.version, dueAt: '2026-03-04T10:00:00Z' } as never),
  'tasks.setStatus': (api) => api.tasks.setStatus.mutate({ id: r.task.id, version: r.task.version, status: 'done' }),
  'tasks.delete': (api) => api.tasks.delete.mutate({ id: r.task.id }),
  'opportunities.get': (api) => api.opportunities.get.query({ id: r.deal.id }),
  'opportunities.create': (api) => api.opportunities.create.mutate({ customerId: r.customer.id, name: '乙的商机', amountMinor: 1 } as never),
  'opportunities.update': (api) =>
    api.opportunities.update.mutate({ customerId: r.bCustomer.id, name: '乙', amountMinor: 1, id: r.deal.id, version: r.deal.version, stageId: r.deal.stageId } as never),
  'opportunities.move': (api) => api.opportunities.move.mutate({ id: r.deal.id, version: r.deal.version, stageId: r.deal.stageId } as never),
  'opportunities.delete': (api) => api.opportunities.delete.mutate({ id: r.deal.id }),
  'leads.get': (api) => api.leads.get.query({ id: r.lead.id }),
  'leads.history': (api) => api.leads.history.query({ leadId: r.lead.id }),
  'leads.update': (api) =>
    api.leads.update.mutate({ id: r.lead.id, version: r.lead.version, fields: { companyName: '乙', personName: '乙', mobile: '13800003333', source: 'website' } } as never),
  'leads.delete': (api) => api.leads.delete.mutate({ id: r.lead.id }),
  'leads.assign': (api) => api.leads.assign.mutate({ id: r.lead.id, version: r.lead.version, assign: { mode: 'manual', ownerId: b.id } }),
  'leads.convert': (api) => api.leads.convert.mutate({ id: r.lead.id, version: r.lead.version } as never),
  'pool.claim': (api) => api.pool.claim.mutate({ kind: 'customer', id: r.customer.id, version: r.customer.version }),
  'pool.release': (api) => api.pool.release.mutate({ kind: 'customer', id: r.customer.id, version: r.customer.version, reason: '乙' }),
  'duplicates.dismiss': (api) => api.duplicates.dismiss.mutate({ customerIds: [r.customer.id, r.bCustomer.id] }),
  'duplicates.merge': (api) =>
    api.duplicates.merge.mutate({ survivorId: r.bCustomer.id, survivorVersion: r.bCustomer.version, mergedId: r.customer.id, mergedVersion: r.customer.version, choices: {} } as never),
  'trash.restore': (api) => api.trash.restore.mutate({ kind: 'customer', id: r.deleted.id, version: r.deleted.version }),
  'presence.here': (api) => api.presence.here.mutate({ entity: 'customer', id: r.customer.id, editing: false }),
  'presence.others': (api) => api.presence.others.query({ entity: 'customer', id: r.customer.id }),
  'imports.inspect': (api) => api.imports.inspect.mutate({ uploadId: r.uploadId }),
  'imports.upload': (api) => api.imports.upload.mutate({ uploadId: r.uploadId, offset: 0, data: 'AAAA' }),
  'imports.preview': (api) => api.imports.preview.mutate({ uploadId: r.uploadId, mapping: { name: 0 }, policy: 'skip' } as never),
  'imports.start': (api) => api.imports.start.mutate({ uploadId: r.uploadId, mapping: { name: 0 }, policy: 'skip' } as never),
  'imports.progress': (api) => api.imports.progress.query({ uploadId: r.uploadId }),
  'imports.problems': (api) => api.imports.problems.query({ uploadId: r.uploadId }),
  'imports.errorReport': (api) => api.imports.errorReport.mutate({ uploadId: r.uploadId, labels: { line: 'l', reason: 'r', texts: {} } }),
  'imports.discard': (api) => api.imports.discard.mutate({ uploadId: r.uploadId }),
  'exports.download': (api) => api.exports.download.query({ downloadId: r.downloadId, offset: 0 }),
};

/** Procedures that answer with lists or files: B gets none of A's records in them. */
const listing: Record<string, Call> = {
  'customers.list': (api) => api.customers.list.query({ ownerIds: [a.id] } as never),
  'customers.tags': (api) => api.customers.tags.query(),
  'interactions.timeline (own customer)': (api) => api.interactions.timeline.query({ customerId: r.bCustomer.id }),
  'tasks.list': (api) => api.tasks.list.query({}),
  'tasks.myDay': (api) => api.tasks.myDay.query({ timeZone: 'Asia/Shanghai' }),
  'calendar.range': (api) => api.calendar.range.query({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', assigneeId: a.id }),
  'calendar.exportIcs': (api) => api.calendar.exportIcs.query({ timeZone: 'Asia/Shanghai' }),
  'opportunities.list': (api) => api.opportunities.list.query({}),
  'opportunities.board': (api) => api.opportunities.board.query({ limit: 50 }),
  'opportunities.column': (api) => api.opportunities.column.query({ stageId: r.deal.stageId, offset: 0, limit: 50 } as never),
  'leads.list': (api) => api.leads.list.query({}),
  'pool.list': (api) => api.pool.list.query({ kind: 'customer' } as never),
  'duplicates.pairs': (api) => api.duplicates.pairs.query({}),
  'trash.list': (api) => api.trash.list.query({}),
  'notifications.list': (api) => api.notifications.list.query({}),
  'users.list': async (api) => (await api.users.list.query()).filter((u) => u.id !== a.id), // names of colleagues are not secret
};

/** Office administration: a sales rep is refused whatever the input. */
const administration: Record<string, Call> = {
  'backups.updateSettings': (api) => api.backups.updateSettings.mutate({ folder: '', time: '12:30', retention: { daily: 1, weekly: 1, monthly: 1 } } as never),
  'backups.setPassword': (api) => api.backups.setPassword.mutate({ password: 'x'.repeat(12) } as never),
  'backups.clearPassword': (api) => api.backups.clearPassword.mutate(),
  'backups.restore': (api) => api.backups.restore.mutate({ name: 'x.zip', password: null } as never),
  'pipeline.createStage': (api) => api.pipeline.createStage.mutate({ label: '乙', probability: 10 } as never),
  'pipeline.updateStage': (api) => api.pipeline.updateStage.mutate({ id: r.deal.stageId, label: '乙', probability: 10 } as never),
  'pipeline.reorderStages': (api) => api.pipeline.reorderStages.mutate({ ids: [r.deal.stageId] } as never),
  'pipeline.archiveStage': (api) => api.pipeline.archiveStage.mutate({ id: r.deal.stageId } as never),
  'pipeline.updateSettings': (api) => api.pipeline.updateSettings.mutate({ idleDays: 5 } as never),
  'pool.saveSettings': (api) => api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 1, recycleDays: 1, warnDays: 0, recycleTime: '02:00' } as never),
  'leads.saveSources': (api) => api.leads.saveSources.mutate({ sources: ['乙'] }),
  'leads.saveRules': (api) => api.leads.saveRules.mutate({ rules: [] }),
  'trash.purge': (api) => api.trash.purge.mutate({ kind: 'customer', id: r.deleted.id, version: r.deleted.version }),
  'lan.status': (api) => api.lan.status.query(),
  'lan.configure': (api) => api.lan.configure.mutate({ enabled: true, port: 5443 }),
  'permissions.matrix': (api) => api.permissions.matrix.query(),
  'permissions.save': (api) => api.permissions.save.mutate({} as never),
};

/** Procedures with no other user's record in their input or answer, and why. */
const unrelated: Record<string, string> = {
  'auth.status': 'the caller’s own session',
  'auth.setupOwner': 'refused once the owner exists',
  'auth.login': 'public',
  'auth.logout': 'the caller’s own session',
  'auth.logoutEverywhere': 'the caller’s own sessions',
  'customers.create': 'creates the caller’s own record',
  'leads.create': 'creates the caller’s own record',
  'imports.begin': 'starts the caller’s own upload',
  'exports.customers': 'rows are the list’s, checked in export tests',
  'exports.deals': 'rows are the list’s, checked in list-export tests',
  'exports.leads': 'rows are the list’s, checked in list-export tests',
  'exports.poolCustomers': 'the pool, checked in list-export tests',
  'exports.poolLeads': 'the pool, checked in list-export tests',
  'exports.trash': 'rows are the trash list’s, checked in list-export tests',
  'backups.status': 'office-wide status, no records',
  'backups.list': 'backup file names, no records',
  'backups.settings': 'office-wide settings',
  'backups.runNow': 'anyone may start the daily backup early; the file stays on the host',
  'customers.checkDuplicates': 'checked below: a colleague’s match shows its name and owner only',
  'notifications.unreadCount': 'the caller’s own count',
  'notifications.markRead': 'checked below: another user’s notification is left as it is',
  'notifications.markAllRead': 'the caller’s own notifications',
  'pool.status': 'the caller’s own count',
  'pool.settings': 'office-wide settings',
  'pipeline.stages': 'office-wide pipeline',
  'pipeline.settings': 'office-wide settings',
  'leads.sources': 'office-wide list',
  'leads.teams': 'team names for the assignment form',
  'leads.rules': 'office-wide assignment rules',
  'presence.leave': 'removes only the caller',
};

describe('record visibility: a sales rep and a colleague’s records', () => {
  it('classifies every procedure of the API', () => {
    const listed = new Set([...Object.keys(targeted), ...Object.keys(listing).map((k) => k.split(' ')[0]!), ...Object.keys(administration), ...Object.keys(unrelated)]);
    const missing = Object.keys(appRouter._def.procedures).filter((path) => !listed.has(path));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(targeted))('%s refuses another rep’s record', async (_path, call) => {
    const error = await appErrorOf(call(b.api));
    expect(['not_found', 'forbidden', 'validation']).toContain(error.code);
    // A validation refusal must be about the record (not a malformed probe that proves nothing).
    if (error.code === 'validation') expect(Object.values(error.fieldErrors ?? {}).join()).toMatch(/^(invalidLink|invalidCustomer|notInPool)$/);
  });

  it.each(Object.entries(listing))('%s shows none of another rep’s records', async (_path, call) => {
    const answer = await call(b.api).catch((error: unknown) => ({ refused: String(error) }));
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });

  it.each(Object.entries(administration))('%s is refused to a sales rep', async (_path, call) => {
    expect((await appErrorOf(call(b.api))).code).toBe('forbidden');
  });

  it('warns of a colleague’s customer with the same name, saying only its name and owner', async () => {
    const matches = await b.api.customers.checkDuplicates.query({ name: `${SECRET}客户有限公司` });
    expect(matches).toEqual([
      { reason: 'name', customerId: r.customer.id, customerName: r.customer.name, contactId: null, contactName: null, ownerName: 'rep-a', visible: false },
    ]);
    const byPhone = await b.api.customers.checkDuplicates.query({ name: '乙新客户', mobile: '13900001111' });
    expect(byPhone).toEqual([{ reason: 'mobile', customerId: r.customer.id, customerName: r.customer.name, contactId: null, contactName: null, ownerName: 'rep-a', visible: false }]);
  });

  it('leaves another user’s notification unread', async () => {
    expect(await b.api.notifications.markRead.mutate({ ids: [r.notificationId] })).toEqual({ changed: 0 });
    expect((await a.api.notifications.list.query({})).items.find((n) => n.id === r.notificationId)?.readAt ?? null).toBeNull();
  });

  it('changed nothing of A’s', async () => {
    const customer = await a.api.customers.get.query({ id: r.customer.id });
    expect(customer).toEqual(r.customer);
    expect((await a.api.opportunities.get.query({ id: r.deal.id })).version).toBe(r.deal.version);
    expect((await a.api.tasks.get.query({ id: r.task.id })).version).toBe(r.task.version);
    expect((await a.api.leads.get.query({ id: r.lead.id })).version).toBe(r.lead.version);
    expect((await a.api.interactions.timeline.query({ customerId: r.customer.id })).items.map((i) => i.content)).toEqual([`${SECRET}通话内容`]);
  });
});
