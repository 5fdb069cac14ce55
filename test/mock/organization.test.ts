import { describe, expect, it } from 'vitest';
import { account, logIn, signUp, type Notification } from '../support/account-flows.js';
import { useMock } from '../support/mock-client.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';

const mock = useMock();

const mainOrg = () => mock.app.mock.world.mainOrganizationId;

/** A new account with its own organization, and a token scoped to it. */
async function ownOrganization(handle: string): Promise<{ token: string; orgId: string }> {
  const bare = await signUp(mock, account(handle));
  const orgId = (await mock.call('POST', '/organization', { body: { name: `${handle} Ltd` }, token: bare })).body.organization.uniqueId as string;
  const token = (await mock.call('POST', '/auth/switch', { body: { organizationId: orgId }, token: bare })).body.token as string;
  return { token, orgId };
}

describe('the user', () => {
  it('GET /user shows the current organization with its settings and the constant feature flags', async () => {
    const r = await mock.call('GET', '/user');
    expect(r.status).toBe(200);
    const { user } = r.body;
    expect(user).toMatchObject({ username: 'demo', email: 'demo@wapikit.test', isOwner: true, currentOrganizationAccessLevel: 'Owner' });
    expect(user.organization.uniqueId).toBe(mainOrg());
    expect(user.organization.whatsappBusinessAccountDetails.businessAccountId).toMatch(/^\d+$/);
    expect(user.organization.aiConfiguration).toEqual({ isEnabled: true, model: 'Gpt4o' });
    const flags = await mock.call('GET', '/system/feature-flags');
    expect(user.featureFlags).toEqual(flags.body.featureFlags);
    expect(flags.body.featureFlags.SystemFeatureFlags).toMatchObject({ isCloudEdition: false, isEnterpriseEdition: false, isAiIntegrationEnabled: true });
  });

  it('POST /user really changes the name and picture (the server bug that clears them is not reproduced)', async () => {
    const r = await mock.call('POST', '/user', { body: { name: 'Demo Owner', profilePicture: 'https://cdn.example.com/me.png' } });
    expect(r.body).toEqual({ isUpdated: true });
    expect((await mock.call('GET', '/user')).body.user).toMatchObject({ name: 'Demo Owner', profilePicture: 'https://cdn.example.com/me.png' });
    const members = await mock.call('GET', '/organization/members?page=1&per_page=50');
    expect(members.body.members.find((m: { email: string }) => m.email === 'demo@wapikit.test').name).toBe('Demo Owner');
    const blank = await mock.call('POST', '/user', { body: { name: '  ' } });
    expect(blank.status).toBe(400);
    expect((await mock.call('GET', '/user')).body.user.name).toBe('Demo Owner');
  });

  it('notifications: seeded campaign, assignment and invite news; unreadCount counts every page', async () => {
    const all: Notification[] = [];
    let unread = -1;
    for (let page = 1; ; page++) {
      const r = await mock.call('GET', `/user/notifications?page=${page}&per_page=4`);
      expect(r.status).toBe(200);
      unread = r.body.unreadCount;
      all.push(...r.body.notifications);
      if (r.body.notifications.length < 4) {
        expect(r.body.paginationMeta.total).toBe(all.length);
        break;
      }
    }
    expect(unread).toBe(all.filter((n) => !n.read).length);
    expect(unread).toBeGreaterThan(0);
    expect(unread).toBeLessThan(all.length);
    const times = all.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.map((n) => n.type))).toEqual(new Set(['CampaignFinished', 'CampaignStarted', 'ConversationAssigned', 'MemberJoined', 'OrganizationInvite']));
    const campaign = all.find((n) => n.type === 'CampaignFinished')!;
    const campaignId = campaign.ctaUrl!.replace('/campaigns/', '');
    expect(mock.app.mock.store.campaigns.get(campaignId)?.status).toBe('Finished');
  });
});

