import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type CampaignStatus } from './model.js';
import { AGENT_ACCOUNT, DEMO_ACCOUNT } from './demo-accounts.js';
import { E164_DIGITS } from './phone-numbers.js';
import { ms, testWorld } from './test-support.js';

const { world, snapshot } = testWorld();
const main = world.mainOrganizationId;
const orgOf = <T extends { organizationId: string }>(records: readonly T[], org: string): T[] => records.filter((r) => r.organizationId === org);

describe('accounts, organisations and teams', () => {
  it('has two organisations: the main store and a second, smaller one', () => {
    expect(world.organizations).toHaveLength(2);
    const [store, other] = world.organizations;
    expect(store?.uniqueId).toBe(main);
    expect(store?.businessKind).toBe('store');
    expect(other?.businessKind).toBe('clinic');
    expect(orgOf(world.conversations, other?.uniqueId ?? '').length).toBeLessThan(orgOf(world.conversations, main).length);
    for (const org of world.organizations) {
      expect(org.websiteUrl).toMatch(/^https:\/\/[a-z0-9]+\.[a-z]+$/);
      expect(org.businessAccountId).toMatch(/^[0-9]{15,16}$/);
    }
  });

  it.each([
    ['demo', DEMO_ACCOUNT],
    ['agent', AGENT_ACCOUNT],
  ])('has the fixed %s login', (_name, account) => {
    const user = world.users.find((u) => u.username === account.username);
    expect(user).toMatchObject({ email: account.email, password: account.password, status: 'Active' });
    expect(user?.name).toMatch(/^\S+ \S+/);
  });

  it('makes the demo user the first user, Owner of the main org and a member of the second', () => {
    const demo = world.users[0];
    expect(demo?.username).toBe('demo');
    expect(world.demoUserId).toBe(demo?.uniqueId);
    const memberships = world.members.filter((m) => m.userId === demo?.uniqueId);
    expect(memberships.map((m) => [m.organizationId, m.accessLevel])).toEqual([
      [main, 'Owner'],
      [world.organizations[1]?.uniqueId, 'Member'],
    ]);
  });

  it('gives the main org 4–6 agents, all Members with at least one role; the agent login has a custom role', () => {
    const members = orgOf(world.members, main);
    const agents = members.filter((m) => m.accessLevel === 'Member');
    expect(agents.length).toBeGreaterThanOrEqual(4);
    expect(agents.length).toBeLessThanOrEqual(6);
    for (const agent of agents) expect(agent.roleIds.length).toBeGreaterThan(0);
    const agentUser = world.users.find((u) => u.username === 'agent');
    const agentMember = members.find((m) => m.userId === agentUser?.uniqueId);
    expect(agentMember?.accessLevel).toBe('Member');
    expect(agentMember?.roleIds.length).toBeGreaterThan(0);
  });

  it('links every member to an existing user and to roles of its own organisation', () => {
    const users = new Set(world.users.map((u) => u.uniqueId));
    for (const member of world.members) {
      expect(users.has(member.userId)).toBe(true);
      for (const roleId of member.roleIds) expect(world.roles.find((r) => r.uniqueId === roleId)?.organizationId).toBe(member.organizationId);
    }
    const pairs = world.members.map((m) => `${m.organizationId}/${m.userId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('uses only RolePermissionEnum values in roles', () => {
    for (const role of world.roles) {
      expect(role.permissions.length).toBeGreaterThan(0);
      for (const p of role.permissions) expect(ROLE_PERMISSIONS).toContain(p);
    }
  });

  it('keeps tag labels unique per organisation', () => {
    for (const org of world.organizations) {
      const labels = orgOf(world.tags, org.uniqueId).map((t) => t.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe('contacts', () => {
  it('has about 1.3 contacts per conversation in the main org, some without any conversation', () => {
    const contacts = orgOf(world.contacts, main);
    expect(contacts.length).toBe(Math.round(world.options.size * 1.3));
    const talked = new Set(world.conversations.map((c) => c.contactId));
    expect(contacts.filter((c) => !talked.has(c.uniqueId)).length).toBeGreaterThan(world.options.size * 0.15);
  });

  it('stores phones as digits-only E.164, unique across the world', () => {
    const phones = world.contacts.map((c) => c.phone);
    for (const phone of phones) expect(phone).toMatch(E164_DIGITS);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('has customers from several countries', () => {
    const codes = new Set(world.contacts.map((c) => ['1', '44', '49', '52', '55', '62', '91', '234'].find((cc) => c.phone.startsWith(cc))));
    expect(codes.size).toBeGreaterThanOrEqual(6);
  });

  it('gives contacts small realistic attributes and mostly Active status', () => {
    for (const contact of world.contacts) {
      expect(typeof contact.attributes.city).toBe('string');
      expect(Object.keys(contact.attributes).length).toBeLessThanOrEqual(4);
    }
    const active = world.contacts.filter((c) => c.status === 'Active').length;
    expect(active / world.contacts.length).toBeGreaterThan(0.85);
    expect(world.contacts.some((c) => c.status === 'Inactive')).toBe(true);
    expect(world.contacts.some((c) => c.status === 'Blocked')).toBe(true);
  });

  it('creates every contact before its first conversation', () => {
    const created = new Map(world.contacts.map((c) => [c.uniqueId, ms(c.createdAt)]));
    for (const conversation of world.conversations) expect(created.get(conversation.contactId)).toBeLessThan(ms(conversation.createdAt));
  });
});

describe('lists and campaigns', () => {
  it('fills lists with contacts and tags of their own organisation', () => {
    for (const list of world.lists) {
      const contacts = new Set(orgOf(world.contacts, list.organizationId).map((c) => c.uniqueId));
      const tags = new Set(orgOf(world.tags, list.organizationId).map((t) => t.uniqueId));
      expect(list.contactIds.length).toBeGreaterThan(0);
      expect(new Set(list.contactIds).size).toBe(list.contactIds.length);
      for (const id of list.contactIds) expect(contacts.has(id)).toBe(true);
      for (const id of list.tagIds) expect(tags.has(id)).toBe(true);
    }
  });

  it('points campaigns at lists, tags, an approved template and a phone number of their organisation', () => {
    for (const campaign of world.campaigns) {
      const org = campaign.organizationId;
      for (const id of campaign.listIds) expect(orgOf(world.lists, org).some((l) => l.uniqueId === id && ms(l.createdAt) < ms(campaign.createdAt))).toBe(true);
      for (const id of campaign.tagIds) expect(orgOf(world.tags, org).some((t) => t.uniqueId === id)).toBe(true);
      expect(orgOf(world.templates, org).find((t) => t.id === campaign.templateMessageId)?.status).toBe('APPROVED');
      expect(orgOf(world.phoneNumbers, org).some((p) => p.id === campaign.phoneNumberInUse)).toBe(true);
      expect(orgOf(world.members, org).some((m) => m.uniqueId === campaign.createdByMemberId)).toBe(true);
    }
  });

  it('spreads campaigns over every status', () => {
    const statuses = new Set(orgOf(world.campaigns, main).map((c) => c.status));
    expect([...statuses].sort()).toEqual(['Cancelled', 'Draft', 'Finished', 'Paused', 'Running', 'Scheduled']);
  });

  it.each<[CampaignStatus, (sent: number, audience: number) => boolean]>([
    ['Finished', (sent, audience) => sent > 0 && sent <= audience],
    ['Running', (sent, audience) => sent > 0 && sent < audience],
    ['Paused', (sent, audience) => sent < audience],
    ['Cancelled', (sent, audience) => sent < audience],
    ['Draft', (sent) => sent === 0],
    ['Scheduled', (sent) => sent === 0],
  ])('keeps %s campaign counters consistent', (status, sentOk) => {
    for (const c of world.campaigns.filter((x) => x.status === status)) {
      expect(sentOk(c.messagesSent, c.audienceSize)).toBe(true);
      if (status === 'Finished') expect(c.messagesSent + c.messagesErrored).toBe(c.audienceSize);
      expect(c.messagesSent + c.messagesErrored).toBeLessThanOrEqual(c.audienceSize);
      expect(c.messagesDelivered).toBeLessThanOrEqual(c.messagesSent);
      expect(c.messagesRead).toBeLessThanOrEqual(c.messagesDelivered);
      if (status === 'Scheduled') expect(ms(c.scheduledAt ?? '')).toBeGreaterThan(ms(world.options.now));
      if (c.sentAt !== undefined) expect(ms(c.sentAt)).toBeLessThanOrEqual(ms(world.options.now));
      expect(ms(c.createdAt)).toBeLessThan(ms(world.options.now));
    }
  });

  it('counts the distinct contacts of the lists as the audience', () => {
    for (const c of world.campaigns) {
      const ids = new Set(c.listIds.flatMap((id) => world.lists.find((l) => l.uniqueId === id)?.contactIds ?? []));
      expect(c.audienceSize).toBe(ids.size);
    }
  });
});

describe('WhatsApp phone numbers and templates', () => {
  it('shapes phone numbers like the WhatsApp Cloud API', () => {
    for (const p of world.phoneNumbers) {
      const org = world.organizations.find((o) => o.uniqueId === p.organizationId);
      expect(p.verified_name).toBe(org?.name);
      expect(p.display_phone_number).toMatch(/^\+\d{1,3} [\d -]+$/);
      expect(['GREEN', 'YELLOW']).toContain(p.quality_rating);
      expect(p.platform_type).toBe('CLOUD_API');
      expect(p.code_verification_status.status).toBe('VERIFIED');
    }
  });

  it('gives the main org 5–8 templates, mostly approved, with snake_case names', () => {
    const templates = orgOf(world.templates, main);
    expect(templates.length).toBeGreaterThanOrEqual(5);
    expect(templates.length).toBeLessThanOrEqual(8);
    expect(templates.filter((t) => t.status === 'APPROVED').length).toBeGreaterThan(templates.length / 2);
    expect(new Set(templates.map((t) => t.category))).toEqual(new Set(['UTILITY', 'MARKETING', 'AUTHENTICATION']));
    for (const t of templates) expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('numbers BODY placeholders {{1}}..{{n}} and gives one example value per placeholder', () => {
    for (const t of world.templates) {
      const body = t.components.find((c) => c.type === 'BODY');
      const numbers = [...(body?.text ?? '').matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      if (numbers.length > 0) expect(body?.example?.body_text?.[0]).toHaveLength(numbers.length);
      expect(body?.text).not.toMatch(/lorem|ipsum/i);
    }
  });

  it('fills every body parameter of a campaign template', () => {
    for (const c of world.campaigns) {
      const t = world.templates.find((x) => x.id === c.templateMessageId);
      const placeholders = (t?.components.find((x) => x.type === 'BODY')?.text?.match(/\{\{\d+\}\}/g) ?? []).length;
      expect(c.templateComponentParameters.body).toHaveLength(placeholders);
    }
  });
});

describe('conversations', () => {
  it('has exactly `size` conversations in the main org', () => {
    expect(orgOf(world.conversations, main)).toHaveLength(world.options.size);
  });

  it("links each conversation to a contact of its own organisation", () => {
    const contactOrg = new Map(world.contacts.map((c) => [c.uniqueId, c.organizationId]));
    for (const c of world.conversations) expect(contactOrg.get(c.contactId)).toBe(c.organizationId);
  });

  it('has at most one Active conversation per contact, mostly Active overall', () => {
    const active = world.conversations.filter((c) => c.status === 'Active');
    expect(new Set(active.map((c) => c.contactId)).size).toBe(active.length);
    expect(active.length / world.conversations.length).toBeGreaterThan(0.5);
    expect(world.conversations.some((c) => c.status === 'Closed')).toBe(true);
  });

  it('links campaign replies to a campaign of the org sent before the conversation, and only those say Campaign', () => {
    const linked = world.conversations.filter((c) => c.campaignId !== '');
    expect(linked.length).toBeGreaterThan(0);
    for (const c of world.conversations) expect(c.initiatedBy).toBe(c.campaignId === '' ? 'Contact' : 'Campaign');
    for (const c of linked) {
      const campaign = orgOf(world.campaigns, c.organizationId).find((x) => x.uniqueId === c.campaignId);
      expect(campaign).toBeDefined();
      expect(ms(campaign?.createdAt ?? '')).toBeLessThan(ms(c.createdAt));
      expect(ms(campaign?.sentAt ?? '')).toBeLessThan(ms(c.createdAt));
      expect(campaign?.listIds.some((id) => world.lists.find((l) => l.uniqueId === id)?.contactIds.includes(c.contactId))).toBe(true);
    }
  });

  it('assigns conversations only to members of their organisation and tags them with its tags', () => {
    for (const c of world.conversations) {
      if (c.assignedToMemberId !== undefined) expect(orgOf(world.members, c.organizationId).some((m) => m.uniqueId === c.assignedToMemberId)).toBe(true);
      const tags = new Set(orgOf(world.tags, c.organizationId).map((t) => t.uniqueId));
      for (const id of c.tagIds) expect(tags.has(id)).toBe(true);
      expect(new Set(c.tagIds).size).toBe(c.tagIds.length);
    }
    expect(world.conversations.some((c) => c.assignedToMemberId === undefined)).toBe(true);
    expect(world.conversations.some((c) => c.tagIds.length > 0)).toBe(true);
  });

  it('marks customers whose opt-out the business confirmed as Inactive', () => {
    const optedOut = snapshot.conversations.filter((c) => c.scenario === 'opt_out' && snapshot.messages[c.uniqueId]?.some((m) => m.direction === 'OutBound'));
    for (const c of optedOut) expect(world.contacts.find((x) => x.uniqueId === c.contactId)?.status).toBe('Inactive');
  });

  it('sorts records by createdAt within each organisation', () => {
    for (const org of world.organizations) {
      for (const times of [orgOf(world.conversations, org.uniqueId).map((r) => ms(r.createdAt)), orgOf(world.contacts, org.uniqueId).map((r) => ms(r.createdAt))]) {
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }
  });
});
