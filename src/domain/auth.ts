/**
 * Sign-up, password reset and organization switching: the parts of `/auth` that change the store. Tokens are
 * signed by the handlers (signing is asynchronous); these functions decide who gets one.
 *
 * One-time codes are always `123456`, as in the community edition (the server sends no email there).
 */
import type { Mutable, Store } from '../store/store.js';
import type { UserRecord } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { denied, missing, rejected } from './errors.js';
import { notifyInvitee, pendingInvitesFor, redeemInvite } from './invites.js';
import { ORGANIZATION_NOT_FOUND } from './membership.js';

export const OTP = '123456';

const key = (email: string) => email.trim().toLowerCase();

function taken(store: Store, email: string, username: string): boolean {
  const e = key(email);
  const u = username.trim().toLowerCase();
  for (const user of store.users.values()) if (user.email.toLowerCase() === e || user.username.toLowerCase() === u) return true;
  return false;
}

/** `POST /auth/register`: remembers the sign-up until its code is confirmed. */
export function register(store: Store, body: Schemas['RegisterRequestBodySchema']): void {
  if (taken(store, body.email, body.username)) throw rejected('Email or username already exists');
  store.pendingRegistrations.set(key(body.email), { email: key(body.email), username: body.username.trim(), requestedAt: store.now() });
}

/**
 * `POST /auth/verify-email`: creates the account when the code matches a pending sign-up for that email.
 * A valid `organizationInviteSlug` for that email makes the new user a member at once (the token stays
 * unscoped, as on the real server); other pending invites for the email become notifications.
 */
export function verifyEmail(store: Store, body: Schemas['VerifyOtpRequestBodySchema']): UserRecord {
  const pending = store.pendingRegistrations.get(key(body.email));
  if (body.otp !== OTP || !pending) throw rejected('Invalid OTP.');
  if ([...store.users.values()].some((u) => u.email.toLowerCase() === key(body.email))) throw rejected('User already exists');
  if (taken(store, body.email, body.username)) throw rejected('Email or username already exists');
  const user: Mutable<UserRecord> = {
    uniqueId: store.ids.uuid(),
    username: body.username.trim(),
    email: key(body.email),
    name: body.name.trim(),
    password: body.password,
    createdAt: store.now(),
    status: 'Active',
  };
  store.users.set(user.uniqueId, user);
  store.pendingRegistrations.delete(key(body.email));
  const slug = body.organizationInviteSlug?.trim();
  for (const invite of pendingInvitesFor(store, user.email)) {
    if (slug && invite.slug === slug) redeemInvite(store, user.uniqueId, slug, 'Invite already redeemed');
    else notifyInvitee(store, invite, user.uniqueId);
  }
  return user;
}

/** `POST /auth/reset-password/init`: always "sent"; only known addresses get a code. */
export function startPasswordReset(store: Store, email: string): void {
  if (store.userByLogin(email)?.email.toLowerCase() === key(email)) store.passwordResets.set(key(email), { email: key(email), verified: false });
}

/** `POST /auth/reset-password/verify`. */
export function verifyPasswordReset(store: Store, email: string, otp: string): void {
  const user = store.userByLogin(email);
  if (!user || user.email.toLowerCase() !== key(email)) throw missing('Invalid OTP');
  const reset = store.passwordResets.get(key(email));
  if (!reset || otp !== OTP) throw rejected('Invalid OTP');
  reset.verified = true;
}

/** `POST /auth/reset-password/complete`: needs a verified code for that email; the new password works at once. */
export function completePasswordReset(store: Store, email: string, password: string): void {
  const user = store.userByLogin(email);
  if (!user || user.email.toLowerCase() !== key(email)) throw missing('User not found');
  if (!store.passwordResets.get(key(email))?.verified) throw rejected('Verify the one-time code with POST /auth/reset-password/verify first');
  user.password = password;
  store.passwordResets.delete(key(email));
}

/** `POST /auth/switch`: the organization the new token will be scoped to. */
export function switchTarget(store: Store, userId: string, currentOrganizationId: string, organizationId: string): string {
  if (organizationId === currentOrganizationId) throw rejected('Already in the same organization');
  if (!store.organizations.has(organizationId)) throw missing(ORGANIZATION_NOT_FOUND);
  if (!store.memberOf(userId, organizationId)) throw denied('You are not a member of this organization');
  return organizationId;
}
