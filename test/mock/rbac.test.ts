import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logIn } from '../support/account-flows.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';
import type { components } from '../../src/generated/wapikit.js';

const FORBIDDEN = 'You are not authorized to access this resource.';

type Schemas = components['schemas'];
type Member = Schemas['OrganizationMemberSchema'];

let mock: TestMock;
let agent: string;
beforeAll(async () => {
  mock = await startMock();
});
beforeEach(async () => {
  mock.app.mock.reset();
  agent = await logIn(mock, AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
});
afterAll(() => mock.close());

async function members(): Promise<Member[]> {
  const r = await mock.call<{ members: Member[] }>('GET', '/organization/members?page=1&per_page=50');
  expect(r.status).toBe(200);
  return r.body.members;
}

const agentMember = async () => (await members()).find((m) => m.email === 'agent@wapikit.test')!;

describe('the agent account (a Member whose role lacks most permissions)', () => {
  it.each([
    ['GET /organization/members', 'GET', '/organization/members?page=1&per_page=5', undefined],
    ['GET /rbac/roles', 'GET', '/rbac/roles?page=1&per_page=5', undefined],
    ['POST /organization/invites', 'POST', '/organization/invites', { email: 'x@example.com', accessLevel: 'Member' }],
    ['GET /auth/api-keys', 'GET', '/auth/api-keys', undefined],
    ['GET /organization/phone-numbers', 'GET', '/organization/phone-numbers', undefined],
  ])('is refused %s with 401 and the real message', async (_name, method, path, body) => {
    const r = await mock.call(method, path, { token: agent, body });
    expect(r.status).toBe(401);
    expect(r.body).toBe(FORBIDDEN);
  });

  it.each([
    ['GET /organization/tags (Get:Tag)', '/organization/tags?page=1&per_page=5'],
    ['GET /organization/templates (Get:MessageTemplates)', '/organization/templates'],
    ['GET /conversations (Get:Conversation)', '/conversations?page=1&per_page=5'],
    ['GET /user (no permission needed)', '/user'],
    ['GET /knowledge-base (no permission needed)', '/knowledge-base?page=1&per_page=5'],
  ])('may use %s', async (_name, path) => {
    expect((await mock.call('GET', path, { token: agent })).status).toBe(200);
  });

  it('a permission granted to the role works at once, and taking it back refuses again', async () => {
    const role = (await agentMember()).roles[0]!;
    const path = '/organization/members?page=1&per_page=5';
    expect((await mock.call('GET', path, { token: agent })).status).toBe(401);
    const granted = await mock.call('POST', `/rbac/roles/${role.uniqueId}`, { body: { name: role.name, permissions: [...role.permissions, 'Get:OrganizationMember'] } });
    expect(granted.status).toBe(200);
    expect((await mock.call('GET', path, { token: agent })).status).toBe(200);
    await mock.call('POST', `/rbac/roles/${role.uniqueId}`, { body: { name: role.name, permissions: role.permissions } });
    expect((await mock.call('GET', path, { token: agent })).status).toBe(401);
  });
});

describe('roles', () => {
  it('create → get → update → list, with permissions deduplicated', async () => {
    const created = await mock.call('POST', '/rbac/roles', { body: { name: 'Night shift', description: 'Weekend cover', permissions: ['Get:Conversation', 'Get:Conversation', 'Get:Contact'] } });
    expect(created.status).toBe(200);
    const role = created.body.role;
    expect(role).toMatchObject({ name: 'Night shift', description: 'Weekend cover', permissions: ['Get:Conversation', 'Get:Contact'] });
    expect((await mock.call('GET', `/rbac/roles/${role.uniqueId}`)).body.role).toEqual(role);
    const updated = await mock.call('POST', `/rbac/roles/${role.uniqueId}`, { body: { name: 'Night shift', permissions: ['Assign:Conversation'] } });
    expect(updated.body.role.permissions).toEqual(['Assign:Conversation']);
    const list = await mock.call('GET', '/rbac/roles?page=1&per_page=50');
    expect(list.body.roles.find((r: { uniqueId: string }) => r.uniqueId === role.uniqueId)).toEqual(updated.body.role);
    expect(list.body.paginationMeta.total).toBe(list.body.roles.length);
  });

  it.each([
    ['an unknown role', 'GET', '/rbac/roles/0b6a7b5e-6a53-4bd1-8f1e-7a6a1c0d9e21', undefined, 404, 'Role not found'],
    ['a duplicate name', 'POST', '/rbac/roles', { name: 'support AGENT', permissions: [] }, 400, 'Role already exists'],
    ['an unknown permission', 'POST', '/rbac/roles', { name: 'x', permissions: ['Fly:Plane'] }, 400, undefined],
  ])('refuses %s', async (_name, method, path, body, status, message) => {
    const r = await mock.call(method, path, { body });
    expect(r.status).toBe(status);
    if (message) expect(r.body).toBe(message);
  });

  it('a deleted role disappears from the members who held it, and from their permissions', async () => {
    const before = await agentMember();
    const role = before.roles[0]!;
    const holders = (await members()).filter((m) => m.roles.some((r) => r.uniqueId === role.uniqueId));
    expect(holders.length).toBeGreaterThan(0);
    expect((await mock.call('GET', '/organization/tags?page=1&per_page=5', { token: agent })).status).toBe(200);

    const r = await mock.call('DELETE', `/rbac/roles/${role.uniqueId}`);
    expect(r.body).toEqual({ data: true });
    for (const m of await members()) expect(m.roles.map((x) => x.uniqueId)).not.toContain(role.uniqueId);
    expect((await mock.call('GET', `/organization/members/${before.uniqueId}`)).body.member.roles).toEqual([]);
    expect((await mock.call('GET', `/rbac/roles/${role.uniqueId}`)).status).toBe(404);
    // Get:Tag came from that role only.
    expect((await mock.call('GET', '/organization/tags?page=1&per_page=5', { token: agent })).status).toBe(401);
  });
});

describe('members', () => {
  it('sets a member\'s roles; unknown roles are refused and change nothing', async () => {
    const m = await agentMember();
    const roles = (await mock.call('GET', '/rbac/roles?page=1&per_page=50')).body.roles as Array<{ uniqueId: string; name: string }>;
    const wanted = roles.slice(0, 2).map((r) => r.uniqueId);
    const set = await mock.call('POST', `/organization/members/${m.uniqueId}/role`, { body: { updatedRoleIds: wanted } });
    expect(set.body).toEqual({ isRoleUpdated: true });
    expect((await agentMember()).roles.map((r) => r.uniqueId)).toEqual(wanted);

    const bad = await mock.call('POST', `/organization/members/${m.uniqueId}/role`, { body: { updatedRoleIds: [wanted[0], '9d9d9d9d-1111-4222-8333-444444444444'] } });
    expect([bad.status, bad.body]).toEqual([404, 'Role not found']);
    expect((await agentMember()).roles.map((r) => r.uniqueId)).toEqual(wanted);
  });

  it('changes an access level and answers the spec\'s {data: {member}}', async () => {
    const m = await agentMember();
    const r = await mock.call('POST', `/organization/members/${m.uniqueId}`, { body: { accessLevel: 'Owner' } });
    expect(r.status).toBe(200);
    expect(r.body.data.member).toMatchObject({ uniqueId: m.uniqueId, accessLevel: 'Owner' });
    // As an Owner the agent now passes every permission check.
    expect((await mock.call('GET', '/organization/members?page=1&per_page=5', { token: agent })).status).toBe(200);
  });

  it('keeps at least one Owner', async () => {
    const owner = (await members()).find((m) => m.accessLevel === 'Owner')!;
    const demote = await mock.call('POST', `/organization/members/${owner.uniqueId}`, { body: { accessLevel: 'Member' } });
    expect([demote.status, demote.body]).toEqual([400, 'An organization must keep at least one Owner']);
    const remove = await mock.call('DELETE', `/organization/members/${owner.uniqueId}`);
    expect([remove.status, remove.body]).toEqual([400, 'Cannot remove the only Owner of the organization']);
  });

  it('a removed member disappears everywhere: members, conversation assignments, their tokens', async () => {
    const m = await agentMember();
    // Give the agent a conversation to be sure one is assigned to them.
    const conv = (await mock.call('GET', '/conversations?page=1&per_page=1')).body.conversations[0];
    expect((await mock.call('POST', `/conversation/${conv.uniqueId}/assign`, { body: { organizationMemberId: m.uniqueId } })).status).toBe(200);
    const assigned = [...mock.app.mock.store.conversations.values()].filter((c) => c.assignedToMemberId === m.uniqueId).map((c) => c.uniqueId);
    expect(assigned.length).toBeGreaterThan(0);

    const r = await mock.call('DELETE', `/organization/members/${m.uniqueId}`);
    expect(r.body).toEqual({ data: true });

    expect((await members()).map((x) => x.uniqueId)).not.toContain(m.uniqueId);
    expect((await mock.call('GET', `/organization/members/${m.uniqueId}`)).status).toBe(404);
    for (const id of assigned.slice(0, 10)) {
      const detail = await mock.call('GET', `/conversation/${id}`);
      expect(detail.body.conversation.assignedTo).toBeUndefined();
    }
    const page = await mock.call('GET', '/conversations?page=1&per_page=50');
    for (const c of page.body.conversations) expect(c.assignedTo?.uniqueId).not.toBe(m.uniqueId);
    const stale = await mock.call('GET', '/user', { token: agent });
    expect([stale.status, stale.body]).toEqual([401, 'Unauthorized access']);
    // The account still exists; it just belongs to no organization now.
    expect((await mock.call('POST', '/auth/login', { body: { username: AGENT_ACCOUNT.username, password: AGENT_ACCOUNT.password }, token: null })).status).toBe(200);
  });
});