describe('organizations', () => {
  it('lists the caller\'s organizations and reads one; a non-member gets 404', async () => {
    const list = await mock.call('GET', '/organization?page=1&per_page=10');
    expect(list.body.paginationMeta.total).toBe(2);
    const ids = list.body.organizations.map((o: { uniqueId: string }) => o.uniqueId);
    expect(ids).toContain(mainOrg());
    for (const id of ids) expect((await mock.call('GET', `/organization/${id}`)).body.organization.uniqueId).toBe(id);
    const { token } = await ownOrganization('outsider');
    const r = await mock.call('GET', `/organization/${mainOrg()}`, { token });
    expect([r.status, r.body]).toEqual([404, 'Organization not found']);
  });

  it('updates name, description and settings; the AI configuration follows', async () => {
    const r = await mock.call('POST', `/organization/${mainOrg()}`, {
      body: {
        name: 'Juniper & Co',
        description: 'Homeware',
        aiConfiguration: { model: 'Claude3.5', apiKey: 'sk-test-1', isEnabled: true },
        emailNotificationConfiguration: { smtpHost: 'smtp.example.com', smtpPort: '587', smtpUsername: 'bot', smtpPassword: 'pw' },
      },
    });
    expect(r.body).toEqual({ isUpdated: true });
    const org = (await mock.call('GET', `/organization/${mainOrg()}`)).body.organization;
    expect(org).toMatchObject({ name: 'Juniper & Co', description: 'Homeware', aiConfiguration: { model: 'Claude3.5', isEnabled: true }, emailNotificationConfiguration: { smtpHost: 'smtp.example.com' } });
    expect((await mock.call('GET', '/organization/ai-configuration')).body.aiConfiguration).toEqual({ model: 'Claude3.5', apiKey: 'sk-test-1', isEnabled: true });
  });

  it('the agent (no Update:Organization) cannot update it, and nothing changes', async () => {
    const agent = await logIn(mock, AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    const r = await mock.call('POST', `/organization/${mainOrg()}`, { body: { name: 'Hijacked' }, token: agent });
    expect([r.status, r.body]).toEqual([401, 'You are not authorized to access this resource.']);
    expect((await mock.call('GET', `/organization/${mainOrg()}`)).body.organization.name).not.toBe('Hijacked');
  });

  it('transfers ownership to a member: they become Owner, the caller a Member', async () => {
    const members = (await mock.call('GET', '/organization/members?page=1&per_page=50')).body.members as Array<{ uniqueId: string; email: string; accessLevel: string }>;
    const agent = members.find((m) => m.email === 'agent@wapikit.test')!;
    const r = await mock.call('POST', `/organization/${mainOrg()}/transfer`, { body: { newOwnerId: agent.uniqueId } });
    expect(r.body).toEqual({ isTransferred: true });
    const after = (await mock.call('GET', '/user')).body.user;
    expect(after).toMatchObject({ isOwner: false, currentOrganizationAccessLevel: 'Member' });
    const agentToken = await logIn(mock, AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    expect((await mock.call('GET', '/user', { token: agentToken })).body.user.isOwner).toBe(true);
    // Only an Owner can transfer, and the former owner is a Member now.
    const again = await mock.call('POST', `/organization/${mainOrg()}/transfer`, { body: { newOwnerId: agent.uniqueId } });
    expect(again.status).toBe(401);
  });

  it('refuses to transfer to someone outside the organization', async () => {
    const stranger = [...mock.app.mock.store.members.values()].find((m) => m.organizationId !== mainOrg() && !mock.app.mock.store.memberOf(m.userId, mainOrg()))!;
    const r = await mock.call('POST', `/organization/${mainOrg()}/transfer`, { body: { newOwnerId: stranger.uniqueId } });
    expect([r.status, r.body]).toEqual([400, 'New owner is not a member of this organization']);
  });
});

describe('WhatsApp Business Account, templates and phone numbers', () => {
  it('the main organization has its templates and numbers; GET by id wraps the template in {template}', async () => {
    const templates = await mock.call('GET', '/organization/templates');
    expect(templates.body.length).toBeGreaterThan(0);
    const t = templates.body[0];
    expect((await mock.call('GET', `/organization/templates/${t.id}`)).body).toEqual({ template: t });
    const numbers = await mock.call('GET', '/organization/phone-numbers');
    expect(numbers.body.length).toBeGreaterThan(0);
    expect((await mock.call('GET', `/organization/phone-numbers/${numbers.body[0].id}`)).body).toEqual(numbers.body[0]);
    expect((await mock.call('GET', '/organization/templates/123456789012345')).status).toBe(404);
  });

  it('a new organization has none until it connects an account; connecting returns a webhook secret', async () => {
    const { token, orgId } = await ownOrganization('fresh');
    expect((await mock.call('GET', '/organization/templates', { token })).body).toEqual([]);
    expect((await mock.call('GET', '/organization/phone-numbers', { token })).body).toEqual([]);
    const none = await mock.call('GET', '/organization/templates/123456789012345', { token });
    expect([none.status, none.body]).toEqual([400, 'Please update your business account details in the settings first.']);
    expect((await mock.call('GET', '/organization/ai-configuration', { token })).body.aiConfiguration.isEnabled).toBe(false);

    const r = await mock.call('POST', '/organization/whatsappBusinessAccount', { body: { businessAccountId: '104857392019283', accessToken: 'EAAGtest' }, token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ businessAccountId: '104857392019283', accessToken: 'EAAGtest' });
    expect(r.body.webhookSecret).toMatch(/^[0-9a-f]{32}$/);
    const org = (await mock.call('GET', `/organization/${orgId}`, { token })).body.organization;
    expect(org.whatsappBusinessAccountDetails).toEqual(r.body);
    const templates = (await mock.call('GET', '/organization/templates', { token })).body;
    expect(templates.map((t: { name: string }) => t.name)).toEqual(['hello_world']);
    expect((await mock.call('GET', '/organization/phone-numbers', { token })).body).toHaveLength(1);
  });
});

describe('tags', () => {
  it('creates a tag, lists it, and refuses a duplicate label in any case', async () => {
    const created = await mock.call('POST', '/organization/tags', { body: { label: 'Loyalty' } });
    expect(created.status).toBe(200);
    const list = await mock.call('GET', '/organization/tags?page=1&per_page=100');
    expect(list.body.tags).toContainEqual(created.body.tag);
    expect(list.body.paginationMeta.total).toBe(list.body.tags.length);
    const dup = await mock.call('POST', '/organization/tags', { body: { label: ' loyalty ' } });
    expect([dup.status, dup.body]).toEqual([400, 'Tag already exists']);
    expect((await mock.call('GET', '/organization/tags?page=1&per_page=100')).body.paginationMeta.total).toBe(list.body.paginationMeta.total);
  });

  it('pages and sorts', async () => {
    const asc = (await mock.call('GET', '/organization/tags?page=1&per_page=100&sortBy=asc')).body.tags.map((t: { uniqueId: string }) => t.uniqueId);
    const desc = (await mock.call('GET', '/organization/tags?page=1&per_page=100&sortBy=desc')).body.tags.map((t: { uniqueId: string }) => t.uniqueId);
    expect(desc).toEqual([...asc].reverse());
    const p2 = await mock.call('GET', '/organization/tags?page=2&per_page=3&sortBy=asc');
    expect(p2.body.tags.map((t: { uniqueId: string }) => t.uniqueId)).toEqual(asc.slice(3, 6));
  });
});
