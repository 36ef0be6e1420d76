import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/tables/user.table.js';
import { appRouter } from '../../electron/api/router.js';
import type { ChangeEvent } from '../../electron/events.js';
import { company } from '../helpers/test-records.js';
import { apiClient, appErrorOf, cookieOf, OWNER, startTestHost, type ApiClient, type TestHost } from '../helpers/test-host.js';

let t: TestHost;
let owner: ApiClient;
const events: ChangeEvent[] = [];

beforeAll(async () => {
  t = await startTestHost();
  owner = t.api;
  t.host.events.subscribe((event) => events.push(event));
});
afterAll(() => t.close());

const PASSWORD = 'first pass 123';

/** An account created through the API by `by` (the owner unless said), and a client signed in as it. */
async function account(username: string, role: Role, extra: { teamId?: number | null; by?: ApiClient } = {}) {
  const created = await (extra.by ?? owner).users.create.mutate({
    username,
    displayName: username,
    role,
    teamId: extra.teamId ?? null,
    password: PASSWORD,
  });
  return { ...created, api: await signedIn(username) };
}

async function signedIn(username: string, password = PASSWORD): Promise<ApiClient> {
  const api = apiClient(t.host);
  await api.auth.login.mutate({ username, password });
  return api;
}

const fieldErrorsOf = async (call: Promise<unknown>) => (await appErrorOf(call)).fieldErrors;

