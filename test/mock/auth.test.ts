import { describe, expect, it } from 'vitest';
import { account, claimsOf, invite, logIn, OTP, signUp } from '../support/account-flows.js';
import { useMock } from '../support/mock-client.js';
import { AGENT_ACCOUNT, DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';

const mock = useMock();

const mainOrg = () => mock.app.mock.world.mainOrganizationId;

describe('sign-up: register → verify-email → create organization → switch', () => {
  it('creates the user, an organization they own, and a token scoped to it', async () => {
    const a = account('newbie');
    const bare = await signUp(mock, a);
    expect(claimsOf(bare)).toMatchObject({ username: 'newbie', email: 'newbie@example.com', organization_id: '', iss: 'wapikit' });

    // Not scoped yet: the user can read themselves but not organization data.
    const me = await mock.call('GET', '/user', { token: bare });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'newbie', name: a.name, isOwner: false });
    expect(me.body.user.organization).toBeUndefined();
    expect((await mock.call('GET', '/ai/chats?page=1&per_page=5', { token: bare })).status).toBe(401);
    const early = await mock.call('POST', '/auth/login', { body: { username: 'newbie', password: a.password }, token: null });
    expect(early.body.isOnboardingCompleted).toBe(false);

    const created = await mock.call('POST', '/organization', { body: { name: 'Newbie Goods', description: 'Tea and mugs' }, token: bare });
    expect(created.status).toBe(200);
    const org = created.body.organization;
    expect(org).toMatchObject({ name: 'Newbie Goods', description: 'Tea and mugs' });

    const switched = await mock.call('POST', '/auth/switch', { body: { organizationId: org.uniqueId }, token: bare });
    expect(switched.status).toBe(200);
    const token: string = switched.body.token;
    expect(claimsOf(token)).toMatchObject({ organization_id: org.uniqueId, role: 'Owner' });

    const scoped = await mock.call('GET', '/user', { token });
    expect(scoped.body.user).toMatchObject({ isOwner: true, currentOrganizationAccessLevel: 'Owner', organization: { uniqueId: org.uniqueId, name: 'Newbie Goods' } });
    const members = await mock.call('GET', '/organization/members?page=1&per_page=10', { token });
    expect(members.body.members.map((m: { email: string; accessLevel: string }) => [m.email, m.accessLevel])).toEqual([['newbie@example.com', 'Owner']]);
    const chats = await mock.call('GET', '/ai/chats?page=1&per_page=10', { token });
    expect(chats.body.chats.map((c: { title: string }) => c.title)).toEqual(['Default Chat']);
    const key = await mock.call('GET', '/auth/api-keys', { token });
    expect(key.body.apiKey.key).not.toBe('');

    // Logging in again lands in the new organization (the user's only one), with onboarding done.
    const again = await mock.call('POST', '/auth/login', { body: { username: 'newbie', password: a.password }, token: null });
    expect(again.body.isOnboardingCompleted).toBe(true);
    expect(claimsOf(again.body.token)).toMatchObject({ organization_id: org.uniqueId });
  });

  it.each([
    ['a wrong code', { otp: '654321' }, 'Invalid OTP.'],
    ['a code for an email that never registered', { email: 'someone-else@example.com' }, 'Invalid OTP.'],
  ])('refuses %s with 400', async (_name, change, message) => {
    const a = account('otpcase');
    expect((await mock.call('POST', '/auth/register', { body: a, token: null })).status).toBe(200);
    const r = await mock.call('POST', '/auth/verify-email', { body: { ...a, otp: OTP, ...change }, token: null });
    expect(r.status).toBe(400);
    expect(r.body).toBe(message);
    expect((await mock.call('POST', '/auth/login', { body: { username: 'otpcase', password: a.password }, token: null })).status).toBe(404);
  });

  it.each([
    ['an existing email', { email: 'demo@wapikit.test' }],
    ['an existing username', { username: 'agent' }],
    ['an existing username in other case', { username: 'DEMO' }],
  ])('refuses to register %s', async (_name, change) => {
    const r = await mock.call('POST', '/auth/register', { body: { ...account('dup'), ...change }, token: null });
    expect(r.status).toBe(400);
    expect(r.body).toBe('Email or username already exists');
  });

  it('refuses a malformed email before anything else', async () => {
    const r = await mock.call('POST', '/auth/register', { body: { ...account('bad'), email: 'not-an-email' }, token: null });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/request body field 'email'/);
  });
});

