/**
 * Multi-step account flows for the tests, done through the API only: sign up, log in, invite someone and
 * find the invite link the invitee received.
 */
import { expect } from 'vitest';
import type { TestMock } from './mock-client.js';

export const OTP = '123456';

export interface Account {
  username: string;
  email: string;
  password: string;
  name: string;
}

export function account(handle: string): Account {
  return { username: handle, email: `${handle}@example.com`, password: `${handle}-secret`, name: `${handle[0]!.toUpperCase()}${handle.slice(1)} Tester` };
}

/** Registers and verifies a new account; returns its (organization-less) token. */
export async function signUp(mock: TestMock, a: Account, organizationInviteSlug?: string): Promise<string> {
  const reg = await mock.call('POST', '/auth/register', { body: a, token: null });
  expect(reg.status, JSON.stringify(reg.body)).toBe(200);
  const ver = await mock.call<{ token: string }>('POST', '/auth/verify-email', {
    body: { ...a, otp: OTP, ...(organizationInviteSlug ? { organizationInviteSlug } : {}) },
    token: null,
  });
  expect(ver.status, JSON.stringify(ver.body)).toBe(200);
  return ver.body.token;
}

export async function logIn(mock: TestMock, username: string, password: string): Promise<string> {
  const r = await mock.call<{ token: string }>('POST', '/auth/login', { body: { username, password }, token: null });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token;
}

/** The claims of a JWT (not verified: the server does that). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export interface Notification {
  uniqueId: string;
  type: string;
  title: string;
  ctaUrl?: string;
  read: boolean;
  organizationId: string;
  createdAt: string;
}

/** The invite slug of the newest invitation notification the token's user received. */
export async function inviteSlugFromNotifications(mock: TestMock, token: string): Promise<string> {
  const r = await mock.call<{ notifications: Notification[] }>('GET', '/user/notifications?page=1&per_page=50', { token });
  expect(r.status).toBe(200);
  const invite = r.body.notifications.find((n) => n.type === 'OrganizationInvite' && n.ctaUrl?.startsWith('/invite/'));
  expect(invite, 'an invitation notification').toBeDefined();
  return invite!.ctaUrl!.slice('/invite/'.length);
}

/** The owner (`ownerToken`) invites the account; returns the slug the invitee finds in their notifications. */
export async function invite(mock: TestMock, ownerToken: string, inviteeToken: string, email: string, accessLevel: 'Owner' | 'Member' = 'Member'): Promise<string> {
  const r = await mock.call('POST', '/organization/invites', { body: { email, accessLevel }, token: ownerToken });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return inviteSlugFromNotifications(mock, inviteeToken);
}