async function auditOf(entity: 'user' | 'team', id: number) {
  return t.host.services.db
    .selectFrom('audit_log')
    .select(['op', 'changes', 'user_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
}

describe('accounts', () => {
  it('creates an account that signs in at once; the audit log and the event never carry the password', async () => {
    const team = await owner.teams.create.mutate({ name: '华东销售部' });
    const created = await owner.users.create.mutate({
      username: 'li.wei',
      displayName: '李伟',
      role: 'sales',
      teamId: team.id,
      password: PASSWORD,
    });
    expect(created).toMatchObject({ username: 'li.wei', displayName: '李伟', role: 'sales', teamId: team.id, teamName: '华东销售部', disabledAt: null });
    expect(events).toContainEqual({ entity: 'user', id: created.id, op: 'create' });

    const api = await signedIn('li.wei');
    expect((await api.auth.status.query()).user).toMatchObject({ id: created.id, role: 'sales', teamId: team.id });

    const [entry] = await auditOf('user', created.id);
    expect(entry?.op).toBe('create');
    expect(JSON.parse(entry!.changes)).toEqual({
      username: [null, 'li.wei'],
      displayName: [null, '李伟'],
      role: [null, 'sales'],
      teamId: [null, team.id],
    });
    expect(entry!.changes).not.toMatch(/scrypt|first pass/);

    const listed = await owner.users.accounts.query();
    expect(listed.find((u) => u.id === created.id)).toMatchObject({ teamName: '华东销售部', lastSeenAt: expect.any(String) });
  });

  it('refuses a username taken in any case, a short password, an unknown team and a bad username', async () => {
    const base = { displayName: '某人', role: 'sales' as const, teamId: null, password: PASSWORD };
    expect(await fieldErrorsOf(owner.users.create.mutate({ ...base, username: 'BOSS' }))).toEqual({ username: 'usernameTaken' });
    expect(await fieldErrorsOf(owner.users.create.mutate({ ...base, username: 'ｂｏｓｓ' }))).toEqual({ username: 'usernameTaken' });
    expect(await fieldErrorsOf(owner.users.create.mutate({ ...base, username: 'short.pw', password: '1234567' }))).toEqual({
      password: 'passwordTooShort',
    });
    expect(await fieldErrorsOf(owner.users.create.mutate({ ...base, username: 'no.team', teamId: 9999 }))).toEqual({ teamId: 'unknownTeam' });
    expect(await fieldErrorsOf(owner.users.create.mutate({ ...base, username: 'two words', displayName: ' ' }))).toEqual({
      username: 'invalidUsername',
      displayName: 'required',
    });
    const usernames = (await owner.users.accounts.query()).map((u) => u.username);
    expect(usernames).not.toContain('short.pw');
    expect(usernames).not.toContain('no.team');
  });

  it('updates name, role and team; the change takes effect in the open session', async () => {
    const rep = await account('zhao.qiang', 'sales');
    const team = await owner.teams.create.mutate({ name: '华南销售部' });
    const updated = await owner.users.update.mutate({ id: rep.id, displayName: '赵强', role: 'service', teamId: team.id });
    expect(updated).toMatchObject({ displayName: '赵强', role: 'service', teamId: team.id, teamName: '华南销售部' });
    expect((await rep.api.auth.status.query()).user).toMatchObject({ displayName: '赵强', role: 'service', teamId: team.id });
    const entries = await auditOf('user', rep.id);
    expect(JSON.parse(entries.at(-1)!.changes)).toEqual({
      displayName: ['zhao.qiang', '赵强'],
      role: ['sales', 'service'],
      teamId: [null, team.id],
    });
    expect(await fieldErrorsOf(owner.users.update.mutate({ id: rep.id, displayName: '赵强', role: 'service', teamId: 4242 }))).toEqual({
      teamId: 'unknownTeam',
    });
    expect((await appErrorOf(owner.users.update.mutate({ id: 4242, displayName: 'x', role: 'sales', teamId: null }))).code).toBe('not_found');
  });

  it('disables an account: its open session is refused at once, it cannot sign in, and enabling lets it back', async () => {
    const rep = await account('sun.li', 'sales');
    await rep.api.customers.list.query({});
    const disabled = await owner.users.disable.mutate({ id: rep.id });
    expect(disabled.disabledAt).not.toBeNull();

    expect((await appErrorOf(rep.api.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await rep.api.auth.status.query()).user).toBeNull();
    expect((await appErrorOf(signedIn('sun.li'))).code).toBe('bad_credentials');
    const sessions = await t.host.services.db.selectFrom('sessions').select('token_hash').where('user_id', '=', rep.id).execute();
    expect(sessions).toEqual([]);
    expect((await owner.users.list.query()).map((u) => u.id)).not.toContain(rep.id);

    await owner.users.enable.mutate({ id: rep.id });
    expect((await (await signedIn('sun.li')).auth.status.query()).user?.id).toBe(rep.id);
    const changes = (await auditOf('user', rep.id)).slice(-2).map((e) => Object.keys(JSON.parse(e.changes)));
    expect(changes).toEqual([['disabledAt'], ['disabledAt']]);
  });

  it('an administrator resets a password: every session of that account ends, and only the new password works', async () => {
    const rep = await account('zhou.min', 'sales');
    const otherDevice = await signedIn('zhou.min');
    await owner.users.resetPassword.mutate({ id: rep.id, password: 'brand new pass' });
    expect((await appErrorOf(rep.api.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await appErrorOf(otherDevice.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await appErrorOf(signedIn('zhou.min'))).code).toBe('bad_credentials');
    await signedIn('zhou.min', 'brand new pass');

    expect(await fieldErrorsOf(owner.users.resetPassword.mutate({ id: rep.id, password: 'short' }))).toEqual({ password: 'passwordTooShort' });
    const me = (await owner.auth.status.query()).user!;
    expect(await fieldErrorsOf(owner.users.resetPassword.mutate({ id: me.id, password: 'another pass 1' }))).toEqual({ id: 'ownPassword' });
    const entry = (await auditOf('user', rep.id)).at(-1)!;
    expect(JSON.parse(entry.changes)).toEqual({ password: [null, 'reset'] });
  });

  it('anyone changes their own password with the current one; other devices are signed out, this one stays', async () => {
    const rep = await account('wu.fang', 'marketing');
    const otherDevice = await signedIn('wu.fang');
    expect(await fieldErrorsOf(rep.api.users.changeOwnPassword.mutate({ currentPassword: 'not it', newPassword: 'a new password' }))).toEqual({
      currentPassword: 'wrongPassword',
    });
    expect(await fieldErrorsOf(rep.api.users.changeOwnPassword.mutate({ currentPassword: PASSWORD, newPassword: 'short' }))).toEqual({
      newPassword: 'passwordTooShort',
    });
    await otherDevice.customers.list.query({});

    await rep.api.users.changeOwnPassword.mutate({ currentPassword: PASSWORD, newPassword: 'a new password' });
    await rep.api.customers.list.query({});
    expect((await appErrorOf(otherDevice.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await appErrorOf(signedIn('wu.fang'))).code).toBe('bad_credentials');
    await signedIn('wu.fang', 'a new password');
  });

  it('wrong current passwords count as failed sign-ins, so guessing through an open session is throttled too', async () => {
    const rep = await account('guess.me', 'sales');
    for (let i = 0; i < 5; i++) await appErrorOf(rep.api.users.changeOwnPassword.mutate({ currentPassword: `guess ${i}`, newPassword: 'whatever 123' }));
    const locked = await appErrorOf(rep.api.users.changeOwnPassword.mutate({ currentPassword: PASSWORD, newPassword: 'whatever 123' }));
    expect(locked.code).toBe('too_many_attempts');
  });
});

describe('who may change whose account', () => {
  let admin: Awaited<ReturnType<typeof account>>;
  let ownerId: number;

  beforeAll(async () => {
    admin = await account('admin.chen', 'admin');
    ownerId = (await owner.auth.status.query()).user!.id;
  });

  it('an administrator cannot touch the owner or another administrator, nor make anyone an administrator', async () => {
    const ownerEdit = { id: ownerId, displayName: '篡位', role: 'sales' as const, teamId: null };
    expect((await appErrorOf(admin.api.users.update.mutate(ownerEdit))).code).toBe('forbidden');
    expect((await appErrorOf(admin.api.users.disable.mutate({ id: ownerId }))).code).toBe('forbidden');
    expect((await appErrorOf(admin.api.users.resetPassword.mutate({ id: ownerId, password: 'taken over 1' }))).code).toBe('forbidden');
    await signedIn(OWNER.username, OWNER.password);

    const peer = await account('admin.lin', 'admin');
    expect((await appErrorOf(admin.api.users.disable.mutate({ id: peer.id }))).code).toBe('forbidden');

    expect(await fieldErrorsOf(account('made.admin', 'admin', { by: admin.api }))).toEqual({ role: 'roleOwnerOnly' });
    expect(await fieldErrorsOf(account('made.owner', 'owner', { by: admin.api }))).toEqual({ role: 'roleOwnerOnly' });
    const rep = await account('promoted', 'sales', { by: admin.api });
    expect(await fieldErrorsOf(admin.api.users.update.mutate({ id: rep.id, displayName: 'p', role: 'admin', teamId: null }))).toEqual({
      role: 'roleOwnerOnly',
    });
    expect((await owner.users.update.mutate({ id: rep.id, displayName: 'p', role: 'admin', teamId: null })).role).toBe('admin');
  });

  it('an administrator manages everyone else, and edits their own name, but cannot disable themselves', async () => {
    const rep = await account('managed.rep', 'finance');
    await admin.api.users.update.mutate({ id: rep.id, displayName: '财务小王', role: 'finance', teamId: null });
    await admin.api.users.resetPassword.mutate({ id: rep.id, password: 'reset by admin' });
    await admin.api.users.disable.mutate({ id: rep.id });
    await admin.api.users.enable.mutate({ id: rep.id });
    expect((await admin.api.users.update.mutate({ id: admin.id, displayName: '陈管理员', role: 'admin', teamId: null })).displayName).toBe('陈管理员');
    expect(await fieldErrorsOf(admin.api.users.disable.mutate({ id: admin.id }))).toEqual({ id: 'cannotDisableSelf' });
  });

  it('the last active owner can be neither disabled nor demoted; with a second owner, one may step down', async () => {
    expect(await fieldErrorsOf(owner.users.disable.mutate({ id: ownerId }))).toEqual({ id: 'lastOwner' });
    expect(await fieldErrorsOf(owner.users.update.mutate({ id: ownerId, displayName: OWNER.displayName, role: 'admin', teamId: null }))).toEqual({
      role: 'lastOwner',
    });
    const second = await account('co.owner', 'owner');
    expect(await fieldErrorsOf(second.api.users.disable.mutate({ id: second.id }))).toEqual({ id: 'cannotDisableSelf' });
    await second.api.users.update.mutate({ id: second.id, displayName: 'co.owner', role: 'admin', teamId: null });
    expect((await second.api.auth.status.query()).user?.role).toBe('admin');
  });

  it('everyone but the owner and administrators is refused every administration procedure', async () => {
    const roles: Role[] = ['manager', 'sales', 'service', 'marketing', 'finance'];
    const open = new Set(['users.list', 'users.changeOwnPassword']);
    const adminPaths = Object.entries(appRouter._def.procedures)
      .map(([path, procedure]) => ({ path, type: (procedure as unknown as { _def: { type: string } })._def.type }))
      .filter(({ path }) => /^(users|teams)\./.test(path) && !open.has(path));
    expect(adminPaths.map((p) => p.path).sort()).toEqual([
      'teams.create',
      'teams.delete',
      'teams.list',
      'teams.rename',
      'teams.setManager',
      'users.accounts',
      'users.create',
      'users.disable',
      'users.enable',
      'users.resetPassword',
      'users.update',
    ]);
    for (const role of roles) {
      const colleague = await account(`only.${role}`, role);
      const cookie = cookieOf(colleague.api)!;
      for (const { path, type } of adminPaths) {
        const url = `http://crm.test/api/trpc/${path}`;
        // A well-formed input, so the refusal is the role's and not the input's.
        const input = JSON.stringify({ id: ownerId, name: 'x', managerId: null, password: 'long enough 1' });
        const headers = { 'content-type': 'application/json', cookie };
        const request =
          type === 'query' ? new Request(`${url}?input=${encodeURIComponent(input)}`, { headers }) : new Request(url, { method: 'POST', headers, body: input });
        const response = await t.host.handleApi(request, { secure: false, remoteAddress: null });
        expect({ role, path, status: response.status }).toEqual({ role, path, status: 403 });
      }
    }
  });
});

describe('teams', () => {
  it('creates and renames teams with names unique in any case', async () => {
    const team = await owner.teams.create.mutate({ name: '大客户部' });
    expect(await fieldErrorsOf(owner.teams.create.mutate({ name: ' 大客户部 ' }))).toEqual({ name: 'teamNameTaken' });
    await owner.teams.create.mutate({ name: 'Key Accounts' });
    expect(await fieldErrorsOf(owner.teams.rename.mutate({ id: team.id, name: 'KEY ACCOUNTS' }))).toEqual({ name: 'teamNameTaken' });
    await owner.teams.rename.mutate({ id: team.id, name: '大客户一部' });
    expect((await owner.teams.list.query()).find((x) => x.id === team.id)).toMatchObject({ name: '大客户一部', managerId: null, memberCount: 0 });
    expect(await fieldErrorsOf(owner.teams.create.mutate({ name: '' }))).toEqual({ name: 'required' });
    expect((await appErrorOf(owner.teams.rename.mutate({ id: 9999, name: 'ghost' }))).code).toBe('not_found');
    const entries = await auditOf('team', team.id);
    expect(entries.map((e) => JSON.parse(e.changes))).toEqual([{ name: [null, '大客户部'] }, { name: ['大客户部', '大客户一部'] }]);
  });

  it('a manager must be active, joins the team they lead, and leads one team at most', async () => {
    const north = await owner.teams.create.mutate({ name: '华北销售部' });
    const west = await owner.teams.create.mutate({ name: '西南销售部' });
    const boss = await account('mgr.north', 'manager');
    await owner.teams.setManager.mutate({ id: north.id, managerId: boss.id });
    const teams = await owner.teams.list.query();
    expect(teams.find((x) => x.id === north.id)).toMatchObject({ managerId: boss.id, managerName: 'mgr.north', memberCount: 1 });
    expect((await boss.api.auth.status.query()).user?.teamId).toBe(north.id);

    // Leading another team moves them there and leaves the first without a manager.
    await owner.teams.setManager.mutate({ id: west.id, managerId: boss.id });
    const after = await owner.teams.list.query();
    expect(after.find((x) => x.id === north.id)).toMatchObject({ managerId: null, memberCount: 0 });
    expect(after.find((x) => x.id === west.id)).toMatchObject({ managerId: boss.id, memberCount: 1 });

    // Moving them out of the team, or disabling them, ends their management.
    await owner.users.update.mutate({ id: boss.id, displayName: 'mgr.north', role: 'manager', teamId: north.id });
    expect((await owner.teams.list.query()).find((x) => x.id === west.id)?.managerId).toBeNull();
    await owner.teams.setManager.mutate({ id: north.id, managerId: boss.id });
    await owner.users.disable.mutate({ id: boss.id });
    expect((await owner.teams.list.query()).find((x) => x.id === north.id)?.managerId).toBeNull();
    expect(await fieldErrorsOf(owner.teams.setManager.mutate({ id: north.id, managerId: boss.id }))).toEqual({ managerId: 'inactiveUser' });
    expect(await fieldErrorsOf(owner.teams.setManager.mutate({ id: north.id, managerId: 9999 }))).toEqual({ managerId: 'inactiveUser' });

    // Any active colleague may lead; clearing leaves the team without one.
    const rep = await account('rep.lead', 'sales');
    await owner.teams.setManager.mutate({ id: north.id, managerId: rep.id });
    await owner.teams.setManager.mutate({ id: north.id, managerId: null });
    expect((await owner.teams.list.query()).find((x) => x.id === north.id)).toMatchObject({ managerId: null, memberCount: 2 });
  });

  it('an administrator cannot move the owner into a team by making them its manager', async () => {
    const admin = await account('admin.team', 'admin');
    const team = await owner.teams.create.mutate({ name: '行政部' });
    const ownerId = (await owner.auth.status.query()).user!.id;
    expect((await appErrorOf(admin.api.teams.setManager.mutate({ id: team.id, managerId: ownerId }))).code).toBe('forbidden');
    expect((await owner.teams.list.query()).find((x) => x.id === team.id)?.managerId).toBeNull();
  });

  it('deletes only an empty team that no lead assignment rule uses', async () => {
    const team = await owner.teams.create.mutate({ name: '临时小组' });
    const member = await account('temp.member', 'sales', { teamId: team.id });
    expect(await fieldErrorsOf(owner.teams.delete.mutate({ id: team.id }))).toEqual({ id: 'teamNotEmpty' });
    await owner.users.disable.mutate({ id: member.id });
    expect(await fieldErrorsOf(owner.teams.delete.mutate({ id: team.id }))).toEqual({ id: 'teamNotEmpty' });
    await owner.users.update.mutate({ id: member.id, displayName: 'temp.member', role: 'sales', teamId: null });

    await owner.leads.saveRules.mutate({ rules: [{ matchField: 'source', matchValue: 'website', teamId: team.id }] });
    expect(await fieldErrorsOf(owner.teams.delete.mutate({ id: team.id }))).toEqual({ id: 'teamHasRules' });
    await owner.leads.saveRules.mutate({ rules: [] });

    await owner.teams.delete.mutate({ id: team.id });
    expect((await owner.teams.list.query()).map((x) => x.id)).not.toContain(team.id);
    expect((await auditOf('team', team.id)).at(-1)).toMatchObject({ op: 'delete', changes: JSON.stringify({ name: ['临时小组', null] }) });
    expect(events).toContainEqual({ entity: 'team', id: team.id, op: 'delete' });
    expect((await appErrorOf(owner.teams.delete.mutate({ id: team.id }))).code).toBe('not_found');
  });

  it("a manager sees the customers of a rep added to their team, and no longer once the rep leaves", async () => {
    const team = await owner.teams.create.mutate({ name: '渠道部' });
    const manager = await account('mgr.channel', 'manager');
    await owner.teams.setManager.mutate({ id: team.id, managerId: manager.id });
    const rep = await account('rep.channel', 'sales');
    const customer = await rep.api.customers.create.mutate(company('渠道伙伴有限公司'));
    const seen = async () => (await manager.api.customers.list.query({ search: '渠道伙伴' })).items.map((c) => c.id);

    expect(await seen()).toEqual([]);
    await owner.users.update.mutate({ id: rep.id, displayName: 'rep.channel', role: 'sales', teamId: team.id });
    expect(await seen()).toEqual([customer.id]);
    expect((await manager.api.customers.get.query({ id: customer.id })).name).toBe('渠道伙伴有限公司');
    await owner.users.update.mutate({ id: rep.id, displayName: 'rep.channel', role: 'sales', teamId: null });
    expect(await seen()).toEqual([]);
  });
});