describe('password reset', () => {
  it('init → verify → complete changes the password; the old one stops working', async () => {
    const email = 'agent@wapikit.test';
    expect((await mock.call('POST', '/auth/reset-password/init', { body: { email }, token: null })).body).toEqual({ isOtpSent: true });
    const wrong = await mock.call('POST', '/auth/reset-password/verify', { body: { email, otp: '000000' }, token: null });
    expect([wrong.status, wrong.body]).toEqual([400, 'Invalid OTP']);
    const verified = await mock.call('POST', '/auth/reset-password/verify', { body: { email, otp: OTP }, token: null });
    expect(verified.body).toEqual({ isVerified: true });
    const done = await mock.call('POST', '/auth/reset-password/complete', { body: { email, password: 'brand-new-1' }, token: null });
    expect(done.body).toEqual({ isPasswordReset: true });

    expect((await mock.call('POST', '/auth/login', { body: { username: AGENT_ACCOUNT.username, password: AGENT_ACCOUNT.password }, token: null })).status).toBe(404);
    const token = await logIn(mock, 'agent', 'brand-new-1');
    expect((await mock.call('GET', '/user', { token })).body.user.username).toBe('agent');
  });

  it('answers "sent" for unknown addresses without revealing them, then refuses to verify them', async () => {
    const email = 'nobody@example.com';
    expect((await mock.call('POST', '/auth/reset-password/init', { body: { email }, token: null })).body).toEqual({ isOtpSent: true });
    const r = await mock.call('POST', '/auth/reset-password/verify', { body: { email, otp: OTP }, token: null });
    expect([r.status, r.body]).toEqual([404, 'Invalid OTP']);
    const c = await mock.call('POST', '/auth/reset-password/complete', { body: { email, password: 'x' }, token: null });
    expect([c.status, c.body]).toEqual([404, 'User not found']);
  });

  it('will not complete a reset whose code was never verified', async () => {
    const email = DEMO_ACCOUNT.email;
    await mock.call('POST', '/auth/reset-password/init', { body: { email }, token: null });
    const r = await mock.call('POST', '/auth/reset-password/complete', { body: { email, password: 'sneaky' }, token: null });
    expect(r.status).toBe(400);
    expect((await mock.call('POST', '/auth/login', { body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password }, token: null })).status).toBe(200);
  });
});

describe('switching organizations', () => {
  it('gives the demo user a token for the clinic, where they are a Member', async () => {
    const orgs = await mock.call('GET', '/organization?page=1&per_page=10');
    const other = orgs.body.organizations.find((o: { uniqueId: string }) => o.uniqueId !== mainOrg());
    expect(other, 'the demo user belongs to a second organization').toBeDefined();
    const r = await mock.call('POST', '/auth/switch', { body: { organizationId: other.uniqueId } });
    expect(r.status).toBe(200);
    expect(claimsOf(r.body.token)).toMatchObject({ organization_id: other.uniqueId, role: 'Member' });
    const me = await mock.call('GET', '/user', { token: r.body.token });
    expect(me.body.user).toMatchObject({ isOwner: false, currentOrganizationAccessLevel: 'Member', organization: { uniqueId: other.uniqueId } });
  });

  it.each([
    ['the organization the token is already scoped to', (own: string) => own, 400, 'Already in the same organization'],
    ['an organization the user does not belong to', () => mainOrg(), 401, 'You are not a member of this organization'],
    ['an organization that does not exist', () => '4e1e2f6a-93c1-4c2e-9a55-0d3c1d0f1b2a', 404, 'Organization not found'],
  ])('refuses %s', async (_name, target, status, message) => {
    const token = await signUp(mock, account('switcher'));
    const own = (await mock.call('POST', '/organization', { body: { name: 'Switcher Ltd' }, token })).body.organization.uniqueId as string;
    const scoped = (await mock.call('POST', '/auth/switch', { body: { organizationId: own }, token })).body.token as string;
    const r = await mock.call('POST', '/auth/switch', { body: { organizationId: target(own) }, token: scoped });
    expect([r.status, r.body]).toEqual([status, message]);
  });
});

describe('API keys', () => {
  it('the stored key is a two-year JWT that authenticates; regenerating replaces it', async () => {
    const first = await mock.call('GET', '/auth/api-keys');
    expect(first.status).toBe(200);
    const key: string = first.body.apiKey.key;
    const claims = claimsOf(key);
    expect(claims).toMatchObject({ organization_id: mainOrg(), role: 'Owner' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(2 * 365 * 24 * 3600);
    expect((await mock.call('GET', '/auth/api-keys')).body.apiKey).toEqual(first.body.apiKey);
    expect((await mock.call('GET', '/organization/members?page=1&per_page=1', { token: key })).status).toBe(200);

    const regenerated = await mock.call('GET', '/auth/api-keys/regenerate');
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.apiKey.key).not.toBe(key);
    expect(regenerated.body.apiKey.uniqueId).not.toBe(first.body.apiKey.uniqueId);
    expect((await mock.call('GET', '/auth/api-keys')).body.apiKey).toEqual(regenerated.body.apiKey);
    expect((await mock.call('GET', '/user', { token: regenerated.body.apiKey.key })).status).toBe(200);
  });
});

describe('invitations', () => {
  it('invite → accept: the invitee becomes a member, is listed, and can log in straight into the organization', async () => {
    const a = account('hire');
    const bare = await signUp(mock, a);
    const slug = await invite(mock, mock.token, bare, a.email);

    const seen = await mock.call('GET', `/organization/invite/${slug}`, { token: bare });
    expect(seen.body.invite).toMatchObject({ email: a.email, accessLevel: 'Member', status: 'Pending' });

    const accepted = await mock.call('POST', `/organization/invite/${slug}/accept`, { token: bare });
    expect(accepted.status).toBe(200);
    expect(claimsOf(accepted.body.token)).toMatchObject({ organization_id: mainOrg(), role: 'Member' });

    const members = await mock.call('GET', '/organization/members?page=1&per_page=50');
    expect(members.body.members.map((m: { email: string }) => m.email)).toContain(a.email);
    const invites = await mock.call('GET', '/organization/invites?page=1&per_page=50');
    expect(invites.body.invites.find((i: { email: string }) => i.email === a.email)?.status).toBe('Redeemed');
    expect(claimsOf(await logIn(mock, a.username, a.password))).toMatchObject({ organization_id: mainOrg() });
    expect((await mock.call('GET', '/user', { token: accepted.body.token })).body.user.currentOrganizationAccessLevel).toBe('Member');

    const again = await mock.call('POST', `/organization/invite/${slug}/accept`, { token: bare });
    expect([again.status, again.body]).toEqual([400, 'Invite already redeemed']);
  });

  it('an invite sent before sign-up reaches the new account, and join-organization redeems it', async () => {
    const a = account('later');
    expect((await mock.call('POST', '/organization/invites', { body: { email: a.email, accessLevel: 'Member' } })).status).toBe(200);
    const bare = await signUp(mock, a);
    const notes = await mock.call('GET', '/user/notifications?page=1&per_page=10', { token: bare });
    expect(notes.body.unreadCount).toBe(1);
    const slug = (notes.body.notifications[0].ctaUrl as string).replace('/invite/', '');
    const joined = await mock.call('POST', '/auth/join-organization', { body: { inviteSlug: slug }, token: bare });
    expect(joined.status).toBe(200);
    expect(claimsOf(joined.body.token)).toMatchObject({ organization_id: mainOrg() });
    const twice = await mock.call('POST', '/auth/join-organization', { body: { inviteSlug: slug }, token: bare });
    expect([twice.status, twice.body]).toEqual([400, 'Invite already accepted']);
  });

  it('sign-up with organizationInviteSlug joins at once (the token stays unscoped, as on the real server)', async () => {
    const a = account('direct');
    const other = await signUp(mock, account('probe'));
    // Owner invites a, whose account does not exist yet: the slug is read from the store's invite, as an email link would carry it.
    await mock.call('POST', '/organization/invites', { body: { email: a.email, accessLevel: 'Member' } });
    const slug = [...mock.app.mock.store.invites.values()].find((i) => i.email === a.email)!.slug;
    const bare = await signUp(mock, a, slug);
    expect(claimsOf(bare).organization_id).toBe('');
    const r = await mock.call('POST', '/auth/switch', { body: { organizationId: mainOrg() }, token: bare });
    expect(r.status).toBe(200);
    expect((await mock.call('GET', `/organization/invite/${slug}`, { token: other })).body.invite.status).toBe('Redeemed');
  });

  it.each([
    ['a pending invite for the same address', 'maya.fischer@', 'User already sent an invite'],
    ['an address that is already a member', 'agent@wapikit.test', 'User is already a member of this organization'],
  ])('refuses %s', async (_name, email, message) => {
    const address = email.endsWith('@') ? [...mock.app.mock.store.invites.values()].find((i) => i.email.startsWith(email) && i.status === 'Pending')!.email : email;
    const r = await mock.call('POST', '/organization/invites', { body: { email: address, accessLevel: 'Member' } });
    expect([r.status, r.body]).toEqual([400, message]);
  });

  it('refuses an invite meant for someone else, and unknown slugs', async () => {
    const a = account('intended');
    const intended = await signUp(mock, a);
    const slug = await invite(mock, mock.token, intended, a.email);
    const stranger = await signUp(mock, account('stranger'));
    const r = await mock.call('POST', `/organization/invite/${slug}/accept`, { token: stranger });
    expect([r.status, r.body]).toEqual([400, 'This invite was sent to another email address']);
    const unknown = await mock.call('GET', '/organization/invite/no-such-invite', { token: stranger });
    expect([unknown.status, unknown.body]).toEqual([404, 'Invite not found']);
  });
});
